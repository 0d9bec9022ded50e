import CNNCore
import CNNRender
import CNNSandbox
import Testing

@Suite("Matrix view: golden frames")
struct MatrixViewTests {
    /// `--view matrix --input 4 --kernel 3` (seed 003's 4×4 input and 3×3 kernel).
    static let configuration = ExploreConfiguration(
        conv: ConvSetup(inputRows: 4, inputColumns: 4), given: ["input", "kernel"])

    static func screen(
        _ configuration: ExploreConfiguration = configuration, mode: MatrixModel.Mode = .matrix,
        names: Bool = true,
        step: Int
    ) throws -> MatrixModel {
        var screen = try MatrixModel(configuration: configuration, playing: false, speed: 2)
        while screen.mode != mode { screen.apply(.viewKey("m")) }
        if !names { screen.apply(.viewKey("w")) }
        screen.player.go(to: step)
        return screen
    }

    static func frame(_ screen: MatrixModel, width: Int = 80, height: Int = 24, ascii: Bool = false) -> Canvas {
        screen.render(width: width, height: height, options: RenderOptions(ascii: ascii, color: false)).canvas
    }

    @Test("seed 003: the 4×4 input and 3×3 kernel give the notes' 4×16 matrix, zeros exactly where the notes have them")
    func seedPattern() throws {
        let screen = try Self.screen(step: 0)
        let computation = try #require(screen.computation)
        #expect(computation.matrix.shape == [4, 16])
        // The notes print the matrix transposed: column k is output k; entry names w_ij.
        let notes: [[String]] = [
            ["w00", "0", "0", "0"], ["w01", "w00", "0", "0"], ["w02", "w01", "0", "0"], ["0", "w02", "0", "0"],
            ["w10", "0", "w00", "0"], ["w11", "w10", "w01", "w00"], ["w12", "w11", "w02", "w01"],
            ["0", "w12", "0", "w02"],
            ["w20", "0", "w10", "0"], ["w21", "w20", "w11", "w10"], ["w22", "w21", "w12", "w11"],
            ["0", "w22", "0", "w12"],
            ["0", "0", "w20", "0"], ["0", "0", "w21", "w20"], ["0", "0", "w22", "w21"], ["0", "0", "0", "w22"],
        ]
        for output in 0..<4 {
            for input in 0..<16 {
                let name = computation.tap(row: output, column: input).map { "w\($0.row)\($0.column)" } ?? "0"
                #expect(name == notes[input][output], "row \(output), column \(input)")
                // Values from the core's matrix: the counting kernel's weight, or an exact zero.
                let value = computation.matrix[output, input]
                let expected =
                    computation.tap(row: output, column: input).map { Double($0.row * 3 + $0.column + 1) } ?? 0
                #expect(value == expected)
            }
        }
        #expect(computation.matrix.data.filter { $0 == 0 }.count == 28)
        // On screen (ASCII names): each matrix row reads as the notes' column.
        let canvas = Self.frame(screen, ascii: true)
        for output in 0..<4 {
            let line = try #require(canvas.lines.first { $0.hasPrefix(" y\(output) = ") })
            let cells = line.split(separator: "|", maxSplits: 1)[1].split(separator: " ").map(String.init)
            #expect(cells == notes.map { $0[output] }, "row y\(output)")
        }
    }

