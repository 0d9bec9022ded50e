import CNNCore
import CNNRender
import CNNSandbox
import Testing

@Suite("Transposed-convolution view: golden frames")
struct TransposeViewTests {
    /// `--view transpose --input 3 --kernel 3 --stride 2 --padding 0 --output-padding 1`.
    static func configuration(padding: Int = 0, outputPadding: Int = 1) -> ExploreConfiguration {
        ExploreConfiguration(
            conv: ConvSetup(inputRows: 3, inputColumns: 3, stride: [2, 2], padding: .explicit([padding, padding])),
            outputPadding: [outputPadding, outputPadding],
            given: ["input", "kernel", "stride", "padding", "output-padding"])
    }

    static func screen(
        _ configuration: ExploreConfiguration = configuration(), mode: TransposeModel.Mode = .scatter, step: Int
    ) throws -> TransposeModel {
        var screen = try TransposeModel(configuration: configuration, playing: false, speed: 2)
        if mode == .zeroInsertion { screen.apply(.viewKey("t")) }
        #expect(screen.mode == mode)
        screen.player.go(to: step)
        return screen
    }

    static func frame(_ screen: TransposeModel, width: Int = 80, height: Int = 24, ascii: Bool = false)
        -> Canvas
    {
        screen.render(width: width, height: height, options: RenderOptions(ascii: ascii, color: false)).canvas
    }

    /// The numbers of a grid panel: the words on the lines below its title, within its columns.
    static func words(_ canvas: Canvas, title: String, rows: Int, width: Int) throws -> [[String]] {
        let top = try #require(canvas.row(containing: title))
        let left = try #require(canvas.lines[top].range(of: title)).lowerBound.utf16Offset(in: canvas.lines[top])
        return (1...rows).map { offset in
            let line = Array(canvas.lines[top + offset].unicodeScalars)
            let end = min(line.count, left + width)
            guard left < end else { return [] }
            return String(String.UnicodeScalarView(line[left..<end])).split(separator: " ").map(String.init)
        }
    }

    @Test(
        "scatter: step by step each input cell adds value × kernel; overlaps add up; the last step is the core's output"
    )
    func scatterStrideTwo() throws {
        let screen = try Self.screen(step: 4)
        let canvas = Self.frame(screen)
        Golden.check(canvas, named: "transpose-scatter-step5")
        let computation = try #require(screen.computation)
        #expect(canvas.contains("in[1,1] = 5: [2,2] += 5×1  [2,3] += 5×2"))
        #expect(canvas.contains("5×kernel"))
        // The running output after five input cells equals the core's gather of those cells.
        let partial = computation.scatteredSoFar(step: 4)
        #expect(partial.data == [1, 2, 3, 4, 5, 0, 0, 0, 0])
        let overlap = computation.runningOutput(partial, step: 4, row: 2, column: 2)
        // Output [2,2] gathers in[0,0]×9 + in[0,1]×7 + in[1,0]×3 + in[1,1]×1 = 9 + 14 + 12 + 5.
        #expect(overlap.value == 40 && overlap.reached)
        let rows = try Self.words(canvas, title: "output 8×8 so far", rows: 8, width: 32)
        #expect(rows[2][2] == "40")
        #expect(rows[5] == ["·", "·", "·", "·", "·", "·", "·", "0"])
        // At the last step the running output is the core's conv_transpose2d output.
        let last = try Self.screen(step: 8)
        let lastRows = try Self.words(Self.frame(last), title: "output 8×8 so far", rows: 8, width: 32)
        #expect(lastRows.flatMap { $0 } == computation.output.data.map(NumberText.format))
        #expect(computation.output.data.count == 64)
    }

