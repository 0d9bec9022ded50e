import CNNSandbox
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
    }

    @Test("magnified twice, every half-block pixel becomes a 2×2 square")
    func magnified() throws {
        let rows = try #require(BigDigits.rows("7", scale: 2))
        #expect(rows == ["██████", "    ██", "    ██", "    ██", "    ██", "    ██"])
        #expect(BigDigits.rows("7", scale: 1) == BigDigits.rows("7"))
    }

    static func cell(_ text: String, style: CellStyle, width: Int, height: Int) -> Canvas {
        var canvas = Canvas(width: width, height: height)
        GridCellBlock(text: text, style: style, width: width, height: height, glyphs: .unicode)
            .draw(into: &canvas, row: 0, column: 0)
        return canvas
    }

    @Test("a highlighted tall cell is framed, its value large inside, no underline anywhere")
    func framed() {
        let palette = Palette(options: RenderOptions(classroom: true))
        let canvas = BigDigitsTests.cell("4", style: palette.highlight, width: 9, height: 6)
        #expect(canvas.lines[0] == "┏━━━━━━━┓")
        #expect(canvas.lines[5] == "┗━━━━━━━┛")
        #expect(canvas.lines[1] == "┃  █ █  ┃")
        #expect(canvas.cells.allSatisfy { !$0.style.underline })
        #expect(canvas.layout.overlapCount == 0)
    }

    @Test("a highlighted cell too short for frame and font keeps the font with the frame's corners")
    func corners() {
        let palette = Palette(options: RenderOptions(classroom: true))
        let canvas = BigDigitsTests.cell("4", style: palette.highlight, width: 7, height: 4)
        #expect(canvas.lines[0] == "┏ █ █ ┓")
        #expect(canvas.lines[3] == "┗     ┛")
        let narrow = BigDigitsTests.cell("4", style: palette.highlight, width: 6, height: 4)
        #expect(narrow.lines[0] == "┏━━━━┓", "no room beside the corners: a full frame, the value small inside")
        #expect(narrow.lines[1].contains("4"))
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
