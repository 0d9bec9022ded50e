import CNNRender
import Testing

@testable import CNNTerminal

/// Wide characters go out once; broken halves and width disagreements never shift columns.
@Suite("Screen cell plan")
struct ScreenCellPlanTests {
    private static func terminalWidth(_ scalar: Unicode.Scalar) -> Int { DisplayWidth.of(scalar) }

    @Test("a wide character is sent once and its continuation skipped")
    func wide() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("a中b", row: 0, column: 0)
        let run = CanvasDiff.Run(row: 0, start: 0, end: 4)
        let items = ScreenCellPlan.items(for: run, canvas: canvas, unicode: true, terminalWidth: Self.terminalWidth)
        #expect(items.map(\.scalar) == ["a", "中", "b"])
        #expect(items.map(\.wide) == [false, true, false])
    }

    @Test("a run that starts or ends inside a wide character is widened to take both halves")
    func widened() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.put("a中b中", row: 0, column: 0)
        let inside = CanvasDiff.Run(row: 0, start: 2, end: 5)
        #expect(
            ScreenCellPlan.widened(inside, canvas: canvas, screenWidth: 6) == CanvasDiff.Run(row: 0, start: 1, end: 6))
        #expect(
            ScreenCellPlan.widened(inside, canvas: canvas, screenWidth: 5) == CanvasDiff.Run(row: 0, start: 1, end: 5))
    }

    @Test("an orphaned half becomes a blank; a character the terminal measures otherwise becomes ? or gets a blank")
    func broken() {
        var canvas = Canvas(width: 4, height: 1)
        canvas.put("中中", row: 0, column: 0)
        canvas[0, 2] = Cell("x")  // overwrites the left half of the second 中
        let run = CanvasDiff.Run(row: 0, start: 0, end: 4)
        let items = ScreenCellPlan.items(for: run, canvas: canvas, unicode: true, terminalWidth: Self.terminalWidth)
        #expect(items.map(\.scalar) == ["中", "x", " "])
        let narrow = ScreenCellPlan.items(for: run, canvas: canvas, unicode: true) { _ in 1 }
        #expect(narrow.map(\.scalar) == ["中", " ", "x", " "], "a narrow terminal width: the character, then a blank")
        let unknown = ScreenCellPlan.items(for: run, canvas: canvas, unicode: true) { _ in -1 }
        #expect(unknown.map(\.scalar) == ["?", " ", "x", " "])
    }

    @Test("without UTF-8 a wide character becomes ASCII and a blank")
    func ascii() {
        var canvas = Canvas(width: 3, height: 1)
        canvas.put("中─", row: 0, column: 0)
        let run = CanvasDiff.Run(row: 0, start: 0, end: 3)
        let items = ScreenCellPlan.items(for: run, canvas: canvas, unicode: false, terminalWidth: Self.terminalWidth)
        #expect(items.map(\.scalar) == ["?", " ", "-"])
    }
}
