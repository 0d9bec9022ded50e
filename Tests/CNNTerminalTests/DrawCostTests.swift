import CNNRender
import Testing

@testable import CNNTerminal

/// The minimum bytes a draw needs, the yardstick for the bytes written.
@Suite("Draw cost")
struct DrawCostTests {
    @Test("SGR lengths: plain is ESC [ m; attributes and 256 or 8 colours add their digits")
    func sgr() {
        #expect(
            DrawCost.sgrBytes(
                bold: false, dim: false, reverse: false, underline: false, foreground: nil, background: nil,
                colors: 256) == 3)
        // ESC [ 0 ; 1 m
        #expect(
            DrawCost.sgrBytes(
                bold: true, dim: false, reverse: false, underline: false, foreground: nil, background: nil,
                colors: 256) == 6)
        // ESC [ 0 ; 38;5;160 ; 48;5;7 m
        #expect(
            DrawCost.sgrBytes(
                bold: false, dim: false, reverse: false, underline: false, foreground: 160, background: 7,
                colors: 256) == 4 + 9 + 7)
        // ESC [ 0 ; 31 ; 44 m
        #expect(
            DrawCost.sgrBytes(
                bold: false, dim: false, reverse: false, underline: false, foreground: 1, background: 4,
                colors: 8) == 4 + 3 + 3)
    }

    @Test("a run costs a cursor move, its characters, one SGR per style change and a final reset")
    func runs() {
        var cost = DrawCost()
        var current = 0
        // Row 10, column 100 (0-based 9, 99): ESC [ 10 ; 100 H = 9 bytes.
        cost.add(
            row: 9, column: 99, items: [(1, 0), (3, 1), (1, 1), (1, 0)], current: &current,
            styleBytes: { $0 == 0 ? 0 : 6 })
        #expect(cost.runs == 1)
        #expect(cost.changedCells == 4)
        #expect(cost.minimumBytes == 9 + 6 + 6)
        cost.add(row: 0, column: 0, items: [(1, 1)], current: &current, styleBytes: { $0 == 0 ? 0 : 6 })
        #expect(cost.minimumBytes == 21 + 6 + 6 + 1)
        cost.finish(current: current, plain: 0)
        #expect(cost.minimumBytes == 34 + 3)
    }

    @Test("digits")
    func digits() {
        #expect([0, 9, 10, 99, 100, 1024].map(DrawCost.digits) == [1, 1, 2, 2, 3, 4])
    }
}
