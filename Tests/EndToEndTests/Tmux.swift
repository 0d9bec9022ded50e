import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Drives `cnnviz` inside a private, detached tmux server: start it at a size, send keys,
/// read the screen, resize, signal, and check the terminal was restored afterwards.
///
/// The pane runs bash, which sets a clean environment (TERM=xterm-256color, LANG=C.UTF-8,
/// SWIFT_BACKTRACE=interactive=no, no LC_ALL/LC_CTYPE/NO_COLOR), runs the command, prints
/// `EXIT=<status>` and then becomes a plain interactive `sh`, so `sttyAfterExit()` can ask the
/// same terminal how it was left. Every instance has its own socket; the server is killed in deinit.
///
/// ```swift
/// let tmux = try Tmux()
/// try tmux.start(arguments: ["explore", "--stride", "2"], width: 100, height: 30)
/// try await tmux.waitUntil(contains: "stride 2")
/// try tmux.sendKeys("Right")
/// let screen = try await tmux.waitUntil(contains: "column 1")
/// try tmux.sendKeys("q")
/// #expect(try await tmux.waitForExit() == 0)
/// #expect(try await tmux.terminalRestorationProblems() == [])
/// ```
final class Tmux {
    /// The tmux executable, or nil when it is not installed.
    static let executable: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"]
        .first { access($0, X_OK) == 0 }

    /// Whether the end-to-end tests run: tmux is installed, or this is CI (which must have it,
    /// so a missing tmux fails there instead of skipping).
    static var shouldRun: Bool { executable != nil || isCI }

    /// Whether the environment says this is CI (CI=true).
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    private static let counter = Atomic<Int>(0)

    /// The `-L` socket name, unique to this instance.
    let socket: String
    private let tmux: String
    private var started = false

    /// Makes a harness with a fresh socket; throws when tmux is not installed.
    init() throws {
        guard let executable = Tmux.executable else {
            throw HarnessError("tmux is not installed; the end-to-end tests need it (apt-get install tmux)")
        }
        tmux = executable
        let number = Tmux.counter.add(1, ordering: .relaxed).newValue
        socket = "cnnviz-e2e-\(getpid())-\(number)-\(UInt32.random(in: 0...UInt32.max))"
    }

    deinit {
        guard started else { return }
        _ = try? SpawnedCommand.run(tmux, ["-L", socket, "kill-server"], environment: Tmux.environment)
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(directory)/tmux-\(getuid())/\(socket)")
    }

    // MARK: Starting

    /// Starts `cnnviz ARGUMENTS` in a width×height pane. `environment` adds variables for the
    /// program; a nil value unsets one (e.g. `["LANG": nil]`).
    func start(arguments: [String], width: Int = 80, height: Int = 24, environment: [String: String?] = [:]) throws {
        let command = (["\"$CNNVIZ\""] + arguments.map(Tmux.quote)).joined(separator: " ")
        try start(commandLine: command, width: width, height: height, environment: environment)
    }

    /// Starts a bash command line in a width×height pane; `"$CNNVIZ"` in it is the built binary.
    /// `EXIT=` reports the status of the first command of a pipeline.
    func start(commandLine: String, width: Int = 80, height: Int = 24, environment: [String: String?] = [:]) throws {
        precondition(!started, "a Tmux harness runs one session")
        let binary = try CNNVizBinary.path()
        var variables: [String: String?] = [
            "TERM": "xterm-256color", "LANG": "C.UTF-8", "SWIFT_BACKTRACE": "interactive=no",
            "LC_ALL": nil, "LC_CTYPE": nil, "NO_COLOR": nil,
        ]
        variables.merge(environment) { _, new in new }
        let setup = variables.keys.sorted().map { name in
            if let value = variables[name] ?? nil { return "export \(name)=\(Tmux.quote(value))" }
            return "unset \(name)"
        }
        let script =
            (setup + [
                "CNNVIZ=\(Tmux.quote(binary))",
                commandLine,
                "echo \"EXIT=${PIPESTATUS[0]}\"",
                "exec env PS1='$ ' /bin/sh -i",
            ]).joined(separator: "\n")
        try run([
            "new-session", "-d", "-s", "main", "-x", String(width), "-y", String(height),
            "/bin/bash", "--norc", "--noprofile", "-c", script,
        ])
        started = true
    }

