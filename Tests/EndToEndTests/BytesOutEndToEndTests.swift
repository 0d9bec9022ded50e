import CNNPseudoTerminal
import Foundation
import Testing

/// Issue 11's "minimal bytes", measured from outside: `cnnviz explore --paused` in a
/// pseudo-terminal, 50 steps with `l` and `h`, the bytes read back from the terminal per step against
/// the minimum the program's own diff says the changed cells need (CNNVIZ_DRAW_STATS_FD;
/// defined in CNNTerminal's DrawCost: per changed run a cursor move, its characters' UTF-8
/// bytes, one SGR per style change, and a final reset).
@Suite("Bytes out end to end", .timeLimit(.minutes(1)))
struct BytesOutEndToEndTests {
    @Test("50 steps write at most 1.5× the changed cells' minimum, with no full repaint")
    func fiftySteps() throws {
        let terminal = try PseudoTerminal(
            binary: try CNNVizBinary.path(), arguments: ["explore", "--paused"], width: 100, height: 30)
        let first = try terminal.nextDraw()
        #expect(first.full, "the first draw paints everything")
        var bytes = 0
        var minimum = 0
        var changingSteps = 0
        for step in 1...50 {
            terminal.type(step <= 20 || step > 40 ? "l" : "h")  // forward, back, forward: always a change
            let draw = try terminal.nextDraw()
            #expect(!draw.full, "step \(step) repainted everything")
            bytes += draw.bytesWritten
            minimum += draw.minimumBytes
            if draw.cells > 0 { changingSteps += 1 }
            if draw.cells == 0 { #expect(draw.bytesWritten == 0, "step \(step) changed nothing but wrote bytes") }
        }
        #expect(changingSteps == 50, "the kernel moved on every step (\(changingSteps) of 50)")
        #expect(minimum > 0)
        let ratio = Double(bytes) / Double(max(1, minimum))
        print("bytes out: 50 steps wrote \(bytes) bytes against a minimum of \(minimum) (\(ratio)×)")
        #expect(ratio <= 1.5, "wrote \(bytes) bytes for a minimum of \(minimum): \(ratio)×")
    }
}
