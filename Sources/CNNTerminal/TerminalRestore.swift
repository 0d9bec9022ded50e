import CNCurses

#if canImport(Glibc)
    import Glibc
#endif

/// Puts the terminal back the way the shell had it, from inside a signal handler or a
/// watchdog thread: the bytes to write and the terminal modes to set are prepared when the
/// session starts, so restoring only calls `write(2)` and `tcsetattr(3)` (both
/// async-signal-safe) and never enters ncurses.
enum TerminalRestore {
    /// The longest restore sequence kept; longer terminfo strings are cut.
    static let capacity = 512

    /// The bytes that blank and leave the alternate screen, show the cursor, reset attributes and turn
    /// the keypad and mouse reporting off. Written once, before the handlers are installed.
    nonisolated(unsafe) private static var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    /// How many of `bytes` are in use.
    nonisolated(unsafe) private static var count = 0
    /// The terminal modes before ncurses started.
    nonisolated(unsafe) private static var modes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
    /// Whether `modes` holds saved modes.
    nonisolated(unsafe) private static var haveModes = false

    /// Saves the terminal modes of standard input; call before ncurses starts.
    static func saveModes() {
        haveModes = tcgetattr(STDIN_FILENO, modes) == 0
    }

    /// Prepares the restore bytes from the running terminal's terminfo entry; call after
    /// `newterm`, before the first signal can need them.
    static func prepareSequences(mouse: Bool) {
        var sequence: [UInt8] = []
        for name in ["sgr0", "clear", "rmkx", "cnorm", "rmcup"] {
            guard let value = cnn_string_capability(name) else { continue }
            sequence += Array(String(cString: value).utf8)
        }
        if mouse && cnn_string_capability("kmous") != nil {
            sequence += Array("\u{1B}[?1006l\u{1B}[?1002l\u{1B}[?1000l".utf8)
        }
        prepare(sequence)
    }

    /// Stores `sequence` (cut to `capacity`) as the restore bytes.
    static func prepare(_ sequence: [UInt8]) {
        let used = min(sequence.count, capacity)
        for index in 0..<used { bytes[index] = sequence[index] }
        count = used
    }

    /// Writes the prepared bytes to standard output and sets the saved modes again.
    /// Async-signal-safe; does nothing to ncurses' own state.
    static func restoreFromSignal() {
        var written = 0
        while written < count {
            let result = write(STDOUT_FILENO, bytes + written, count - written)
            if result > 0 {
                written += result
            } else if result < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        if haveModes { tcsetattr(STDIN_FILENO, TCSANOW, modes) }
    }
}
