import CNNCore
import CNNRender
import CNNSandbox
import Testing

@Suite("Convolution view: golden frames")
struct ConvViewTests {
    /// The lecture notes' 3×3 input 0…8 and 2×2 kernel 0…3.
    static let seedSetup = ConvSetup(
        inputRows: 3, inputColumns: 3, kernelRows: 2, kernelColumns: 2, preset: .ramp, pattern: .ramp)

    static func frame(
        _ setup: ConvSetup, step: Int, width: Int = 80, height: Int = 24,
        options: RenderOptions = RenderOptions(color: false)
    ) -> RenderedFrame {
        var model = ConvModel(setup: setup, playing: false)
        model.player.go(to: step)
        return ConvView.render(model, width: width, height: height, options: options)
    }

    @Test("3×3 ⋆ 2×2 step by step: each frame writes out its dot product and fills one more output", arguments: 0..<4)
    func seedStepByStep(step: Int) throws {
        let frame = Self.frame(Self.seedSetup, step: step)
        Golden.check(frame.canvas, named: "conv-seed-step\(step + 1)")
        let sums = [
            "0×0 + 1×1 + 3×2 + 4×3 = 19", "1×0 + 2×1 + 4×2 + 5×3 = 25", "3×0 + 4×1 + 6×2 + 7×3 = 37",
            "4×0 + 5×1 + 7×2 + 8×3 = 43",
        ]
        #expect(frame.canvas.contains(sums[step]))
        #expect(frame.canvas.contains("step \(step + 1)/4"))
        // Values on screen equal the core's trace sums.
        let computation = try #require(ConvModel(setup: Self.seedSetup).computation)
        #expect(computation.trace(step: step).value == [19, 25, 37, 43][step])
    }

    @Test("the footprint lights exactly the tapped input cells; the current output is highlighted")
    func footprintHighlight() throws {
        let frame = Self.frame(Self.seedSetup, step: 3)
        let canvas = frame.canvas
        let title = try #require(canvas.row(containing: "input 3×3"))
        // Input rows follow the title; the lit cells are 4 5 / 7 8 (bold + reverse in monochrome).
        var lit: [(Int, Int)] = []
        for y in (title + 1)..<canvas.height {
            for x in 0..<canvas.width where canvas[y, x].style.reverse && canvas[y, x].character != " " {
                lit.append((y, x))
            }
        }
        let litText = Set(lit.map { String(canvas[$0.0, $0.1].character) })
        #expect(litText == ["4", "5", "7", "8"] || litText.isSuperset(of: ["4", "5", "7", "8"]))
        #expect(lit.contains { canvas[$0.0, $0.1].character == "3" && $0.1 > 40 })  // "43" in the output is highlighted
    }

    @Test("padding 1 gives the 4×4 result with a ring of dim zeros")
    func padding1() {
        var setup = Self.seedSetup
        setup.padding = .explicit([1, 1])
        let frame = Self.frame(setup, step: 15)
        Golden.check(frame.canvas, named: "conv-seed-padding1")
        #expect(frame.canvas.contains("output 4×4"))
        #expect(frame.canvas.contains("⌊(3 + 2·1 − 1·(2−1) − 1)/1⌋ + 1 = 4"))
        #expect(frame.canvas.contains("8×3 + 0×0 + 0×1 + 0×2 + 0×3 = 0") || frame.canvas.contains("= 0"))
        let dim = frame.canvas.cells.filter { $0.style.dim && $0.character == "0" }.count
        #expect(dim >= 16)
    }

    @Test("stride 3 down and 2 across with padding 1 → 0 8 6 8")
    func stride3x2() {
        var setup = Self.seedSetup
        setup.padding = .explicit([1, 1])
        setup.stride = [3, 2]
        let frame = Self.frame(setup, step: 3)
        Golden.check(frame.canvas, named: "conv-seed-stride3-2")
        #expect(frame.canvas.contains("stride 3,2"))
        #expect(frame.canvas.contains("rows:    ⌊(3 + 2·1 − 1·(2−1) − 1)/3⌋ + 1 = 2"))
        #expect(frame.canvas.contains("columns: ⌊(3 + 2·1 − 1·(2−1) − 1)/2⌋ + 1 = 2"))
        let outputLines = frame.canvas.lines.filter { $0.contains("  0 ") || $0.hasSuffix(" 8") }
        #expect(!outputLines.isEmpty)
        let model = ConvModel(setup: setup)
        #expect(model.computation?.output.data == [0, 8, 6, 8])
    }

