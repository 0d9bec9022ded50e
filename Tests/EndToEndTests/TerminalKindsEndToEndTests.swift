import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 11's "every terminal handled", for real in tmux: terminals that cannot address the
/// cursor are refused in one line, a non-UTF-8 locale gets ASCII, wide characters wrap inside
/// their column, and a tiny terminal says the size it needs and recovers on resize.
@Suite("Terminal kinds end to end", .enabled(if: Tmux.shouldRun), .timeLimit(.minutes(2)))
struct TerminalKindsEndToEndTests {
    @Test(
        "TERM=dumb, empty, unset or unknown: one line naming the problem and --frame, exit 2",
        arguments: [
            "dumb", "", "unset", "no-such-terminal",
        ])
    func unusableTerm(term: String) async throws {
        let tmux = try Tmux()
        try tmux.start(
            arguments: ["explore"], width: 120, height: 20, environment: ["TERM": term == "unset" ? nil : term])
        #expect(try await tmux.waitForExit() == 2)
        let screen = try tmux.captureJoined()
        let message = screen.split(separator: "\n").filter { $0.hasPrefix("cnnviz explore:") }
        #expect(message.count == 1, "one line:\n\(screen)")
        #expect(message.first?.contains("--frame") == true)
        #expect(message.first?.contains(term == "unset" || term.isEmpty ? "TERM is not set" : "TERM=\(term)") == true)
        #expect(try !tmux.alternateScreenOn)
    }

    @Test("a terminal whose cursor addressing is not ECMA-48's (vt100, with padding) is drawn through ncurses")
    func ncursesPath() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["explore", "--paused"], width: 100, height: 30, environment: ["TERM": "vt100"])
        try await tmux.waitUntil(contains: "input 7×7")
        try tmux.sendKeys("l")
        try await tmux.waitUntil(contains: "step 2/25")
        try tmux.sendKeys("q")
        // vt100 has no alternate screen: the frame stays, and EXIT= lands on its last row.
        try await tmux.waitUntil(contains: "EXIT=0")
    }

    @Test("LC_ALL=C: the live screen draws ASCII")
    func asciiLocale() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["explore", "--paused"], width: 100, height: 30, environment: ["LC_ALL": "C"])
        let screen = try await tmux.waitUntil(contains: "input 7x7")
        let nonASCII = screen.unicodeScalars.filter { !$0.isASCII }
        #expect(nonASCII.isEmpty, "only ASCII:\n\(screen)")
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test("a scene narrated in Chinese and emoji wraps inside its column")
    func wideNarration() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cnnviz-wide-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("wide.yaml")
        let sentence = String(repeating: "卷积核在输入上滑动，", count: 8) + "🙂🙂 结束"
        try """
        title: 卷积 wide text
        topic: 9
        view: pool
        setup:
          input: 4x4
          fill: pool-example
          kernel: 2
          stride: 2
        narration:
          - "\(sentence)"
        timeline:
          - say: 1
            hold: 6
        """.write(to: file, atomically: true, encoding: .utf8)
        let tmux = try Tmux()
        try tmux.start(arguments: ["play", file.path], width: 100, height: 30)
        let screen = try await tmux.waitUntil(contains: "结束")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let narration = lines.filter { $0.contains("卷积核") || $0.contains("结束") }
        #expect(narration.count >= 2, "the sentence wraps:\n\(screen)")
        // tmux shows each wide character once, so a line's display width is its columns on screen.
        for line in lines { #expect(Self.displayWidth(line) <= 100, "line too wide: \(line)") }
        let pieces = narration.map { $0.trimmingCharacters(in: .whitespaces) }
        let joined = pieces.joined()
        #expect(joined.contains("卷积核在输入上滑动"), "no character lost:\n\(screen)")
        #expect(joined.filter { $0 == "卷" }.count >= 8, "every repetition is on screen:\n\(screen)")
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test("a 20×6 terminal says the size it needs, and the view appears once it is resized")
    func tooSmall() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["explore", "--paused"], width: 20, height: 6)
        let small = try await tmux.waitUntil(contains: "40×12")
        #expect(small.contains("20×6"), "names the current size:\n\(small)")
        try tmux.resize(width: 100, height: 30)
        try await tmux.waitUntil(contains: "input 7×7")
        try tmux.resize(width: 1, height: 1)
        try await Task.sleep(for: .milliseconds(300))
        try tmux.resize(width: 100, height: 30)
        try await tmux.waitUntil(contains: "input 7×7")
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    /// Columns a line takes on screen (CJK and emoji two each).
    static func displayWidth(_ line: String) -> Int {
        line.unicodeScalars.reduce(0) { total, scalar in
            let wide =
                (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
                || (0xAC00...0xD7A3).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
                || scalar.properties.isEmojiPresentation
            return total + (wide ? 2 : 1)
        }
    }
}
