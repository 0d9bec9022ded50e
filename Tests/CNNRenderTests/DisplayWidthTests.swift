import Testing

@testable import CNNRender

/// Text is measured in terminal columns: CJK and emoji take two, combining marks none.
@Suite("Display width")
struct DisplayWidthTests {
    @Test("widths of single characters")
    func scalars() {
        #expect(DisplayWidth.of("a" as Unicode.Scalar) == 1)
        #expect(DisplayWidth.of("é" as Unicode.Scalar) == 1)
        #expect(DisplayWidth.of("─" as Unicode.Scalar) == 1)
        #expect(DisplayWidth.of("中" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("가" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("Ａ" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("😀" as Unicode.Scalar) == 2)
        #expect(DisplayWidth.of("\u{0301}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("\u{200D}" as Unicode.Scalar) == 0)
        #expect(DisplayWidth.of("©" as Unicode.Scalar) == 1, "text-presentation symbols stay narrow")
    }

    @Test("a text's width is the sum")
    func text() {
        #expect(DisplayWidth.of("卷积 ok 🙂") == 4 + 1 + 2 + 1 + 2)
    }

    @Test("put writes a wide character into two cells and returns the column after it")
    func put() {
        var canvas = Canvas(width: 6, height: 2)
        #expect(canvas.put("中a", row: 0, column: 0) == 3)
        #expect(canvas[0, 0].character == "中")
        #expect(canvas[0, 1].isContinuation)
        #expect(canvas[0, 2].character == "a")
        #expect(canvas.lines[0] == "中a")
        #expect(canvas.put("e\u{0301}x", row: 1, column: 0) == 2, "a combining mark takes no column")
        #expect(canvas.lines[1] == "ex")
    }

    @Test("a wide character cut by the right edge leaves a blank, not half a character")
    func edge() {
        var canvas = Canvas(width: 3, height: 1)
        #expect(canvas.put("ab中", row: 0, column: 0) == 4)
        #expect(canvas[0, 2].character == " ")
        #expect(!canvas[0, 2].isContinuation)
    }

    @Test("wrapping measures display width: wide text wraps inside its column")
    func wrap() {
        let lines = TextWrap.lines("卷积核 在 输入上 滑动", width: 9)
        #expect(lines == ["卷积核 在", "输入上", "滑动"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 9 })
        #expect(TextWrap.lines("中文中文中", width: 4) == ["中文", "中文", "中"])
        #expect(TextWrap.lines("中", width: 1) == ["中"], "a too-wide character still makes progress")
    }
}