    @Test("dilation 2 on 7×7: only the nine tapped cells light up, the holes between them do not")
    func dilation2() throws {
        let setup = ConvSetup(inputRows: 7, inputColumns: 7, dilation: [2, 2], preset: .boxBlur, pattern: .ramp)
        let frame = Self.frame(setup, step: 0)
        Golden.check(frame.canvas, named: "conv-dilation2")
        #expect(frame.canvas.contains("⌊(7 + 2·0 − 2·(3−1) − 1)/1⌋ + 1 = 3"))
        // Lit cells hold 0 2 4 14 16 18 28 30 32 (the taps of a ramp input).
        let lit = Set(
            frame.canvas.lines.indices.flatMap { y -> [String] in
                var words: [String] = []
                var word = ""
                for x in 0..<frame.canvas.width {
                    let cell = frame.canvas[y, x]
                    if cell.style.reverse && cell.character != " " {
                        word.unicodeScalars.append(cell.character)
                    } else if !word.isEmpty {
                        words.append(word)
                        word = ""
                    }
                }
                if !word.isEmpty { words.append(word) }
                return words
            })
        #expect(lit.isSuperset(of: ["0", "2", "4", "14", "16", "18", "28", "30", "32"]))
        #expect(!lit.contains("1") && !lit.contains("15"))
        #expect(frame.canvas.contains("0×1 + 2×1 + 4×1 + 14×1 + 16×1 + 18×1 + 28×1 + 30×1 + 32×1 = 144"))
    }

    @Test("valid, same and full padding", arguments: [PaddingSpec.valid, .same, .full])
    func paddingModes(padding: PaddingSpec) {
        let setup = ConvSetup(inputRows: 5, inputColumns: 5, padding: padding, preset: .sobelX, pattern: .ramp)
        let frame = Self.frame(setup, step: 0)
        Golden.check(frame.canvas, named: "conv-padding-\(padding)")
        let expected = ["valid": "out 3×3", "same": "out 5×5", "full": "out 7×7"]["\(padding)"]!
        #expect(frame.canvas.contains(expected))
        #expect(frame.canvas.contains("pad \(padding)"))
    }

