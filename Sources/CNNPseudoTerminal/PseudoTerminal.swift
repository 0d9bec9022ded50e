import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `cnnviz` running in a pseudo-terminal (used by cnnviz-bench and the end-to-end tests) of a fixed size, driven like a person's keyboard:
/// keys go in through the terminal, everything the program writes is read back and counted,
/// and the program's own per-draw report (CNNVIZ_DRAW_STATS_FD, one line per draw) arrives on
/// a pipe, so each step can be paired with the bytes it wrote.
public final class PseudoTerminal {
    /// One draw as the program reported it, with the bytes read from the terminal for it.
    public struct Draw: Sendable {
        /// Changed cells, from the program's diff.
        public var cells: Int
        /// The minimum bytes those cells need (see `DrawCost` in CNNTerminal).
        public var minimumBytes: Int
        /// Whether the program repainted everything.
        public var full: Bool
        /// The program's own clock: input read → draw written, in microseconds.
        public var frameMicroseconds: Int
        /// The program's own clock: the terminal write (ncurses' refresh), in microseconds.
        public var writeMicroseconds: Int
        /// Bytes read from the terminal since the previous draw.
        public var bytesWritten: Int
        /// When the report arrived (monotonic nanoseconds).
        public var arrivedAt: UInt64
    }

    /// The child's pid.
    public let pid: pid_t
    private let master: Int32
    private let reports: Int32
    private var reportBuffer: [UInt8] = []
    private var outputSinceDraw = 0
    /// The last `recentOutputLimit` bytes the program wrote to the terminal.
    public private(set) var recentOutput: [UInt8] = []
    /// How many of the latest terminal bytes `recentOutput` keeps.
    public static let recentOutputLimit = 65_536
    /// The exit status once `waitForExit` saw the program end.
    private var exitStatus: Int32?
    /// When the child was started (monotonic nanoseconds).
    public let startedAt: UInt64

