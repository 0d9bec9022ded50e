import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 10's terminal part, for real in tmux: every signal that ends the program restores the
/// terminal first and ends with the conventional status, the crash reporter never waits over
/// the screen, Ctrl-C/SIGTERM act while the loop is busy, and invalid input bytes are dropped.
@Suite("Terminal hardening end to end", .enabled(if: Tmux.shouldRun), .timeLimit(.minutes(2)))
struct TerminalHardeningEndToEndTests {
    /// Signals whose default action ends the process, and the crash signals sent from outside.
    static let endingSignals: [Int32] = [SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGSEGV, SIGABRT]

    @Test(
        "a signal that ends the program restores the terminal, then dies of it (status 128 + N)",
        arguments: endingSignals)
    func endingSignal(signal: Int32) async throws {
        let tmux = try Tmux()
        // No SWIFT_BACKTRACE: the program must turn the interactive reporter off itself.
        try tmux.start(arguments: ["keys"], environment: ["SWIFT_BACKTRACE": nil])
        try await tmux.waitUntil(contains: "cnnviz keys")
        try tmux.signal(signal)
        #expect(try await tmux.waitForExit(timeout: .seconds(10)) == 128 + signal)
        #expect(try await tmux.terminalRestorationProblems() == [])
        let screen = try tmux.captureWithHistory()
        #expect(!screen.contains("Press space to interact"), "the crash reporter must not wait for a key")
    }

    @Test("a crash with SWIFT_BACKTRACE unset prints the backtrace without waiting 30 s for a key")
    func crashReporterOff() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys", "--crash-on", "x"], environment: ["SWIFT_BACKTRACE": nil])
        try await tmux.waitUntil(contains: "cnnviz keys")
        try tmux.sendKeys("x")
        let status = try await tmux.waitForExit(timeout: .seconds(20))
        #expect(status == 128 + SIGILL || status == 128 + SIGTRAP, "dies of the trap, got \(status)")
        let screen = try tmux.captureWithHistory()
        #expect(!screen.contains("Press space to interact"))
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test(
        "SIGTERM and SIGINT end the program within 100 ms even while it computes and reads no input",
        arguments: [SIGTERM, SIGINT])
    func signalWhileBusy(signal: Int32) async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys", "--busy-on", "b"])
        try await tmux.waitUntil(contains: "cnnviz keys")
        let pid = try tmux.programPID()
        try tmux.sendKeys("b")
        try await Task.sleep(for: .milliseconds(300))  // the loop is now 5 s into computing
        let clock = ContinuousClock()
        let sent = clock.now
        kill(pid, signal)
        // Poll on this thread (usleep, not Task.sleep): the measurement must not wait for a
        // turn in the test runner's task pool, which other end-to-end tests keep busy.
        while Self.isRunning(pid) && clock.now - sent < .seconds(5) { usleep(1000) }
        let took = clock.now - sent
        // 100 ms is the requirement; the slack covers polling and a machine shared with other builds.
        print("signal \(signal) while busy: the program ended after \(took)")
        #expect(took < .milliseconds(250), "took \(took)")
        #expect(try await tmux.waitForExit() == 128 + signal)
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test(
        "an invalid UTF-8 byte (a Latin-1 é, a lone continuation, a cut sequence) is dropped; the next keys work at once"
    )
    func invalidByte() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["keys"])
        try await tmux.waitUntil(contains: "cnnviz keys")
        try tmux.sendKeys("a")
        try tmux.sendKeys("-H", "e9")
        try tmux.sendKeys("b")
        try tmux.sendKeys("-H", "80")
        try tmux.sendKeys("-H", "c3")
        try tmux.sendKeys("c")
        let screen = try await tmux.waitUntil(contains: "#3 key 'c'")
        #expect(screen.contains("#1 key 'a'"))
        #expect(screen.contains("#2 key 'b'"))
        #expect(!screen.contains("#4"), "nothing else was reported:\n\(screen)")
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
    }

    /// Whether `pid` is still a running cnnviz (a zombie waiting for its parent has ended).
    static func isRunning(_ pid: pid_t) -> Bool {
        guard ProcessTable.command(of: pid) == "cnnviz",
            let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        return stat[stat.index(after: close)...].split(separator: " ").first != "Z"
    }
}