    @Test("an invalid geometry shows the core's message in place and keeps the view up")
    func invalidGeometry() {
        var model = ConvModel(
            setup: ConvSetup(
                inputRows: 5, inputColumns: 5, kernelRows: 5, kernelColumns: 5, padding: .explicit([1, 1])),
            playing: false)
        model.apply(.dilation(+1))
        #expect(
            model.errorMessage?.hasPrefix("kernel 5×5 at dilation 2 spans 9×9, larger than the padded input 7×7")
                == true)
        let frame = ConvView.render(model, width: 80, height: 24, options: RenderOptions(color: false))
        Golden.check(frame.canvas, named: "conv-invalid-geometry")
        #expect(frame.canvas.contains("cannot compute"))
        #expect(frame.canvas.contains("kernel 5×5 at dilation 2 spans"))
        #expect(frame.canvas.contains("input 5×5"))
        #expect(frame.canvas.contains("out none"))
        // Fixing it brings the output back.
        model.apply(.dilation(-1))
        #expect(model.errorMessage == nil)
        let fixed = ConvView.render(model, width: 80, height: 24, options: RenderOptions(color: false))
        #expect(!fixed.canvas.contains("cannot compute"))
    }

    @Test("--ascii draws every character from plain ASCII")
    func asciiFrame() {
        var setup = ConvSetup(stride: [2, 2], padding: .explicit([1, 1]))
        setup.bias = 0.5
        let frame = Self.frame(setup, step: 4, options: RenderOptions(ascii: true, color: false))
        Golden.check(frame.canvas, named: "conv-ascii")
        #expect(frame.canvas.cells.allSatisfy { $0.character.isASCII })
        #expect(frame.canvas.contains("floor((7 + 2*1 - 1*(3-1) - 1)/2) + 1 = 4"))
        #expect(frame.canvas.contains("(bias)"))
    }

    @Test(
        "frames at 80×24, 120×40 and 200×60: larger terminals get larger cells",
        arguments: [(80, 24), (120, 40), (200, 60)])
    func sizes(width: Int, height: Int) {
        let setup = ConvSetup(stride: [2, 2])
        let frame = Self.frame(setup, step: 4, width: width, height: height)
        Golden.check(frame.canvas, named: "conv-stride2-\(width)x\(height)")
        #expect(frame.canvas.width == width && frame.canvas.height == height)
        #expect(frame.canvas.contains("input 7×7  kernel 3×3  stride 2  pad 0  dil 1  → out 3×3"))
        #expect(frame.canvas.contains("⌊(7 + 2·0 − 1·(3−1) − 1)/2⌋ + 1 = 3"))
        #expect(frame.canvas.lines[height - 1].contains("step 5/9"))
    }

    @Test("a large input pans to follow the kernel and says which part is shown")
    func panning() {
        let setup = ConvSetup(inputRows: 60, inputColumns: 60, padding: .explicit([1, 1]))
        let frame = Self.frame(setup, step: 60 * 30 + 45)
        let model = ConvModel(setup: setup)
        let trace = model.computation!.trace(step: 60 * 30 + 45)
        #expect(frame.canvas.contains("= \(NumberText.format(trace.value))"))
        // 60×60 does not fit: the rows under the kernel carry their indices on the left edge.
        let rows = frame.canvas.lines.compactMap { line -> Int? in
            guard let bar = line.firstIndex(of: "│") else { return nil }
            return Int(line[..<bar].trimmingCharacters(in: .whitespaces))
        }
        #expect(rows.contains(trace.terms[0].row) && rows.contains(trace.terms.last!.row))
        #expect(frame.canvas.contains("█"))
    }

    @Test(
        "a 64×64 input pages: indices on the edges, a minimap under the kernel; the picture stands still for a page",
        arguments: [(80, 24, 22), (200, 60, 4)])
    func largeInputPages(width: Int, height: Int, mostMoves: Int) throws {
        let setup = ConvSetup(inputRows: 64, inputColumns: 64)
        let columns = 62
        let frames = (0..<columns).map { Self.frame(setup, step: 20 * columns + $0, width: width, height: height) }
        Golden.check(frames[40].canvas, named: "conv-large-64-\(width)x\(height)")
        #expect(frames.allSatisfy { $0.canvas.contains("█") })
        // Along a row of 62 steps the input and output panels move only when the window crosses a
        // page (centring moved them on every step past the middle: about 55 moves). In the panels'
        // lines, a step that moves neither changes only the old and new window, the output cell
        // and the minimap.
        let title = try #require(frames[0].canvas.row(containing: "input 64×64 "))
        // The line of column indices under the panels says where each viewport stands.
        let indexLine = try #require(
            (title..<height).first { line in
                let text = frames[0].canvas.lines[line]
                return !text.contains("│") && text.first { $0 != " " }?.isNumber == true
            })
        let changes = zip(frames, frames.dropFirst()).map { pair in
            (title...indexLine).map { line in
                (0..<width).filter { pair.0.canvas[line, $0] != pair.1.canvas[line, $0] }.count
            }.reduce(0, +)
        }
        let moved = zip(frames, frames.dropFirst()).map { $0.0.canvas.lines[indexLine] != $0.1.canvas.lines[indexLine] }
        #expect(moved.filter { $0 }.count >= 2 && moved.filter { $0 }.count <= mostMoves)
        #expect(zip(changes, moved).allSatisfy { $0.1 || $0.0 <= 24 })
    }

    @Test("a click on an output cell maps to that cell")
    func hitRegions() throws {
        let frame = Self.frame(Self.seedSetup, step: 0)
        let region = try #require(frame.hits.first { $0.target == .outputCell(row: 1, column: 0) })
        #expect(frame.target(row: region.row, column: region.column) == .outputCell(row: 1, column: 0))
        #expect(frame.target(row: 0, column: 0) == nil)
    }

    @Test("the help overlay lists the keys")
    func helpOverlay() {
        var model = ConvModel(setup: ConvSetup(), playing: false)
        model.apply(.toggleHelp)
        let frame = ConvView.render(model, width: 80, height: 24, options: RenderOptions(color: false))
        Golden.check(frame.canvas, named: "conv-help")
        #expect(frame.canvas.contains("stride − / +"))
        #expect(frame.canvas.contains("q Esc"))
    }

    @Test("colour frames use the diverging scale and stay legible without it")
    func colours() {
        let colored = Self.frame(ConvSetup(), step: 0, options: RenderOptions(color: true)).canvas
        #expect(colored.cells.contains { $0.style.background != nil })
        let mono = Self.frame(ConvSetup(), step: 0, options: RenderOptions(color: false)).canvas
        #expect(mono.cells.allSatisfy { $0.style.background == nil && $0.style.foreground == nil })
        #expect(mono.text == colored.text)
    }
}
