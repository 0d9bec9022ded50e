import CNNCore
import CNNRender
import CNNSandbox
import Testing

@Suite("Pooling view: golden frames and numbers from the core")
struct PoolViewTests {
    /// The lecture notes' 4×4 max-pooling example.
    static let example = PoolSetup(inputRows: 4, inputColumns: 4, pattern: .poolExample)
    static let mono = RenderOptions(color: false)

    static func model(_ setup: PoolSetup, step: Int = 0) -> PoolModel {
        var model = PoolModel(setup: setup, playing: false)
        model.player.go(to: step)
        return model
    }

    static func frame(_ model: PoolModel, width: Int = 80, height: Int = 24, options: RenderOptions = mono)
        -> Canvas
    {
        PoolView.render(model, width: width, height: height, options: options).canvas
    }

    /// The words drawn in cells whose style passes `test`, left to right, top to bottom, in the
    /// input panel only (between its title and the written-out result, left of the output).
    static func words(_ canvas: Canvas, where test: (CellStyle) -> Bool) -> [String] {
        let lines = canvas.lines
        guard let title = lines.firstIndex(where: { $0.hasPrefix(" input ") }) else { return [] }
        let end = lines[(title + 1)...].firstIndex { $0.contains(" = ") } ?? canvas.height
        let right =
            lines[title].range(of: "output").map {
                lines[title].distance(from: lines[title].startIndex, to: $0.lowerBound)
            } ?? canvas.width
        var words: [String] = []
        for y in (title + 1)..<end {
            var word = ""
            for x in 0..<right {
                let cell = canvas[y, x]
                if test(cell.style) && cell.character != " " {
                    word.unicodeScalars.append(cell.character)
                } else if !word.isEmpty {
                    words.append(word)
                    word = ""
                }
            }
            if !word.isEmpty { words.append(word) }
        }
        return words
    }

    /// Lit window cells in monochrome: bold, reversed and underlined (the palette's highlight).
    static func lit(_ canvas: Canvas) -> [String] {
        words(canvas) { $0.reverse && $0.underline }
    }

    /// The winner in monochrome: reversed but not underlined.
    static func winners(_ canvas: Canvas) -> [String] {
        words(canvas) { $0.reverse && !$0.underline }
    }

    static let maxSums = ["max(1, 1, 5, 6) = 6", "max(2, 4, 7, 8) = 8", "max(3, 2, 1, 2) = 3", "max(1, 0, 3, 4) = 4"]

