import CNNPseudoTerminal
import Foundation
import Testing

/// Issue 10's "the live loop never blocks on work", from outside, in a pseudo-terminal: an edit
/// that rebuilds a large stack (a 2048×2048 input one cell smaller: every level's dependency mask
/// again, seconds in a debug build) shows "working…", and q pressed during it ends the program at
/// once with the terminal restored, without waiting for the work.
@Suite("Long work end to end", .timeLimit(.minutes(3)))
struct LiveWorkEndToEndTests {
    @Test(
        "q, SIGTERM or SIGINT (as Ctrl-C sends it) during a slow edit end the program within a second, the terminal restored",
        arguments: [("q", 0), ("SIGTERM", 143), ("SIGINT", 130)] as [(String, Int32)])
    func stopDuringSlowEdit(name: String, expectedStatus: Int32) throws {
        let terminal = try PseudoTerminal(
            binary: try CNNVizBinary.path(), arguments: ["explore", "--view", "stack", "--input", "2048"],
            width: 80, height: 24)
        _ = try terminal.nextDraw(timeout: .seconds(120))
        #expect(terminal.outputContains("2048×2048"))
        terminal.type("i")
        _ = try terminal.nextDraw(timeout: .seconds(10))
        try #require(
            terminal.outputContains("working"),
            "the edit ended before the working notice: this test needs a slower setting")
        let clock = ContinuousClock()
        let pressed = clock.now
        switch name {
        case "q": terminal.type("q")
        case "SIGTERM": kill(terminal.pid, SIGTERM)
        default: kill(terminal.pid, SIGINT)
        }
        let status = terminal.waitForExit(timeout: .seconds(10))
        let took = clock.now - pressed
        print("\(name) during a slow edit: the program ended after \(took)")
        #expect(status == expectedStatus)
        #expect(took < .seconds(1), "took \(took)")
        #expect(!terminal.outputContains("2047×2047"), "the edit was not finished before quitting")
        // ncurses' endwin for xterm-256color: leave the alternate screen, show the cursor.
        #expect(terminal.outputContains("\u{1B}[?1049l"), "the alternate screen was left")
        #expect(terminal.outputContains("\u{1B}[?25h"), "the cursor was shown again")
    }
}
