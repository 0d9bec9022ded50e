import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `cnnviz keys` in a real terminal (tmux): drawing, key and mouse decoding, resizing, and
/// that every way of leaving restores the terminal.
@Suite("cnnviz keys in tmux", .serialized, .enabled(if: Tmux.shouldRun, "tmux is not installed"))
struct KeysEndToEndTests {
    static let title = "cnnviz keys — press keys; q quits"

    @Test("starts at 80×24 showing its title, size and capabilities")
    func startsWithTitle() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"], width: 80, height: 24)
        let screen = try await tmux.waitUntil(contains: Self.title)
        #expect(screen.contains("size 80×24"))
        #expect(screen.contains("unicode yes"))
        #expect(screen.contains("colours 256"))
        #expect(try tmux.alternateScreenOn)
        #expect(try !tmux.cursorVisible)
        let colored = try tmux.captureWithColors()
        #expect(colored.contains("\u{1B}[48;5;160m"), "the red palette swatch uses 256-colour index 160")
    }

    @Test("Right arrow is decoded and shown as \"key right\"")
    func rightArrow() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"])
        try await tmux.waitUntil(contains: Self.title)
        try tmux.sendKeys("Right")
        try await tmux.waitUntil(contains: "#1 key right")
    }

    @Test("named keys decode, including sequences missing from TERM's terminfo (tmux's Home/End)")
    func namedKeys() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"], width: 80, height: 30)
        try await tmux.waitUntil(contains: Self.title)
        let keys: [(tmux: String, shown: String)] = [
            ("Home", "key home"), ("End", "key end"), ("PPage", "key page up"), ("NPage", "key page down"),
            ("BTab", "key shift-tab"), ("F5", "key F5"), ("C-a", "key ctrl-a"), ("DC", "key delete"),
            ("Tab", "key tab"),
        ]
        for (number, key) in keys.enumerated() {
            try tmux.sendKeys(key.tmux)
            try await tmux.waitUntil(contains: "#\(number + 1) \(key.shown)")
        }
        try tmux.sendText("é")
        try await tmux.waitUntil(contains: "#\(keys.count + 1) key 'é'")
    }

    @Test("a left click is reported with its 0-based row and column")
    func mouseClick() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"])
        try await tmux.waitUntil(contains: Self.title)
        try tmux.click(row: 4, column: 9)
        try await tmux.waitUntil(contains: "#1 mouse row 4 column 9")
    }

    @Test("resizing to 100×30 redraws at the new size")
    func resize() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"], width: 80, height: 24)
        try await tmux.waitUntil(contains: "size 80×24")
        try tmux.resize(width: 100, height: 30)
        let screen = try await tmux.waitUntil(contains: "size 100×30")
        #expect(screen.contains("resize 100×30"))
    }

    @Test("--tick reports timeouts while no key is pressed")
    func timeouts() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys", "--tick", "20"])
        try await tmux.waitUntil(contains: "#3 timeout")
    }

    @Test("q quits with status 0 and restores the terminal")
    func quit() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"])
        try await tmux.waitUntil(contains: Self.title)
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test("Esc quits with status 0")
    func escapeQuits() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"])
        try await tmux.waitUntil(contains: Self.title)
        try tmux.sendKeys("Escape")
        #expect(try await tmux.waitForExit() == 0)
        #expect(try !tmux.alternateScreenOn)
    }

    @Test("SIGTERM exits with 143 and restores the terminal")
    func sigterm() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"])
        try await tmux.waitUntil(contains: Self.title)
        try tmux.signal(SIGTERM)
        #expect(try await tmux.waitForExit() == 143)
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test("SIGHUP exits with 129 and restores the terminal")
    func sighup() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"])
        try await tmux.waitUntil(contains: Self.title)
        try tmux.signal(SIGHUP)
        #expect(try await tmux.waitForExit() == 129)
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test("Ctrl-C exits with 130 and restores the terminal")
    func controlC() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"])
        try await tmux.waitUntil(contains: Self.title)
        try tmux.sendKeys("C-c")
        #expect(try await tmux.waitForExit() == 130)
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test("a crash restores the terminal, prints the backtrace and dies of the signal")
    func crash() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys", "--crash-on", "x"])
        try await tmux.waitUntil(contains: Self.title)
        try tmux.sendKeys("x")
        let status = try await tmux.waitForExit(timeout: .seconds(60))
        #expect(status == 128 + SIGILL || status == 128 + SIGTRAP, "status \(status)")
        let screen = try tmux.captureWithHistory()
        #expect(screen.contains("Program crashed"), "the Swift backtrace is printed")
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test("piped standard output: clear message, status 2, nothing written to the pipe")
    func pipedOutput() async throws {
        let tmux = try Tmux()
        try tmux.start(commandLine: "\"$CNNVIZ\" keys | wc -c")
        #expect(try await tmux.waitForExit() == 2)
        let lines = try tmux.captureJoined().split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines.contains("cnnviz keys needs a terminal: run it with standard input and output on a terminal"))
        #expect(lines.contains("0"), "no bytes reached the pipe")
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test("standard input from /dev/null: clear message and status 2")
    func redirectedInput() async throws {
        let tmux = try Tmux()
        try tmux.start(commandLine: "\"$CNNVIZ\" keys < /dev/null")
        #expect(try await tmux.waitForExit() == 2)
        #expect(try tmux.capture().contains("needs a terminal"))
    }

    @Test("an unknown TERM is named in the error and exits 2 without starting ncurses")
    func unknownTerm() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"], environment: ["TERM": "no-such-terminal"])
        #expect(try await tmux.waitForExit() == 2)
        #expect(try tmux.capture().contains("TERM=no-such-terminal"))
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test("TERM=screen gets 8 colours, drawn with basic colour escapes")
    func eightColours() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"], environment: ["TERM": "screen"])
        try await tmux.waitUntil(contains: "colours 8")
        let colored = try tmux.captureWithColors()
        #expect(colored.contains("\u{1B}[41m"), "the red swatch uses basic background 1")
        #expect(!colored.contains("48;5;"))
    }

    @Test("NO_COLOR turns colours off; attributes stay")
    func noColor() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"], environment: ["NO_COLOR": "1"])
        try await tmux.waitUntil(contains: "colours 0")
        let colored = try tmux.captureWithColors()
        #expect(!colored.contains("48;5;") && !colored.contains("\u{1B}[41m"))
        #expect(colored.contains("\u{1B}[7m"), "reverse video stands in for colour")
    }

    @Test("without LANG the layer falls back to a UTF-8 locale")
    func noLang() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"], environment: ["LANG": nil])
        let screen = try await tmux.waitUntil(contains: "unicode yes")
        #expect(screen.contains(Self.title))
    }
}

/// The harness's own checks can fail: a terminal left broken is reported.
@Suite("tmux harness", .enabled(if: Tmux.shouldRun, "tmux is not installed"))
struct TmuxHarnessTests {
    @Test("a terminal left in the alternate screen, cursor hidden, without echo and icanon is reported")
    func brokenTerminalIsReported() async throws {
        let tmux = try Tmux()
        try tmux.start(commandLine: "printf '\\033[?1049h\\033[?25l'; stty -echo -icanon; (exit 7)")
        #expect(try await tmux.waitForExit() == 7)
        let problems = try await tmux.terminalRestorationProblems()
        #expect(
            problems == [
                "alternate screen still on", "cursor still hidden", "stty shows -echo", "stty shows -icanon",
            ])
    }
}

/// The end-to-end tests must not silently skip on CI.
@Suite("tmux on CI")
struct TmuxPresenceTests {
    @Test("CI has tmux installed")
    func ciHasTmux() {
        if Tmux.isCI {
            #expect(Tmux.executable != nil, "CI must install tmux for the end-to-end tests")
        }
    }
}