    @Test("the 4×4 example, 2×2 windows at stride 2 → 6 8 3 4, step by step with the winner marked", arguments: 0..<4)
    func exampleStepByStep(step: Int) throws {
        let model = Self.model(Self.example, step: step)
        let canvas = Self.frame(model)
        Golden.check(canvas, named: "pool-example-step\(step + 1)")
        let computation = try #require(model.computation)
        let core = try maxPool2d(Self.example.input, parameters: PoolParameters(kernel: [2, 2]))
        #expect(core.output.data == [6, 8, 3, 4])
        #expect(computation.output == core.output)
        let trace = try #require(computation.trace(step: step))
        #expect(trace.value == core.output.data[step])
        #expect(Double(trace.winnerFlatIndex ?? -1) == core.indices?.data[step])
        #expect(canvas.contains("out[\(step / 2),\(step % 2)] = " + Self.maxSums[step]))
        #expect(canvas.contains("step \(step + 1)/4"))
        // The winner carries the marker and its own style; the other three window cells are lit.
        let winnerText = "⋆" + NumberText.format(trace.value)
        #expect(Self.winners(canvas).contains(winnerText))
        #expect(Self.lit(canvas).count >= 3)
        #expect(
            canvas.contains("winner: input[\(trace.cells[trace.winner!].row),\(trace.cells[trace.winner!].column)]"))
    }

    @Test("the 4×4 example from the flags: --input 4 --fill pool-example (window and stride default to 2)")
    func exampleFromFlags() throws {
        var conv = ConvSetup(inputRows: 4, inputColumns: 4, pattern: .poolExample)
        conv.kernelRows = 3  // not given: the window stays 2×2
        let screen = try PoolModel(
            configuration: ExploreConfiguration(conv: conv, given: ["input", "fill"]), playing: false, speed: 2)
        #expect(screen.setup.window == [2, 2])
        #expect(screen.setup.effectiveStride == [2, 2])
        #expect(screen.computation?.output.data == [6, 8, 3, 4])
    }

    @Test("ties: the first cell in reading order wins and the frame says so")
    func ties() throws {
        let setup = PoolSetup(inputRows: 2, inputColumns: 2, inputValues: [5, 5, 1, 5])
        let model = Self.model(setup)
        let trace = try #require(model.currentTrace)
        #expect(trace.winner == 0)
        let canvas = Self.frame(model)
        #expect(canvas.contains("3 cells tie, the first in reading"))
        #expect(Self.winners(canvas).contains("⋆5"))
    }

    @Test("3×3 ramp, 2×2 window at stride 1 → 4 5 7 8 (--fill ramp --kernel 2 --stride 1)")
    func rampStride1() throws {
        let conv = ConvSetup(
            inputRows: 3, inputColumns: 3, kernelRows: 2, kernelColumns: 2, stride: [1, 1], pattern: .ramp)
        var screen = try PoolModel(
            configuration: ExploreConfiguration(conv: conv, given: ["input", "fill", "kernel", "stride"]),
            playing: false, speed: 2)
        let core = try maxPool2d(conv.input, parameters: PoolParameters(kernel: [2, 2], stride: [1, 1]))
        #expect(core.output.data == [4, 5, 7, 8])
        #expect(screen.computation?.output == core.output)
        let sums = ["max(0, 1, 3, 4) = 4", "max(1, 2, 4, 5) = 5", "max(3, 4, 6, 7) = 7", "max(4, 5, 7, 8) = 8"]
        for step in 0..<4 {
            screen.player.go(to: step)
            let canvas = screen.render(width: 80, height: 24, options: Self.mono).canvas
            #expect(canvas.contains(sums[step]))
            if step == 3 { Golden.check(canvas, named: "pool-ramp-stride1") }
        }
    }

    @Test("average with count_include_pad on and off: the divisor and what it counts", arguments: [true, false])
    func averageCountIncludePad(include: Bool) throws {
        var setup = Self.example
        setup.kind = .average
        setup.padding = [1, 1]
        setup.countIncludePad = include
        let model = Self.model(setup)
        let canvas = Self.frame(model)
        Golden.check(canvas, named: "pool-average-include-pad-\(include ? "on" : "off")")
        let core = try avgPool2d(setup.input, parameters: setup.parameters)
        #expect(model.computation?.output == core)
        let trace = try #require(model.currentTrace)
        #expect(trace.divisor == (include ? 4 : 1))
        #expect(trace.value == core.data[0])
        if include {
            #expect(canvas.contains("out[0,0] = (0 + 0 + 0 + 1) / 4 = 0.25"))
            #expect(canvas.contains("divisor 4 = 1 input cell + 3 padding cells (count_include_pad on)"))
            #expect(Self.lit(canvas).filter { $0 == "0" }.count == 3)
        } else {
            #expect(canvas.contains("out[0,0] = (1) / 1 = 1"))
            #expect(canvas.contains("divisor 1 = the 1 input cell only; 3 padding left out (count_include_pad off)"))
            // The padding cells of the window are drawn but not lit: dim and underlined.
            #expect(Self.words(canvas) { $0.dim && $0.underline }.filter { $0 == "0" }.count == 3)
        }
        #expect(canvas.contains("n count_include_pad \(include ? "on" : "off")"))
    }

    @Test("average of the 4×4 example: (1 + 1 + 5 + 6) / 4 = 3.25")
    func averageExample() throws {
        var setup = Self.example
        setup.kind = .average
        let canvas = Self.frame(Self.model(setup))
        #expect(canvas.contains("out[0,0] = (1 + 1 + 5 + 6) / 4 = 3.25"))
        #expect(canvas.contains("divisor 4: the 4 input cells of the window"))
        #expect(try avgPool2d(setup.input, parameters: setup.parameters).data == [3.25, 5.25, 2, 2])
    }

    @Test(
        "ceil_mode with a dropped window: 5×5, 2×2 window, padding 1 → 3×3, the 4th window would start in the padding")
    func ceilModeDropped() throws {
        let setup = PoolSetup(inputRows: 5, inputColumns: 5, padding: [1, 1], ceilMode: true, pattern: .ramp)
        let model = Self.model(setup, step: 8)
        let canvas = Self.frame(model)
        Golden.check(canvas, named: "pool-ceil-dropped")
        let layer = try PoolLayer(kind: .max, inputShape: [1, 1, 5, 5], parameters: setup.parameters)
        #expect(layer.rowAxis.ceilWindowDropped && !layer.rowAxis.ceilWindowAdded)
        #expect(model.computation?.output == (try layer.forward(setup.input)).output)
        #expect(canvas.contains("⌈(5 + 2·1 − 1·(2−1) − 1)/2⌉ + 1 − 1 = 3"))
        #expect(canvas.contains("would start in the"))
        #expect(canvas.contains("PyTorch drops it"))
        #expect(canvas.contains("max(18, 19, 23, 24) = 24"))
    }

    @Test("ceil_mode adding a partial window: the overhang is drawn and not counted")
    func ceilModeAdded() throws {
        let setup = PoolSetup(kind: .average, inputRows: 5, inputColumns: 5, ceilMode: true, pattern: .ramp)
        let model = Self.model(setup, step: 8)
        let canvas = Self.frame(model)
        Golden.check(canvas, named: "pool-ceil-added")
        let trace = try #require(model.currentTrace)
        #expect(trace.cells.filter(\.isBeyondPadding).count == 3)
        #expect(trace.divisor == 1)
        #expect(canvas.contains("input 5×5 + overhang"))
        #expect(canvas.contains("ceil mode adds a partial window"))
        #expect(canvas.contains("out[2,2] = (24) / 1 = 24"))
        #expect(canvas.contains("3 past the padding never count"))
        #expect(model.computation?.output == (try avgPool2d(setup.input, parameters: setup.parameters)))
    }

    @Test("a dilated max window lights its four taps and not the holes between them")
    func dilatedMax() throws {
        let setup = PoolSetup(inputRows: 5, inputColumns: 5, stride: [1, 1], dilation: [2, 2], pattern: .ramp)
        let model = Self.model(setup, step: 1)
        let canvas = Self.frame(model)
        Golden.check(canvas, named: "pool-dilated-max")
        #expect(canvas.contains("out[0,1] = max(1, 3, 11, 13) = 13"))
        #expect(canvas.contains("⌊(5 + 2·0 − 2·(2−1) − 1)/1⌋ + 1 = 3"))
        #expect(Set(Self.lit(canvas)) == ["1", "3", "11"])
        #expect(Self.winners(canvas).contains("⋆13"))
        #expect(model.computation?.output == (try maxPool2d(setup.input, parameters: setup.parameters)).output)
    }

    @Test("average pooling refuses dilation: the core's message in place, the view stays up")
    func averageRefusesDilation() {
        var model = Self.model(PoolSetup(inputRows: 5, inputColumns: 5, dilation: [2, 2], pattern: .ramp))
        #expect(model.errorMessage == nil)
        model.apply(.viewKey("m"))
        #expect(model.errorMessage == "dilation: average pooling has no dilation, got 2×2; use 1×1 or max pooling")
        let canvas = Self.frame(model)
        #expect(canvas.contains("cannot compute"))
        #expect(canvas.contains("dilation: average pooling"))
        model.apply(.dilation(-1))
        #expect(model.errorMessage == nil)
    }

    @Test("global max and average pooling light the whole plane and write it out", arguments: [PoolKind.max, .average])
    func global(kind: PoolKind) throws {
        var setup = Self.example
        setup.kind = kind
        var model = Self.model(setup)
        model.apply(.viewKey("g"))
        #expect(model.setup.mode == .global)
        let canvas = Self.frame(model)
        Golden.check(canvas, named: "pool-global-\(kind.rawValue)")
        let core = try globalPool(kind, setup.input)
        #expect(model.computation?.output == core)
        #expect(model.player.stepCount == 1)
        if kind == .max {
            #expect(core.data == [8])
            #expect(canvas.contains("global max = max(1, 1, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4) = 8"))
            #expect(Self.lit(canvas).count == 15)
            #expect(Self.winners(canvas).contains("⋆8"))
        } else {
            #expect(core.data == [3.125])
            #expect(canvas.contains("global avg = (1 + 1 + 2 + 4 + 5 + 6 + 7 + 8 + 3 + 2 + 1 + 0 + 1 + 2 + 3 + 4)"))
            #expect(canvas.contains("/ 16 = 3.12"))
            #expect(canvas.contains("divisor 16: the 16 input cells of the plane"))
            #expect(Self.lit(canvas).count == 16)
        }
    }

    @Test("global pooling of large planes: long sums are elided, huge planes show only the core's value")
    func globalLarge() throws {
        for side in [64, 200] {
            var model = Self.model(PoolSetup(kind: .average, inputRows: side, inputColumns: side, pattern: .random))
            model.apply(.viewKey("g"))
            let canvas = Self.frame(model)
            let core = try globalPool(.average, model.input)
            #expect(model.computation?.output == core)
            #expect(canvas.contains("= \(NumberText.format(core.data[0]))"))
            if side == 64 {
                Golden.check(canvas, named: "pool-global-64")
                #expect(model.currentTrace?.cells.count == 4096)
                #expect(canvas.contains("more"))
                #expect(canvas.contains("/ 4096 = "))
            } else {
                #expect(model.currentTrace == nil)
                Golden.check(canvas, named: "pool-global-large")
                #expect(canvas.contains("global avg of the 200×200 plane = "))
                // Part of the plane is shown: its rows and columns carry their indices.
                #expect(canvas.lines.contains { $0.hasPrefix("  12│") })
                #expect(canvas.contains("  0  1  2  3"))
                // The minimap: the part on screen, and no window (the whole plane is the window).
                #expect(canvas.contains("▒···"))
                #expect(!canvas.contains("█"))
            }
        }
    }

    @Test("k-max pooling lights the k largest in reading order; k changes with x/X")
    func kMax() throws {
        var model = Self.model(Self.example)
        model.apply(.viewKey("g"))
        model.apply(.viewKey("g"))
        #expect(model.setup.mode == .kMax)
        #expect(model.player.stepCount == 3)
        model.apply(.lastStep)
        let canvas = Self.frame(model)
        Golden.check(canvas, named: "pool-kmax")
        let core = try kMaxPoolWithIndices(Self.example.input, k: 3)
        #expect(core.output.data == [6, 7, 8])
        #expect(core.indices?.data == [5, 6, 7])
        #expect(model.computation?.output == core.output)
        #expect(canvas.contains("3-max keeps the 3 largest of 16, in reading order: [6, 7, 8]"))
        #expect(canvas.contains("kept value 3 = input[1,3] = 8"))
        #expect(Self.lit(canvas).prefix(2) == ["6", "7"])
        #expect(Self.winners(canvas).contains("⋆8"))
        model.apply(.viewKey("X"))
        #expect(model.computation?.output.data == (try kMaxPool(Self.example.input, k: 4)).data)
        model.apply(.kernelSize(-1))
        model.apply(.viewKey("x"))
        #expect(model.setup.k == 2)
        #expect(model.computation?.output.data == [7, 8])
    }

    @Test("padding more than half the window: refused by the flags, shown in place after a key")
    func invalidGeometry() {
        var conv = ConvSetup(inputRows: 4, inputColumns: 4, pattern: .poolExample)
        conv.padding = .explicit([2, 2])
        #expect(throws: CNNError.self) {
            _ = try PoolModel(
                configuration: ExploreConfiguration(conv: conv, given: ["padding"]), playing: false, speed: 2)
        }
        var model = Self.model(PoolSetup(inputRows: 4, inputColumns: 4, padding: [1, 1], pattern: .poolExample))
        model.apply(.padding(+1))
        #expect(
            model.errorMessage
                == "padding: 2×2 is more than half the 2×2 window (at most 1×1); lower the padding or enlarge the window"
        )
        let canvas = Self.frame(model)
        Golden.check(canvas, named: "pool-invalid-geometry")
        #expect(canvas.contains("cannot compute"))
        #expect(canvas.contains("out none"))
        #expect(canvas.contains("input 4×4 + pad"))
        model.apply(.padding(-1))
        #expect(model.errorMessage == nil)
        #expect(!Self.frame(model).contains("cannot compute"))
    }

    @Test("--ascii: every character is ASCII; padding is -inf")
    func ascii() {
        let setup = PoolSetup(
            inputRows: 5, inputColumns: 5, window: [3, 3], stride: [2, 2], padding: [1, 1], pattern: .random)
        let canvas = Self.frame(Self.model(setup, step: 1), options: RenderOptions(ascii: true, color: false))
        Golden.check(canvas, named: "pool-ascii")
        #expect(canvas.cells.allSatisfy { $0.character.isASCII })
        #expect(canvas.contains("-inf"))
        #expect(canvas.contains("floor((5 + 2*1 - 1*(3-1) - 1)/2) + 1 = 3"))
        #expect(canvas.contains("* winner"))
    }

    @Test("frames at 80×24 and 200×60: larger terminals get larger cells", arguments: [(80, 24), (200, 60)])
    func sizes(width: Int, height: Int) throws {
        let setup = PoolSetup(inputRows: 7, inputColumns: 7, padding: [1, 1], pattern: .random)
        let canvas = Self.frame(Self.model(setup, step: 4), width: width, height: height)
        Golden.check(canvas, named: "pool-\(width)x\(height)")
        #expect(canvas.width == width && canvas.height == height)
        #expect(canvas.contains("max pool  input 7×7  window 2×2  stride 2 (= window)  pad 1  dil 1  → out 4×4"))
        #expect(canvas.lines[height - 1].contains("step 5/16"))
        let trace = try #require(Self.model(setup, step: 4).currentTrace)
        #expect(canvas.contains("= \(NumberText.format(trace.value))"))
    }

    @Test("the help overlay lists the view's keys; clicks map to output cells")
    func helpAndHits() throws {
        var model = Self.model(Self.example)
        let frame = PoolView.render(model, width: 80, height: 24, options: Self.mono)
        let region = try #require(frame.hits.first { $0.target == .outputCell(row: 1, column: 0) })
        #expect(frame.target(row: region.row, column: region.column) == .outputCell(row: 1, column: 0))
        model.apply(.toggleHelp)
        let canvas = Self.frame(model)
        Golden.check(canvas, named: "pool-help")
        for text in [
            "max / average pooling", "ceil_mode on / off", "count_include_pad", "window → global → k-max",
            "k − / + (k-max)",
        ] {
            #expect(canvas.contains(text))
        }
        model.apply(.selectOutput(row: 1, column: 1))
        #expect(model.player.step == 3)
    }

    @Test("colour frames stay legible without colour")
    func colours() {
        let colored = Self.frame(Self.model(Self.example), options: RenderOptions(color: true))
        #expect(colored.cells.contains { $0.style.background != nil })
        let mono = Self.frame(Self.model(Self.example))
        #expect(mono.cells.allSatisfy { $0.style.background == nil && $0.style.foreground == nil })
        #expect(mono.text == colored.text)
    }
}