    @Test(
        "the current row is lit and its product with the flattened input, written out, is the conv output",
        arguments: 0..<4)
    func currentRow(step: Int) throws {
        let screen = try Self.screen(names: false, step: step)
        let canvas = Self.frame(screen)
        Golden.check(canvas, named: "matrix-values-row\(step)")
        let computation = try #require(screen.computation)
        let trace = computation.trace(step: step)
        let forward = try computation.layer.forward(input: computation.input, weight: computation.weight, bias: nil)
        #expect(trace.value == forward.data[step])
        let written = trace.terms.map { PanelStripProduct.text($0.weight, $0.inputValue) }.joined(separator: " + ")
        let line = "y\(subscriptDigit(step)) = row \(step) · x = \(written) = \(NumberText.format(forward.data[step]))"
        let hasProduct =
            canvas.lines.joined(separator: " ").replacingOccurrences(of: "  ", with: " ").contains(line)
            || canvas.contains(line)
        #expect(hasProduct, "\(line)")
        // The lit row: its label and exactly its nine non-zero entries are highlighted.
        let row = try #require(canvas.row(containing: "y\(subscriptDigit(step)) = "))
        let litWords = words(canvas, row: row) { $0.reverse }
        #expect(litWords.count == 3 + 9, "\(litWords)")  // "y₁ = 155", then nine weights
    }

    @Test("names mode writes the row as w₀₀·x₀ + … and then with values")
    func namesProduct() throws {
        let screen = try Self.screen(step: 3)
        let canvas = Self.frame(screen)
        Golden.check(canvas, named: "matrix-names-row3")
        #expect(canvas.contains("y₃ = row 3 · x = w₀₀·x₅ + w₀₁·x₆ + w₀₂·x₇ + w₁₀·x₉"))
        let value = try #require(screen.computation?.output.data[3])
        #expect(canvas.contains("= \(NumberText.format(value))"))
    }

    @Test("im2col: the patch matrix with the current column lit; the kernel row times it is the output")
    func im2col() throws {
        let screen = try Self.screen(mode: .im2col, step: 2)
        let canvas = Self.frame(screen)
        Golden.check(canvas, named: "matrix-im2col-col2")
        let computation = try #require(screen.computation)
        #expect(computation.patches.shape == [9, 4])
        // Column 2 of P is the window of output [1,0]: input rows 1–3, columns 0–2.
        let column = (0..<9).map { computation.patches[$0, 2] }
        let window: [Double] = (0..<9).map { (tap: Int) -> Double in
            let row = 1 + tap / 3
            let column = tap % 3
            return computation.input.data[row * 4 + column]
        }
        #expect(column == window)
        let trace = computation.trace(step: 2)
        #expect(trace.value == computation.output.data[2])
        #expect(canvas.contains("y₂ = k · P[:,2] = "))
        #expect(canvas.contains("= \(NumberText.format(trace.value))"))
        #expect(canvas.contains("y = k·P"))
        let row = try #require(canvas.row(containing: "w₁₁ = "))
        #expect(words(canvas, row: row, before: 30) { $0.reverse } == [NumberText.format(column[4])])
    }

    @Test(
        "transposed: Mᵀ maps an output-sized vector back to input size, the current column lit, as the transposed conv")
    func transposed() throws {
        let screen = try Self.screen(mode: .transposed, step: 1)
        let canvas = Self.frame(screen)
        Golden.check(canvas, named: "matrix-transposed-col1")
        let computation = try #require(screen.computation)
        let result = try #require(computation.transposedOutput)
        #expect(result.shape == [1, 1, 4, 4])
        // Mᵀ·v computed from the core's matrix equals the core's transposed convolution.
        for i in 0..<16 {
            var sum = 0.0
            for k in 0..<4 { sum += computation.matrix[k, i] * computation.vector.data[k] }
            #expect(sum == result.data[i])
        }
        #expect(canvas.contains("column 1 × v₁ = 2: r₁ += 2×1  r₂ += 2×2  r₃ += 2×3  r₅ += 2×4"))
        // At the last step the running result is the transposed convolution's output.
        let last = try Self.screen(mode: .transposed, step: 3)
        let lastCanvas = Self.frame(last, ascii: true)
        for i in 0..<16 {
            let line = try #require(lastCanvas.lines.first { $0.hasPrefix(" r\(i) ") })
            let value = line.split(separator: "=")[1].split(separator: "|")[0].trimmingCharacters(in: .whitespaces)
            #expect(value == NumberText.format(result.data[i]), "r\(i)")
        }
    }

