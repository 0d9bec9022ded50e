import CNNCore
import CNNRender
import CNNSandbox
import Testing

@Suite("1-D view: golden frames and numbers from the core")
struct OneDViewTests {
    static let mono = RenderOptions(color: false)
    /// A ramp signal 0…7 and the ramp kernel 0, 1, 2.
    static let rampSetup = OneDSetup(length: 8, kernelSize: 3, preset: .ramp, pattern: .ramp)

    static func model(_ setup: OneDSetup, step: Int? = nil) -> OneDModel {
        var model = OneDModel(setup: setup, playing: false)
        if let step { model.player.go(to: step) }
        return model
    }

    static func frame(_ model: OneDModel, width: Int = 80, height: Int = 24, options: RenderOptions = mono)
        -> Canvas
    {
        OneDView.render(model, width: width, height: height, options: options).canvas
    }

    /// The words of one screen row drawn in reversed cells (lit in monochrome).
    static func reversedWords(_ canvas: Canvas, row: Int) -> [String] {
        var words: [String] = []
        var word = ""
        for x in 0..<canvas.width {
            let cell = canvas[row, x]
            if cell.style.reverse && cell.character != " " {
                word.unicodeScalars.append(cell.character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    @Test("a single 1-D convolution step by step: the products written out equal conv1d", arguments: 0..<3)
    func singleStepByStep(step: Int) throws {
        let model = Self.model(Self.rampSetup, step: step)
        let canvas = Self.frame(model)
        Golden.check(canvas, named: "oned-single-step\(step + 1)")
        let core = try conv1d(
            Self.rampSetup.input, weight: Self.rampSetup.kernel, parameters: ConvParameters.defaults(spatialRank: 1))
        #expect(core.data == [5, 8, 11, 14, 17, 20])
        #expect(model.computation?.output == core)
        let sums = ["0×0 + 1×1 + 2×2 = 5", "1×0 + 2×1 + 3×2 = 8", "2×0 + 3×1 + 4×2 = 11"]
        #expect(canvas.contains("out[\(step)]: " + sums[step]))
        let trace = try #require(model.currentTrace)
        #expect(trace.value == core.data[step])
        // The products row shows each term's product under its tap.
        let productRow = try #require(canvas.row(containing: "product"))
        let products = canvas.lines[productRow].split(separator: " ").dropFirst().map(String.init)
        #expect(products == trace.terms.map { NumberText.format($0.product) })
        // The taps are lit on the input row: positions step…step+2.
        let inputRow = try #require(canvas.lines.firstIndex { $0.hasPrefix(" input") })
        #expect(Self.reversedWords(canvas, row: inputRow) == (step..<(step + 3)).map(String.init))
        #expect(canvas.contains("out[\(step)] reads positions \(step)…\(step + 2)"))
    }

    @Test("causal padding: d·(k−1) zeros on the left only, and output t reads only inputs ≤ t")
    func causal() throws {
        var setup = Self.rampSetup
        setup.causal = true
        setup.dilation = 2
        let model = Self.model(setup, step: 3)
        let canvas = Self.frame(model)
        Golden.check(canvas, named: "oned-causal")
        let computation = try #require(model.computation)
        #expect(computation.layer.axes[0].padding == AxisPadding(before: 4, after: 0))
        #expect(computation.outputColumns == 8)
        for t in 0..<computation.outputColumns {
            let columns = computation.trace(step: t).terms.map(\.column)
            #expect(columns.allSatisfy { $0 <= t })
            #expect(columns.max() == t)
        }
        let core = try conv1d(
            setup.input, weight: setup.kernel,
            parameters: ConvParameters(
                stride: [1], padding: .asymmetric([AxisPadding(before: 4, after: 0)]), dilation: [2]))
        #expect(computation.output == core)
        #expect(canvas.contains("pad 4 left (causal)"))
        #expect(canvas.contains("⌊(8 + 4 + 0 − 2·(3−1) − 1)/1⌋ + 1 = 8"))
        #expect(canvas.contains("out[3]: 0×0 + 1×1 + 3×2 = 7"))
        #expect(canvas.contains("out[3] reads positions -1…3, all ≤ t = 3: nothing from the future"))
        // The wall after t = 3 and the future beyond it.
        let inputRow = try #require(canvas.lines.firstIndex { $0.hasPrefix(" input") })
        #expect(canvas.lines[inputRow].contains("3│"))
        #expect(canvas.contains("future, not seen by out[3]"))
        // The key turns it off: symmetric padding again, output shorter.
        var toggled = model
        toggled.apply(.viewKey("a"))
        #expect(toggled.setup.causal == false)
        #expect(toggled.computation?.outputColumns == 4)
    }

    @Test("a stack over a sequence too long for the screen pages and keeps its connection lines")
    func longStackKeepsConnections() throws {
        let model = try OneDModel(
            configuration: ExploreConfiguration(
                conv: ConvSetup(inputRows: 60, inputColumns: 60), layers: "conv2,conv2d2,conv2d4",
                given: ["layers", "input"]),
            playing: false, speed: 2)
        #expect(model.setup.stackMode)
        let canvas = Self.frame(model)
        #expect(canvas.lines.contains { $0.hasPrefix(" positions ") && $0.contains(" of ") }, "the sequence pages")
        #expect(canvas.lines.filter { $0.contains("┌") && $0.contains("┤") }.count == 3)
    }

    @Test(
        "the dilated causal stack (dilations 1 2 4 8): receptive fields 2 4 8 16 and the lit cells of the last output")
    func dilatedStack() throws {
        let conv = ConvSetup(pattern: .ramp)
        let screen = try OneDModel(
            configuration: ExploreConfiguration(
                conv: conv, layers: "conv2d1,conv2d2,conv2d4,conv2d8", given: ["layers", "fill"]),
            playing: false, speed: 2)
        let model = screen
        #expect(model.setup.stackMode && model.setup.causal)
        #expect(model.player.step == 15)
        let stack = try #require(model.stackComputation)
        #expect((1...4).map { stack.receptiveField(level: $0) } == [2, 4, 8, 16])
        let rows = try ReceptiveField.rows(for: LayerSyntax.parse("conv2d1,conv2d2,conv2d4,conv2d8"))
        #expect(rows.map(\.size) == [2, 4, 8, 16])
        // Every level is as long as the signal, and its values are the core's conv1d chain.
        var level = model.input
        for index in 0..<4 {
            let d = [1, 2, 4, 8][index]
            level = try conv1d(
                level, weight: stack.weights[index],
                parameters: ConvParameters(
                    stride: [1], padding: .asymmetric([AxisPadding(before: d, after: 0)]), dilation: [d]))
            #expect(stack.levels[index + 1] == level)
        }
        let dependencies = try #require(model.currentDependencies)
        #expect(dependencies.cells[4] == [15])
        #expect(dependencies.cells[3] == [7, 15])
        #expect(dependencies.cells[2] == [3, 7, 11, 15])
        #expect(dependencies.cells[1] == Array(stride(from: 1, through: 15, by: 2)))
        #expect(dependencies.cells[0] == Array(0..<16))
        #expect(dependencies.padding.allSatisfy { $0.isEmpty })

        let canvas = screen.render(width: 80, height: 24, options: Self.mono).canvas
        Golden.check(canvas, named: "oned-stack")
        for (level, field) in [(4, 16), (3, 8), (2, 4), (1, 2), (0, 1)] {
            let name = level == 0 ? "signal" : "layer \(level)"
            let row = try #require(canvas.lines.firstIndex { $0.hasPrefix(" \(name)") })
            #expect(canvas.lines[row].contains("RF \(field)"))
            let lit = Self.reversedWords(canvas, row: row)
            #expect(lit == dependencies.cells[level].map { NumberText.format(stack.value(level: level, position: $0)) })
        }
        #expect(canvas.contains("receptive field after each layer: 2, 4, 8, 16"))
        let top = stack.trace(level: 4, position: 15)
        #expect(canvas.contains("layer 4 out[15]: \(NumberText.factor(top.terms[0].inputValue))×"))
        #expect(canvas.contains("= \(NumberText.format(stack.value(level: 4, position: 15)))"))
        #expect(canvas.contains("it depends on 16 signal cells, 0…15; receptive field 16"))
        // Connections: level 4's output joins 7 and 15 of level 3.
        let below = try #require(canvas.lines.firstIndex { $0.hasPrefix(" layer 4") }) + 1
        #expect(canvas.lines[below].contains("┌───────────────────────┤"))
    }

    @Test("an early output of the stack reads causal padding; t toggles the stack; n N change the depth")
    func stackKeys() throws {
        var model = Self.model(OneDSetup(pattern: .ramp))
        #expect(!model.setup.stackMode)
        model.apply(.viewKey("t"))
        #expect(model.setup.stackMode && model.setup.causal)
        #expect(model.player.step == 15)
        model.apply(.selectOutput(row: 0, column: 2))
        let dependencies = try #require(model.currentDependencies)
        #expect(dependencies.cells[0] == [0, 1, 2])
        #expect(!dependencies.padding[0].isEmpty)
        #expect(Self.frame(model).contains("it depends on 3 signal cells, 0…2; receptive field 16"))
        model.apply(.viewKey("N"))
        #expect(model.stackComputation?.receptiveField(level: 5) == 32)
        model.apply(.viewKey("n"))
        model.apply(.viewKey("n"))
        #expect(model.stackComputation?.depth == 3)
        model.apply(.kernelSize(+1))
        #expect(model.stackComputation.map { stack in (1...3).map { stack.receptiveField(level: $0) } } == [3, 7, 15])
    }

    @Test("a long signal: the stack pans to the chosen output and draws only what is visible")
    func longSignal() throws {
        var model = Self.model(OneDSetup(length: 4096, causal: true, stackMode: true, pattern: .random))
        #expect(model.player.step == 4095)
        var canvas = Self.frame(model)
        #expect(canvas.contains("positions "))
        let stack = try #require(model.stackComputation)
        #expect(canvas.contains("= \(NumberText.format(stack.value(level: 4, position: 4095)))"))
        #expect(stack.positions(level: 2, within: 4080..<4096) == 4080..<4096)
        model.apply(.firstStep)
        canvas = Self.frame(model)
        #expect(canvas.contains("it depends on 1 signal cell, 0…0"))
    }

    @Test("refusals: a kernel larger than the padded signal shows in place; pools in --layers are refused")
    func refusals() {
        var model = Self.model(OneDSetup(length: 4, kernelSize: 3, pattern: .ramp))
        model.apply(.dilation(+1))
        #expect(model.errorMessage?.hasPrefix("kernel 3 at dilation 2 spans 5, larger than the padded input 4") == true)
        let canvas = Self.frame(model)
        Golden.check(canvas, named: "oned-invalid-geometry")
        #expect(canvas.contains("cannot compute"))
        #expect(canvas.contains("out none"))
        model.apply(.viewKey("a"))
        #expect(model.errorMessage == nil)
        #expect(throws: CNNError.self) {
            _ = try OneDModel(
                configuration: ExploreConfiguration(layers: "conv2,maxpool2", given: ["layers"]), playing: false,
                speed: 2)
        }
        #expect(throws: CNNError.self) {
            _ = try OneDModel(
                configuration: ExploreConfiguration(
                    conv: ConvSetup(inputRows: 2, kernelRows: 5, kernelColumns: 5), given: ["input", "kernel"]),
                playing: false, speed: 2)
        }
    }

    @Test("--ascii: every character is ASCII, in both modes")
    func ascii() {
        var setup = Self.rampSetup
        setup.causal = true
        let options = RenderOptions(ascii: true, color: false)
        let single = Self.frame(Self.model(setup, step: 4), options: options)
        Golden.check(single, named: "oned-ascii")
        #expect(single.cells.allSatisfy { $0.character.isASCII })
        #expect(single.contains("floor((8 + 2 + 0 - 1*(3-1) - 1)/1) + 1 = 8"))
        setup.stackMode = true
        setup.length = 16
        let stack = Self.frame(Self.model(setup), options: options)
        Golden.check(stack, named: "oned-stack-ascii")
        #expect(stack.cells.allSatisfy { $0.character.isASCII })
        #expect(stack.contains("+-----------------------+"))
    }

    @Test("frames at 80×24 and 200×60: larger terminals get larger cells", arguments: [(80, 24), (200, 60)])
    func sizes(width: Int, height: Int) throws {
        let setup = OneDSetup(causal: true, pattern: .random)
        let model = Self.model(setup, step: 6)
        let canvas = Self.frame(model, width: width, height: height)
        Golden.check(canvas, named: "oned-\(width)x\(height)")
        #expect(canvas.width == width && canvas.height == height)
        #expect(canvas.lines[height - 1].contains("step 7/16"))
        let trace = try #require(model.currentTrace)
        #expect(canvas.contains("= \(NumberText.format(trace.value))"))
        var stack = setup
        stack.stackMode = true
        let stackCanvas = Self.frame(Self.model(stack), width: width, height: height)
        Golden.check(stackCanvas, named: "oned-stack-\(width)x\(height)")
        #expect(stackCanvas.contains("RF 16"))
    }

    @Test("the help overlay lists the view's keys; clicks map to outputs")
    func helpAndHits() throws {
        var model = Self.model(Self.rampSetup)
        let frame = OneDView.render(model, width: 80, height: 24, options: Self.mono)
        let region = try #require(frame.hits.first { $0.target == .outputCell(row: 0, column: 4) })
        #expect(frame.target(row: region.row, column: region.column) == .outputCell(row: 0, column: 4))
        model.apply(.selectOutput(row: 0, column: 4))
        #expect(model.player.step == 4)
        model.apply(.toggleHelp)
        let canvas = Self.frame(model)
        Golden.check(canvas, named: "oned-help")
        for text in ["causal padding on / off", "single layer / dilated causal stack", "fewer / more layers (stack)"] {
            #expect(canvas.contains(text))
        }
    }
}
