import CNNRender
import Testing

@testable import CNNTerminal

/// Only changed cells are written to the screen.
@Suite("Canvas diff")
struct CanvasDiffTests {
    @Test("no previous canvas: every visible row is one full run, clipped to the screen")
    func firstDraw() {
        let canvas = Canvas(width: 10, height: 4)
        let runs = CanvasDiff.changedRuns(from: nil, to: canvas, screenWidth: 6, screenHeight: 3)
        #expect(runs == (0..<3).map { CanvasDiff.Run(row: $0, start: 0, end: 6) })
    }

    @Test("identical canvases write nothing")
    func unchanged() {
        var canvas = Canvas(width: 8, height: 3)
        canvas.put("hello", row: 1, column: 1)
        #expect(CanvasDiff.changedRuns(from: canvas, to: canvas, screenWidth: 80, screenHeight: 24) == [])
    }

    @Test("changed characters and changed styles form runs per row")
    func runs() {
        var before = Canvas(width: 10, height: 3)
        before.put("abcdefghij", row: 0, column: 0)
        var after = before
        after.put("XY", row: 0, column: 2)
        after.put("Z", row: 0, column: 9)
        after.restyle(row: 2, column: 4, width: 3, height: 1) { $0.bold = true }
        let runs = CanvasDiff.changedRuns(from: before, to: after, screenWidth: 80, screenHeight: 24)
        #expect(
            runs == [
                CanvasDiff.Run(row: 0, start: 2, end: 4), CanvasDiff.Run(row: 0, start: 9, end: 10),
                CanvasDiff.Run(row: 2, start: 4, end: 7),
            ])
    }

    @Test("changes outside the screen are clipped away")
    func clipped() {
        let before = Canvas(width: 10, height: 5)
        var after = before
        after.put("x", row: 4, column: 0)
        after.put("y", row: 0, column: 8)
        #expect(CanvasDiff.changedRuns(from: before, to: after, screenWidth: 8, screenHeight: 4) == [])
    }

    @Test("a previous canvas of another size counts as no previous canvas")
    func sizeChange() {
        let before = Canvas(width: 4, height: 2)
        let after = Canvas(width: 5, height: 2)
        #expect(
            CanvasDiff.changedRuns(from: before, to: after, screenWidth: 80, screenHeight: 24)
                == [CanvasDiff.Run(row: 0, start: 0, end: 5), CanvasDiff.Run(row: 1, start: 0, end: 5)])
    }
}