    @Test("a matrix too large for the screen is refused in place, naming the sizes and what fits")
    func tooLarge() throws {
        let five = try Self.screen(
            ExploreConfiguration(conv: ConvSetup(inputRows: 5, inputColumns: 5), given: ["input"]), step: 0)
        let canvas = Self.frame(five)
        Golden.check(canvas, named: "matrix-too-large-80x24")
        #expect(canvas.contains("does not fit"))
        #expect(canvas.contains("the 9×25 matrix M needs"))
        #expect(canvas.contains("an input of at most 4×4 fits"))
        // A 6×6 input fits a 200×60 screen.
        let six = try Self.screen(
            ExploreConfiguration(conv: ConvSetup(inputRows: 6, inputColumns: 6), given: ["input"]), step: 0)
        let big = Self.frame(six, width: 200, height: 60)
        #expect(!big.contains("does not fit"))
        #expect(big.contains("M 16×36"))
        // Beyond 8×8 the model refuses to build the matrix at all.
        var model = five
        for _ in 0..<4 { model.apply(.inputSize(+1)) }
        #expect(model.setup.inputRows == 9)
        #expect(model.sizeRefusal?.contains("is 49×81") == true)
        #expect(model.sizeRefusal?.contains("use an input of at most 8×8") == true)
        let refused = MatrixView.render(model, width: 80, height: 24, options: RenderOptions(color: false))
            .canvas
        #expect(refused.contains("too large"))
        model.apply(.inputSize(-5))
        #expect(model.computation != nil)
    }

    @Test(
        "--ascii draws every character from plain ASCII",
        arguments: [MatrixModel.Mode.matrix, .im2col, .transposed])
    func ascii(mode: MatrixModel.Mode) throws {
        let screen = try Self.screen(mode: mode, step: 1)
        let canvas = Self.frame(screen, ascii: true)
        Golden.check(canvas, named: "matrix-ascii-\(mode)")
        #expect(canvas.cells.allSatisfy { $0.character.isASCII })
        #expect(canvas.contains(mode == .im2col ? "w11 = " : "w00"))
    }

    @Test("frames at 80×24 and 200×60", arguments: [(80, 24), (200, 60)])
    func sizes(width: Int, height: Int) throws {
        for mode in [MatrixModel.Mode.matrix, .im2col, .transposed] {
            let screen = try Self.screen(mode: mode, step: 2)
            let canvas = Self.frame(screen, width: width, height: height)
            Golden.check(canvas, named: "matrix-\(mode)-\(width)x\(height)")
            #expect(canvas.lines[height - 1].contains("step 3/4"))
            #expect(!canvas.contains("does not fit"))
        }
    }

    @Test("the help overlay lists the view's keys")
    func help() throws {
        var screen = try Self.screen(step: 0)
        screen.apply(.toggleHelp)
        let canvas = Self.frame(screen)
        #expect(canvas.contains("matrix, im2col, transposed"))
        #expect(canvas.contains("names (w₀₀) or values"))
    }

    /// Subscript digits as the view writes them.
    func subscriptDigit(_ n: Int) -> String {
        String(String(n).map { ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"][$0.wholeNumberValue ?? 0] })
    }

    /// The words of a line whose cells pass a style test.
    func words(_ canvas: Canvas, row: Int, before limit: Int = .max, where test: (CellStyle) -> Bool) -> [String] {
        var result: [String] = []
        var word = ""
        for x in 0..<min(canvas.width, limit) {
            let cell = canvas[row, x]
            if test(cell.style) && cell.character != " " {
                word.unicodeScalars.append(cell.character)
            } else if !word.isEmpty {
                result.append(word)
                word = ""
            }
        }
        if !word.isEmpty { result.append(word) }
        return result
    }
}

/// `a×b` as the views write a product.
enum PanelStripProduct {
    static func text(_ a: Double, _ b: Double) -> String {
        "\(NumberText.factor(a))×\(NumberText.factor(b))"
    }
}