    @Test("zero insertion: 1 zero between cells, pad 2 (3 after), the flipped kernel at stride 1, written out")
    func zeroInsertionStrideTwo() throws {
        let screen = try Self.screen(mode: .zeroInsertion, step: 9)
        let canvas = Self.frame(screen)
        Golden.check(canvas, named: "transpose-zero-insertion-step10")
        let computation = try #require(screen.computation)
        #expect(computation.zeroInserted.shape == [1, 1, 5, 5])
        #expect(
            computation.zeroInsertionPadding == [AxisPadding(before: 2, after: 3), AxisPadding(before: 2, after: 3)])
        #expect(computation.flippedKernel.data == [9, 8, 7, 6, 5, 4, 3, 2, 1])
        let trace = computation.zeroInsertionTrace(step: 9)
        #expect(trace.value == computation.output.data[9])
        #expect(canvas.contains("out[1,1]: "))
        #expect(canvas.contains("= \(NumberText.format(trace.value))"))
        #expect(canvas.contains("flipped kernel"))
        #expect(canvas.contains("1 zero between cells"))
    }

    @Test("the two pictures agree: conv2d on the zero-inserted input equals conv_transpose2d, shown on screen")
    func equality() throws {
        for (padding, outputPadding) in [(0, 1), (1, 1), (0, 0), (2, 0)] {
            let screen = try Self.screen(
                Self.configuration(padding: padding, outputPadding: outputPadding), mode: .zeroInsertion, step: 0)
            let computation = try #require(screen.computation)
            #expect(computation.equivalentMatches)
            #expect(computation.equivalentOutput.data == computation.output.data)
            let direct = try convTranspose2d(
                computation.input, weight: computation.weight,
                parameters: TransposedConvParameters(
                    stride: [2, 2], padding: [padding, padding], outputPadding: [outputPadding, outputPadding]))
            #expect(direct == computation.output)
            let shown = Self.frame(screen).contains("all \(computation.output.count) values equal")
            #expect(shown)
        }
    }

    @Test("output_padding: the formula written out with its numbers, the extra row and column underlined")
    func outputPadding() throws {
        let screen = try Self.screen(step: 8)
        let canvas = Self.frame(screen)
        #expect(canvas.contains("rows, columns: (3−1)·2 − 2·0 + 1·(3−1) + 1 + 1 = 8"))
        #expect(canvas.contains("size = (n−1)·s − 2·p + d·(k−1) + output_padding + 1"))
        #expect(canvas.contains("output_padding 1"))
        let title = try #require(canvas.row(containing: "output 8×8"))
        // The last output row is underlined; the row above it is not (apart from its last column).
        // (Lit cells are underlined too in monochrome, with reverse: they are left out.)
        func marked(_ y: Int) -> [Int] {
            (0..<canvas.width).filter {
                canvas[y, $0].style.underline && !canvas[y, $0].style.reverse && canvas[y, $0].character != " "
            }
        }
        let lastRow = title + 8
        let rowAbove = title + 7
        let underlinedLast = marked(lastRow)
        let underlinedAbove = marked(rowAbove)
        #expect(underlinedLast.count >= 8)
        #expect(underlinedAbove.count == 1, "\(canvas.lines[rowAbove]) / \(canvas.lines[lastRow])")
        // Without output_padding the output is 7×7 and nothing is underlined.
        var model = screen
        model.apply(.viewKey("u"))
        #expect(model.computation?.outputRows == 7)
        let plain = TransposeView.render(model, width: 80, height: 24, options: RenderOptions(color: false))
            .canvas
        #expect(plain.contains("(3−1)·2 − 2·0 + 1·(3−1) + 0 + 1 = 7"))
        let plainTitle = try #require(plain.row(containing: "output 7×7"))
        let anyUnderline = (plainTitle..<(plainTitle + 8)).contains { y in
            (0..<plain.width).contains { plain[y, $0].style.underline && !plain[y, $0].style.reverse }
        }
        #expect(!anyUnderline)
        #expect(!plain.contains("underlined: output_padding"))
    }

    @Test("padding crops the border: cropped contributions are marked and never reach the output")
    func croppedContributions() throws {
        let screen = try Self.screen(Self.configuration(padding: 1, outputPadding: 0), step: 0)
        let canvas = Self.frame(screen)
        Golden.check(canvas, named: "transpose-scatter-cropped")
        let computation = try #require(screen.computation)
        let terms = computation.scatter(step: 0)
        #expect(terms.filter(\.isCropped).count == 5)
        #expect(canvas.contains("[-1,-1] cropped"))
        #expect(canvas.contains("5 cropped"))
        #expect(canvas.contains("outside: cropped by padding"))
        #expect(computation.outputRows == 5)
    }

    @Test("invalid output_padding shows the core's message in place; the CLI refuses it before the screen opens")
    func invalidOutputPadding() throws {
        var screen = try Self.screen(step: 0)
        screen.apply(.viewKey("U"))
        #expect(screen.setup.outputPadding == [2, 2])
        let message = try #require(screen.errorMessage)
        #expect(message.contains("output padding must be smaller than either stride or dilation"))
        let canvas = Self.frame(screen)
        Golden.check(canvas, named: "transpose-invalid-output-padding")
        #expect(canvas.contains("cannot compute"))
        #expect(canvas.contains("output padding must be smaller"))
        #expect(canvas.contains("→ out none"))
        #expect(canvas.contains("fix the settings with"))
        screen.apply(.viewKey("u"))
        #expect(screen.errorMessage == nil)
        #expect(throws: CNNError.self) {
            _ = try TransposeModel(
                configuration: Self.configuration(outputPadding: 2), playing: false, speed: 2)
        }
        // An output that would be too small is refused in place too.
        var small = try Self.screen(Self.configuration(padding: 2, outputPadding: 0), step: 0)
        small.apply(.padding(+2))
        #expect(small.errorMessage?.contains("output would be") == true)
        let refusedInPlace = Self.frame(small).contains("cannot compute")
        #expect(refusedInPlace)
    }

    @Test("defaults without flags: a 2×2 input 1 2 / 3 4, the 3×3 kernel 1…9, stride 2")
    func defaults() throws {
        let screen = try TransposeModel(configuration: ExploreConfiguration(), playing: false, speed: 2)
        let computation = try #require(screen.computation)
        #expect(computation.input.data == [1, 2, 3, 4])
        #expect(computation.weight.data == [1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(computation.layer.parameters.stride == [2, 2])
        #expect(computation.outputRows == 5)
        #expect(screen.player.stepCount == 4)
    }

    @Test(
        "--ascii draws every character from plain ASCII",
        arguments: [TransposeModel.Mode.scatter, .zeroInsertion])
    func ascii(mode: TransposeModel.Mode) throws {
        let screen = try Self.screen(mode: mode, step: 4)
        let canvas = Self.frame(screen, ascii: true)
        Golden.check(canvas, named: "transpose-ascii-\(mode == .scatter ? "scatter" : "zeros")")
        #expect(canvas.cells.allSatisfy { $0.character.isASCII })
        #expect(canvas.contains("(3-1)*2 - 2*0 + 1*(3-1) + 1 + 1 = 8"))
    }

    @Test("frames at 80×24 and 200×60", arguments: [(80, 24), (200, 60)])
    func sizes(width: Int, height: Int) throws {
        for mode in [TransposeModel.Mode.scatter, .zeroInsertion] {
            let screen = try Self.screen(mode: mode, step: 3)
            let canvas = Self.frame(screen, width: width, height: height)
            Golden.check(canvas, named: "transpose-\(mode == .scatter ? "scatter" : "zeros")-\(width)x\(height)")
            #expect(canvas.width == width && canvas.height == height)
            #expect(canvas.lines[height - 1].contains("step 4/\(screen.player.stepCount)"))
            #expect(canvas.contains("= 8"))
        }
    }

    @Test("the help overlay lists the view's keys")
    func help() throws {
        var screen = try Self.screen(step: 0)
        screen.apply(.toggleHelp)
        let canvas = Self.frame(screen)
        #expect(canvas.contains("output_padding − / +"))
        #expect(canvas.contains("scattered kernels / zero insertion"))
        #expect(!canvas.contains("padding mode"))
    }

    @Test("a 30×30 input does not fit: indices on its edges and a minimap under the kernel, moving with the input cell")
    func largeInput() throws {
        let configuration = ExploreConfiguration(
            conv: ConvSetup(inputRows: 30, inputColumns: 30, stride: [2, 2]), outputPadding: [0, 0],
            given: ["input", "stride"])
        let first = Self.frame(try Self.screen(configuration, step: 0), width: 100, height: 30)
        let later = Self.frame(try Self.screen(configuration, step: 29 * 30 + 29), width: 100, height: 30)
        #expect(first.lines.contains { $0.hasPrefix("  0│") })
        #expect(later.lines.contains { $0.hasPrefix(" 29│") })
        // The window (the input cell) is in the map's first cell at step 1, its last at the end.
        let firstMap = try #require(first.lines.first { $0.contains("█") })
        let lastMap = try #require(later.lines.last { $0.contains("█") })
        #expect(firstMap.contains("█▒"))
        #expect(lastMap.contains("▒█"))
    }
}
