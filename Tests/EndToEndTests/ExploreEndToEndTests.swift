import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `cnnviz explore` in a real terminal: stepping, changing the geometry with keys, resizing,
/// the help overlay, and leaving with the terminal restored.
@Suite("cnnviz explore in tmux", .serialized, .enabled(if: Tmux.shouldRun, "tmux is not installed"))
struct ExploreEndToEndTests {
    @Test("--stride 2 at 80×24: step, change stride, padding, dilation and kernel, resize, help, quit")
    func strideTwoSession() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["explore", "--stride", "2", "--paused"], width: 80, height: 24)
        var screen = try await tmux.waitUntil(contains: "input 7×7  kernel 3×3  stride 2  pad 0  dil 1  → out 3×3")
        #expect(screen.contains("⌊(7 + 2·0 − 1·(3−1) − 1)/2⌋ + 1 = 3"))
        #expect(screen.contains("step 1/9"))
        #expect(screen.contains("out[0,0]: 5×1 + 9×0 + 0×(-1) + 3×1 + 0×0 + 0×(-1) + 6×1 + 9×0 + 5×(-1) = 9"))

        try tmux.sendKeys("Right", "l")
        screen = try await tmux.waitUntil(contains: "step 3/9")
        #expect(screen.contains("out[0,2]"))
        try tmux.sendKeys("Left")
        try await tmux.waitUntil(contains: "step 2/9")

        try tmux.sendKeys("S")  // stride 3 leaves the last row and column unread
        screen = try await tmux.waitUntil(contains: "stride 3")
        #expect(screen.contains("→ out 2×2"))
        #expect(screen.contains("never read"))
        try tmux.sendKeys("s")
        try await tmux.waitUntil(contains: "stride 2  pad 0")

        try tmux.sendKeys("P")
        screen = try await tmux.waitUntil(contains: "pad 1")
        #expect(screen.contains("→ out 4×4"))
        #expect(screen.contains("⌊(7 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 4"))

        try tmux.sendKeys("D")
        screen = try await tmux.waitUntil(contains: "dil 2")
        #expect(screen.contains("⌊(7 + 2·1 − 2·(3−1) − 1)/2⌋ + 1 = 3"))

        try tmux.sendKeys("K")
        screen = try await tmux.waitUntil(contains: "kernel 4×4")
        #expect(screen.contains("→ out 2×2"))

        // Too far: the core's refusal appears in place, and the view stays up.
        try tmux.sendKeys("D", "D")
        // The first D already overflows (dilation 3); wait for the second one's screen.
        screen = try await tmux.waitUntil("the refusal at dilation 4") {
            $0.contains("cannot compute") && $0.contains("dil 4")
        }
        #expect(screen.contains("kernel 4×4 at dilation 4") && screen.contains("spans 13×13"))
        try tmux.sendKeys("d", "d")
        screen = try await tmux.waitUntil(contains: "dil 2")
        #expect(!screen.contains("cannot compute"))

        try tmux.resize(width: 120, height: 40)
        screen = try await tmux.waitUntil("the 120-column redraw") {
            $0.contains("? keys  q quit") && ($0.split(separator: "\n").first?.count ?? 0) > 100
        }
        #expect(screen.split(separator: "\n").first.map { $0.count > 100 } == true)

        try tmux.sendKeys("?")
        screen = try await tmux.waitUntil(contains: "any key closes this help")
        #expect(screen.contains("stride − / +"))
        try tmux.sendKeys("x")
        try await tmux.waitUntil(timeout: .seconds(5), "help closed") { !$0.contains("any key closes this help") }

        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test("playing advances on its own and space pauses it")
    func playAndPause() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["explore", "--speed", "4"], width: 80, height: 24)
        // 25 steps at 4 per second: about six seconds from the first to the last.
        try await tmux.waitUntil("a step past the first") { (Self.step(in: $0) ?? 0) >= 2 }
        try tmux.sendKeys("Space")
        let paused = try await tmux.waitUntil(contains: "paused")
        let step = try #require(Self.step(in: paused))
        #expect(step < 25, "space must pause before the end")
        try await Task.sleep(for: .milliseconds(600))
        #expect(Self.step(in: try tmux.capture()) == step, "a paused screen must not advance")
        try tmux.sendKeys("End")
        try await tmux.waitUntil(contains: "step 25/25")
        try tmux.sendKeys("Home")
        try await tmux.waitUntil(contains: "step 1/25")
        try tmux.sendKeys("Escape")
        #expect(try await tmux.waitForExit() == 0)
    }

    /// The current step number in a screen's footer ("step 7/25").
    static func step(in screen: String) -> Int? {
        guard let range = screen.range(of: #"step \d+/"#, options: .regularExpression) else { return nil }
        return Int(screen[range].dropFirst(5).dropLast())
    }

    @Test("Tab and arrows pick an output cell; a click picks one too")
    func pickOutputCell() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: [
            "explore", "--input", "3", "--kernel", "2", "--fill", "ramp", "--preset", "ramp", "--paused",
        ])
        try await tmux.waitUntil(contains: "0×0 + 1×1 + 3×2 + 4×3 = 19")
        try tmux.sendKeys("Tab", "Down", "Right")
        let screen = try await tmux.waitUntil(contains: "4×0 + 5×1 + 7×2 + 8×3 = 43")
        #expect(screen.contains("arrows pick a cell"))
        // Click the output cell holding 25 (row 0, column 1).
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { $0.contains(" 19 ") && $0.contains(" 25") })
        let column = try #require(lines[row].range(of: "25", options: .backwards)).lowerBound.utf16Offset(
            in: lines[row])
        try tmux.click(row: row, column: column)
        try await tmux.waitUntil(contains: "1×0 + 2×1 + 4×2 + 5×3 = 25")
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test("paused, the process sleeps in its input wait: no CPU ticks over a second")
    func idleWhilePaused() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["explore", "--paused"])
        try await tmux.waitUntil(contains: "paused")
        let pid = try tmux.programPID()
        try await Task.sleep(for: .milliseconds(200))
        let before = try #require(Self.cpuTicks(of: pid))
        try await Task.sleep(for: .seconds(1))
        let after = try #require(Self.cpuTicks(of: pid))
        // A busy loop would burn ~100 ticks per second; a sleeping process none (allow 2 for noise).
        #expect(after - before <= 2, "paused sandbox used \(after - before) CPU ticks in 1 s")
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
    }

    /// utime + stime of a process, in clock ticks, from /proc/PID/stat.
    static func cpuTicks(of pid: pid_t) -> Int? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3, utime 14, stime 15 (1-based in proc(5)).
        guard fields.count > 13, let user = Int(fields[11]), let system = Int(fields[12]) else { return nil }
        return user + system
    }

    @Test("SIGTERM ends with 143 and a restored terminal")
    func sigterm() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["explore", "--stride", "2"])
        try await tmux.waitUntil(contains: "stride 2")
        try tmux.signal(SIGTERM)
        #expect(try await tmux.waitForExit() == 143)
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test("Ctrl-C ends with 130 and a restored terminal")
    func controlC() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["explore"])
        try await tmux.waitUntil(contains: "kernel 3×3")
        try tmux.sendKeys("C-c")
        #expect(try await tmux.waitForExit() == 130)
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test("a bad flag prints one clear line and exits 2 before the screen opens")
    func badFlag() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["explore", "--kernel", "5", "--dilation", "3"])
        #expect(try await tmux.waitForExit() == 2)
        let screen = try tmux.captureJoined()
        #expect(
            screen.contains("cnnviz explore: kernel 5×5 at dilation 3 spans 13×13, larger than the padded input 7×7"))
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test("piped output gets a clear message, not a broken screen")
    func piped() async throws {
        let tmux = try Tmux()
        try tmux.start(commandLine: "\"$CNNVIZ\" explore | cat")
        #expect(try await tmux.waitForExit() == 2)
        #expect(try tmux.captureWithHistory().contains("needs a terminal"))
    }

    @Test("--ascii and TERM=screen (8 colours) draw a legible screen")
    func asciiAndScreenTerm() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["explore", "--ascii", "--paused"], environment: ["TERM": "screen"])
        let screen = try await tmux.waitUntil(contains: "floor((7 + 2*0 - 1*(3-1) - 1)/1) + 1 = 5")
        #expect(screen.unicodeScalars.allSatisfy { $0.isASCII })
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test("a tiny terminal asks to be enlarged instead of drawing a broken frame")
    func tinyTerminal() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["explore", "--paused"], width: 30, height: 10)
        try await tmux.waitUntil(contains: "needs at least")
        try tmux.resize(width: 80, height: 24)
        try await tmux.waitUntil(contains: "kernel 3×3")
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
    }
}
