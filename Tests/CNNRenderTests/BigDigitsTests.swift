import CNNSandbox
import TestSupport
import Testing

@testable import CNNRender

/// Classroom mode's block font and the cells drawn with it: values large and centred, the
/// highlight framed instead of underlined on every row, zero drawn as a value.
@Suite("Classroom cells")
struct BigDigitsTests {
    @Test("the font: three rows per glyph, a blank column between glyphs, the sign included")
    func font() throws {
        let rows = try #require(BigDigits.rows("−12"))
        #expect(rows == ["    ▀█  ▀▀█", "▀▀▀  █  █▀▀", "    ▄█▄ █▄▄"])
        #expect(BigDigits.width("−12") == 11)
        #expect(BigDigits.rows("1x") == nil, "a character without a glyph gives no big text")
        #expect(BigDigits.rows("⋆9") == nil, "the winner's star is a marker, not a glyph")
    }

    @Test("magnified twice, every half-block pixel becomes a 2×2 square")
    func magnified() throws {
        let rows = try #require(BigDigits.rows("7", scale: 2))
        #expect(rows == ["██████", "    ██", "    ██", "    ██", "    ██", "    ██"])
        #expect(BigDigits.rows("7", scale: 1) == BigDigits.rows("7"))
    }

    @Test("the condensed face draws a digit in two columns with quadrant characters")
    func condensed() throws {
        let face = BigDigitFace(horizontal: 1, vertical: 1)
        let big = try #require(BigDigits.draw("303", face: face))
        #expect(big.lines == ["▀▌ ▛▌ ▀▌", "▝▌ ▌▌ ▝▌", "▄▌ ▙▌ ▄▌"])
        #expect(big.glyphColumns == [0..<2, 3..<5, 6..<8])
    }

    @Test("in ASCII every set pixel is a #, in even scales only")
    func ascii() throws {
        #expect(BigDigitFace.ladder(ascii: true).allSatisfy { $0.horizontal % 2 == 0 && $0.vertical % 2 == 0 })
        let big = try #require(BigDigits.draw("1", face: BigDigitFace(horizontal: 2, vertical: 2, ascii: true)))
        #expect(big.lines == ["## ", " # ", " # ", " # ", " # ", "###"])
    }