    // MARK: Input

    /// Sends tmux key names (`Right`, `q`, `C-c`, `Escape`, `F5`, `BTab`, `Enter`…).
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", "main"] + keys)
    }

    /// Sends `text` literally, byte for byte (e.g. a mouse escape sequence).
    func sendText(_ text: String) throws {
        try run(["send-keys", "-t", "main", "-l", text])
    }

    /// Sends a left-button press and release at a 0-based cell, as an xterm SGR mouse report.
    func click(row: Int, column: Int) throws {
        try sendText("\u{1B}[<0;\(column + 1);\(row + 1)M\u{1B}[<0;\(column + 1);\(row + 1)m")
    }

    /// Resizes the window (the program gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "main", "-x", String(width), "-y", String(height)])
    }

    /// Sends `signal` to the running cnnviz process.
    func signal(_ signal: Int32) throws {
        let pid = try programPID()
        guard kill(pid, signal) == 0 else { throw HarnessError("kill(\(pid), \(signal)) failed: errno \(errno)") }
    }

    // MARK: Output

    /// The visible screen as text, one line per row.
    func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", "main"])
    }

    /// The visible screen with SGR colour and attribute escapes.
    func captureWithColors() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", "main"])
    }

    /// The screen with lines the terminal wrapped joined again (for shell output; not for
    /// full-screen drawing, whose full-width rows tmux may also mark as wrapped).
    func captureJoined() throws -> String {
        try run(["capture-pane", "-p", "-J", "-t", "main"])
    }

    /// The screen including scrolled-off history.
    func captureWithHistory() throws -> String {
        try run(["capture-pane", "-p", "-S", "-", "-t", "main"])
    }

    /// Whether the pane shows the alternate screen (true while ncurses runs).
    var alternateScreenOn: Bool {
        get throws { try display("#{alternate_on}") == "1" }
    }

    /// Whether the pane's cursor is visible (ncurses hides it; endwin shows it again).
    var cursorVisible: Bool {
        get throws { try display("#{cursor_flag}") == "1" }
    }

    /// A tmux format evaluated for the pane, e.g. `#{pane_pid}`.
    func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    // MARK: Waiting

    /// Polls the screen every 50 ms until `predicate` holds; returns that screen. Throws with
    /// the last screen when `timeout` passes.
    @discardableResult
    func waitUntil(
        timeout: Duration = .seconds(15), history: Bool = false, _ what: String, _ predicate: (String) -> Bool
    ) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        var screen = ""
        while true {
            screen = try history ? captureWithHistory() : capture()
            if predicate(screen) { return screen }
            guard clock.now < deadline else {
                throw HarnessError("timed out after \(timeout) waiting for \(what); screen:\n\(screen)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Polls until the screen contains `text`; returns that screen.
    @discardableResult
    func waitUntil(contains text: String, timeout: Duration = .seconds(15)) async throws -> String {
        try await waitUntil(timeout: timeout, "\"\(text)\"") { $0.contains(text) }
    }

    /// Waits for the program to end and returns its exit status (from the `EXIT=` line).
    func waitForExit(timeout: Duration = .seconds(15)) async throws -> Int32 {
        let screen = try await waitUntil(timeout: timeout, history: true, "EXIT=") { Tmux.exitStatus(in: $0) != nil }
        guard let status = Tmux.exitStatus(in: screen) else {
            throw HarnessError("no exit status in the screen:\n\(screen)")
        }
        return status
    }

    /// The status in the last `EXIT=<n>` line of `screen`.
    static func exitStatus(in screen: String) -> Int32? {
        screen.split(separator: "\n").reversed().lazy.compactMap { line -> Int32? in
            guard line.hasPrefix("EXIT=") else { return nil }
            return Int32(line.dropFirst(5))
        }.first
    }

    // MARK: After exit

    /// After the program has exited: runs `stty -a` in the same terminal and returns its flags
    /// (whitespace-separated tokens such as `echo`, `-echo`, `icanon`).
    func sttyAfterExit(timeout: Duration = .seconds(15)) async throws -> Set<String> {
        // C-j (a line feed) ends the line even if the terminal was left without icrnl.
        try sendKeys("echo STTY-BEGIN-$((1+1)); stty -a; echo STTY-END-$((2+2))", "C-j")
        let screen = try await waitUntil(timeout: timeout, history: true, "stty output") {
            $0.contains("STTY-END-4")
        }
        guard let begin = screen.range(of: "STTY-BEGIN-2", options: .backwards),
            let end = screen.range(of: "STTY-END-4", options: .backwards), begin.upperBound < end.lowerBound
        else { throw HarnessError("stty output not found in:\n\(screen)") }
        let flags = screen[begin.upperBound..<end.lowerBound].split(whereSeparator: {
            $0 == " " || $0 == "\n" || $0 == ";"
        })
        return Set(flags.map(String.init))
    }

    /// Problems with how the terminal was left after the program exited: alternate screen still
    /// on, cursor hidden, echo or canonical input off. Empty when it was restored.
    func terminalRestorationProblems() async throws -> [String] {
        var problems: [String] = []
        if try alternateScreenOn { problems.append("alternate screen still on") }
        if try !cursorVisible { problems.append("cursor still hidden") }
        let flags = try await sttyAfterExit()
        for flag in ["echo", "icanon", "isig", "icrnl", "opost"] where !flags.contains(flag) {
            problems.append("stty shows \(flags.contains("-" + flag) ? "-" + flag : "no " + flag)")
        }
        return problems
    }

    // MARK: Processes

    /// The pid of the running cnnviz process (a descendant of the pane's shell).
    func programPID() throws -> pid_t {
        guard let shell = pid_t(try display("#{pane_pid}")) else { throw HarnessError("no pane pid") }
        var frontier = [shell]
        while let parent = frontier.popLast() {
            for child in ProcessTable.children(of: parent) {
                if ProcessTable.command(of: child) == "cnnviz" { return child }
                frontier.append(child)
            }
        }
        throw HarnessError("no cnnviz process under the pane's shell \(shell)")
    }

    // MARK: Running tmux

    /// The environment tmux itself runs with: this process's, UTF-8, not nested in another tmux.
    private static var environment: [String: String] {
        var variables = ProcessInfo.processInfo.environment
        variables["LC_ALL"] = "C.UTF-8"
        variables["TMUX"] = nil
        variables["TMUX_PANE"] = nil
        return variables
    }

    /// Runs one tmux command on this socket; returns its output, throws when it fails.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let result = try SpawnedCommand.run(tmux, ["-L", socket] + arguments, environment: Tmux.environment)
        guard result.status == 0 else {
            throw HarnessError(
                "tmux \(arguments.prefix(2).joined(separator: " ")) failed (\(result.status)): \(result.errorOutput)")
        }
        return result.output
    }

    /// `text` as one single-quoted shell word.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// Reads parent/child links and command names from /proc.
enum ProcessTable {
    /// Processes whose parent is `parent`.
    static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(pid_t.init).filter { parentID(of: $0) == parent }
    }

    /// The parent of `pid`, from /proc/PID/stat (the field after the parenthesised name).
    static func parentID(of pid: pid_t) -> pid_t? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 1 ? pid_t(fields[1]) : nil
    }

    /// The command name of `pid` (/proc/PID/comm).
    static func command(of pid: pid_t) -> String? {
        (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// Finds the built `cnnviz` next to the test bundle.
enum CNNVizBinary {
    /// The path of the `cnnviz` executable: $CNNVIZ_BINARY, or the first directory holding an
    /// executable `cnnviz` on the way up from the test bundle (the `.build/<triple>/<config>/` folder).
    static func path() throws -> String {
        if let override = ProcessInfo.processInfo.environment["CNNVIZ_BINARY"] { return override }
        let starts = [Bundle.main.bundlePath, Bundle.main.executablePath ?? "", CommandLine.arguments.first ?? ""]
        for start in starts where !start.isEmpty {
            var directory = URL(fileURLWithPath: start).standardizedFileURL
            while directory.path != "/" {
                let candidate = directory.appendingPathComponent("cnnviz").path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
                    access(candidate, X_OK) == 0
                {
                    return candidate
                }
                directory.deleteLastPathComponent()
            }
        }
        throw HarnessError("cannot find the cnnviz binary above \(starts); build it or set CNNVIZ_BINARY")
    }
}