    /// Starts `binary arguments` in a width×height pseudo-terminal with TERM=xterm-256color and
    /// a UTF-8 locale.
    public init(binary: String, arguments: [String], width: Int, height: Int) throws {
        // Glibc's module hides posix_openpt/unlockpt/ptsname; on Linux they are these ioctls
        // (TIOCSPTLCK = _IOW('T', 0x31, int), TIOCGPTN = _IOR('T', 0x30, unsigned int); the
        // macros do not import, and the generic encoding is the same on x86-64 and arm64).
        let unlockRequest: UInt = 0x4004_5431
        let numberRequest: UInt = 0x8004_5430
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, unlockRequest, &unlock) == 0, ioctl(master, numberRequest, &number) == 0
        else { throw PseudoTerminalError("cannot open a pseudo-terminal: errno \(errno)") }
        let slavePath = "/dev/pts/\(number)"
        let slave = open(slavePath, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw PseudoTerminalError("cannot open \(slavePath): errno \(errno)") }
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw PseudoTerminalError("cannot make a pipe: errno \(errno)") }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, slave, 0)
        posix_spawn_file_actions_adddup2(&actions, slave, 1)
        posix_spawn_file_actions_adddup2(&actions, slave, 2)
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 3)
        for descriptor in [slave, master, pipeEnds[0], pipeEnds[1]] where descriptor > 3 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))

        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        environment["NO_COLOR"] = nil
        environment["CNNVIZ_DRAW_STATS_FD"] = "3"
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var child: pid_t = 0
        startedAt = DispatchTime.now().uptimeNanoseconds
        let failure = posix_spawn(&child, binary, &actions, &attributes, argv, envp)
        close(slave)
        close(pipeEnds[1])
        guard failure == 0 else {
            throw PseudoTerminalError("cannot start \(binary): \(String(cString: strerror(failure)))")
        }
        pid = child
        self.master = master
        reports = pipeEnds[0]
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
        close(reports)
    }

    /// Types `text` at the terminal.
    public func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads terminal output and draw reports until the next draw report (or `timeout`), and
    /// returns it with the terminal bytes read up to then.
    public func nextDraw(timeout: Duration = .seconds(10), quietly: Bool = false) throws -> Draw {
        let (seconds, attoseconds) = timeout.components
        let deadline =
            DispatchTime.now().uptimeNanoseconds + UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
        while true {
            if let line = takeReportLine() {
                drainOutput()
                let draw = Self.parse(line, bytes: outputSinceDraw, at: DispatchTime.now().uptimeNanoseconds)
                outputSinceDraw = 0
                if let draw { return draw }
                continue
            }
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < deadline else { throw PseudoTerminalError("no draw report within \(timeout)") }
            var descriptors = [
                pollfd(fd: master, events: Int16(POLLIN), revents: 0),
                pollfd(fd: reports, events: Int16(POLLIN), revents: 0),
            ]
            _ = poll(&descriptors, 2, Int32(min(1000, (deadline - now) / 1_000_000 + 1)))
            if descriptors[0].revents != 0 { drainOutput() }
            if descriptors[1].revents != 0 && !readReports() { throw PseudoTerminalError("the program ended") }
        }
    }

    /// Reads and counts everything the program has written to the terminal so far.
    public func drainOutput() {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 0) > 0, descriptor.revents & Int16(POLLIN) != 0 else { return }
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            outputSinceDraw += count
            recentOutput += buffer[0..<count]
            if recentOutput.count > Self.recentOutputLimit {
                recentOutput.removeFirst(recentOutput.count - Self.recentOutputLimit)
            }
        }
    }

    /// Whether the terminal output since the program started (its last `recentOutputLimit`
    /// bytes) contains `text`.
    public func outputContains(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, recentOutput.count >= needle.count else { return needle.isEmpty }
        return (0...(recentOutput.count - needle.count)).contains { start in
            recentOutput[start..<start + needle.count].elementsEqual(needle)
        }
    }

    /// Waits up to `timeout` for the program to end, reading its output meanwhile; its exit
    /// status (128 + N when a signal ended it), or nil while it still runs.
    public func waitForExit(timeout: Duration) -> Int32? {
        if let exitStatus { return exitStatus }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        repeat {
            drainOutput()
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                drainOutput()
                let signal = status & 0x7F
                exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
                return exitStatus
            }
            usleep(1000)
        } while clock.now < deadline
        return nil
    }

    /// Reads what the report pipe has; false at its end.
    private func readReports() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { read(reports, $0.baseAddress, $0.count) }
        guard count > 0 else { return false }
        reportBuffer += buffer[0..<count]
        return true
    }

    /// The next complete report line, if one has arrived.
    private func takeReportLine() -> String? {
        guard let newline = reportBuffer.firstIndex(of: 10) else { return nil }
        let line = String(decoding: reportBuffer[..<newline], as: UTF8.self)
        reportBuffer.removeSubrange(...newline)
        return line
    }

    /// A draw from a report line (`draw n=… cells=… minimum=… full=… frame_us=…`).
    public static func parse(_ line: String, bytes: Int, at time: UInt64) -> Draw? {
        var fields: [String: Int] = [:]
        for pair in line.split(separator: " ").dropFirst() {
            let parts = pair.split(separator: "=")
            if parts.count == 2, let value = Int(parts[1]) { fields[String(parts[0])] = value }
        }
        guard let cells = fields["cells"], let minimum = fields["minimum"], let full = fields["full"],
            let frame = fields["frame_us"], let write = fields["write_us"]
        else { return nil }
        return Draw(
            cells: cells, minimumBytes: minimum, full: full == 1, frameMicroseconds: frame, writeMicroseconds: write,
            bytesWritten: bytes,
            arrivedAt: time)
    }

    /// CPU seconds the child has used (user + system, from /proc/PID/stat).
    public func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return .nan }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the name: state is field 0, utime field 11, stime field 12.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return .nan }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }
}

/// The pseudo-terminal could not be set up, or the program stopped reporting.
public struct PseudoTerminalError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
    /// Creates an error.
    public init(_ description: String) { self.description = description }
}