    static func cell(
        _ text: String, style: CellStyle, width: Int, height: Int, glyphs: Glyphs = .unicode,
        grid: [String]? = nil
    ) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        let lettering = CellLettering(width: width, height: height, texts: grid ?? [text], glyphs: glyphs)
        GridCellBlock(text: text, style: style, width: width, height: height, glyphs: glyphs, lettering: lettering)
            .draw(into: &canvas, row: 0, column: 0)
        return canvas
    }

    static let palette = Palette(options: RenderOptions(classroom: true))

    @Test("a highlighted tall cell is framed, its value large inside, no underline anywhere")
    func framed() {
        let canvas = BigDigitsTests.cell("4", style: BigDigitsTests.palette.highlight, width: 10, height: 8)
        #expect(canvas.lines[0] == "┏━━━━━━━━┓")
        #expect(canvas.lines[7] == "┗━━━━━━━━┛")
        #expect(canvas.lines[1] == "┃ ██  ██ ┃")
        #expect(canvas.cells.allSatisfy { !$0.style.underline })
        #expect(canvas.layout.overlapCount == 0)
    }

    @Test("a highlighted cell too short for frame and font keeps the font: the frame's sides, corners and free edges")
    func corners() {
        let canvas = BigDigitsTests.cell("4", style: BigDigitsTests.palette.highlight, width: 7, height: 4)
        #expect(canvas.lines[0] == "┏ █ █ ┓")
        #expect(canvas.lines[1] == "┃ ▀▀█ ┃")
        #expect(canvas.lines[3] == "┗━━━━━┛", "the digits leave the bottom row free: its edge is drawn")
        let narrow = BigDigitsTests.cell("4", style: BigDigitsTests.palette.highlight, width: 4, height: 4)
        #expect(narrow.lines[0] == "┏▌▌┓", "narrow: the corners and the condensed face")
        let tiny = BigDigitsTests.cell("42", style: BigDigitsTests.palette.highlight, width: 4, height: 3)
        #expect(tiny.lines == ["┏━━┓", "┃42┃", "┗━━┛"], "no room for the font inside: a full frame, the value small")
    }

    @Test("a framed cell and its plain neighbour draw their digits the same size (report A1)")
    func sameSize() {
        let grid = ["5", "12", "−3", "0"]
        func inkRows(_ canvas: Canvas) -> [Int] {
            canvas.lines.indices.filter { canvas.lines[$0].unicodeScalars.contains(where: BigDigitsTests.isInk) }
        }
        for (width, height) in [(10, 4), (10, 5), (12, 8), (14, 10)] {
            let framed = BigDigitsTests.cell(
                "12", style: BigDigitsTests.palette.highlight, width: width, height: height, grid: grid)
            let plain = BigDigitsTests.cell(
                "5", style: BigDigitsTests.palette.value(5, scale: 5), width: width, height: height, grid: grid)
            #expect(!inkRows(framed).isEmpty, "the highlighted 12 is in the block font at \(width)×\(height)")
            #expect(inkRows(framed) == inkRows(plain), "one digit height at \(width)×\(height)")
        }
    }

    @Test("the winner's star is a small marker in the corner, the value alone in the block font (report A4)")
    func marker() throws {
        let canvas = BigDigitsTests.cell("⋆9", style: BigDigitsTests.palette.winner, width: 12, height: 8)
        #expect(canvas.lines[0].hasPrefix("⋆"))
        let nine = try #require(BigDigits.draw("9", face: BigDigitFace(horizontal: 4, vertical: 2)))
        #expect(canvas.lines[1] == "   " + nine.lines[0])
        #expect(canvas.lines.dropFirst().allSatisfy { !$0.contains("⋆") })
    }

    /// Block elements and ASCII `#`: the ink of the block font.
    static func isInk(_ scalar: Unicode.Scalar) -> Bool {
        (0x2580...0x259F).contains(scalar.value) || scalar == "#"
    }

    @Test("golden cells: plain, framed, negative, 3-digit, decimal, marker, ASCII, at several sizes")
    func golden() {
        let palette = BigDigitsTests.palette
        let cases: [(String, CellStyle, Int, Int, Glyphs)] = [
            ("7", palette.value(7, scale: 9), 9, 4, .unicode),
            ("7", palette.highlight, 9, 4, .unicode),
            ("19", palette.highlight, 10, 5, .unicode),
            ("−12", palette.value(-12, scale: 12), 13, 4, .unicode),
            ("303", palette.value(303, scale: 528), 11, 4, .unicode),
            ("528", palette.highlight, 11, 4, .unicode),
            ("224", palette.highlight, 15, 6, .unicode),
            ("483", palette.value(483, scale: 528), 23, 10, .unicode),
            ("-0.5", palette.value(-0.5, scale: 1), 12, 4, .unicode),
            ("2.25", palette.highlight, 12, 6, .unicode),
            ("−∞", palette.padding, 10, 4, .unicode),
            ("⋆9", palette.winner, 12, 8, .unicode),
            ("⋆9", palette.winner, 6, 3, .unicode),
            ("12345", palette.value(1, scale: 1), 13, 4, .unicode),
            ("1.2e+03", palette.value(1, scale: 1), 9, 4, .unicode),
            ("12", palette.highlight, 10, 8, .ascii),
            ("*9", palette.winner, 10, 8, .ascii),
            ("-3", palette.value(-3, scale: 3), 10, 4, .ascii),
        ]
        var text = ""
        for (value, style, width, height, glyphs) in cases {
            let canvas = BigDigitsTests.cell(value, style: style, width: width, height: height, glyphs: glyphs)
            #expect(canvas.layout.overlapCount == 0, "\(value) at \(width)×\(height)")
            text +=
                "\(value) \(width)×\(height)\(style.underline ? " framed" : "")\(glyphs == .ascii ? " ascii" : "")\n"
            let rows = (0..<height).map { row in
                String(String.UnicodeScalarView(canvas.cells[(row * width)..<((row + 1) * width)].map(\.character)))
            }
            text += rows.map { "|" + $0 + "|" }.joined(separator: "\n") + "\n\n"
        }
        GoldenText.check(text, named: "classroom-cells.txt", in: Golden.directory)
    }

    @Test("zero is a value: a grey block in classroom mode, plain text otherwise")
    func zero() {
        let classroom = Palette(options: RenderOptions(classroom: true))
        #expect(classroom.value(0, scale: 5).background?.index256 == 252)
        #expect(Palette(options: RenderOptions()).value(0, scale: 5) == .plain)
        let highlight = classroom.highlight.background?.index256
        let scale = (-5...5).compactMap { classroom.value(Double($0), scale: 5).background?.index256 }
        #expect(highlight.map { !scale.contains($0) } == true, "the highlight's hue is outside the value scale")
    }
}
