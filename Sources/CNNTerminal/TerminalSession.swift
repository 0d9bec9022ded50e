import CNCurses
import CNNRender

#if canImport(Glibc)
    import Glibc
#endif

/// Starts ncurses, runs a body with the screen, and always restores the terminal.
public enum TerminalSession {
    /// How long ncurses waits after Esc for the rest of an escape sequence.
    static let escapeDelayMilliseconds: Int32 = 25

    /// Checks that a terminal is there, sets the locale and signal handling, starts ncurses,
    /// runs `body`, and restores the terminal on return, on a thrown error and on signals.
    /// Throws `TerminalError` (before touching the terminal) when standard input or output is
    /// not a terminal, or TERM names no usable terminal type. Must be called on the main thread.
    public static func run<T>(options: TerminalOptions, _ body: @MainActor (TerminalScreen) throws -> T) throws -> T {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw TerminalError(options.notATerminalMessage)
        }
        let term = try TerminalType.checkedName(options: options)
        guard cnn_is_main_thread() != 0 else {
            throw TerminalError("the terminal session must run on the main thread")
        }
        let unicode = TerminalLocale.configure()
        SignalHandling.clearSignalMask()
        TerminalRestore.saveModes()
        SignalHandling.install()
        guard let screen = newterm(term, cnn_stdout(), cnn_stdin()) else {
            SignalHandling.restore()
            throw TerminalError(TerminalType.unknownMessage(term, options: options))
        }
        TerminalRestore.prepareSequences(mouse: options.mouse)
        SignalHandlingState.cursesActive = true
        defer {
            endCursesIfActive()
            delscreen(screen)
            SignalHandling.restore()
        }
        let terminal = try start(options: options, unicode: unicode)
        // The body runs synchronously on this (main) thread, so handing its result back is safe.
        nonisolated(unsafe) var result: T?
        try MainActor.assumeIsolated {
            let screen = TerminalScreen(
                window: terminal.window, capabilities: terminal.capabilities,
                defaultColorsAvailable: terminal.defaultColorsAvailable)
            defer { screen.leave() }
            result = try body(screen)
        }
        guard let result else { throw TerminalError("the terminal session ended without a result") }
        return result
    }

    /// The exit status after a terminating signal: 128 + the signal number (130 for SIGINT,
    /// 143 for SIGTERM, 129 for SIGHUP).
    public static func exitStatus(for signal: Int32) -> Int32 {
        128 + signal
    }

    /// Sets the input modes, cursor, colours and mouse of a freshly started screen.
    private static func start(options: TerminalOptions, unicode: Bool) throws -> (
        window: UnsafeMutablePointer<WINDOW>, capabilities: TerminalCapabilities, defaultColorsAvailable: Bool
    ) {
        guard let window = cnn_stdscr() else { throw TerminalError("ncurses started without a screen window") }
        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        curs_set(0)
        set_escdelay(escapeDelayMilliseconds)
        var colors = 0
        var defaultColorsAvailable = false
        if options.color && has_colors() {
            start_color()
            defaultColorsAvailable = use_default_colors() == OK
            colors = TerminalCapabilities.usableColors(terminalColors: Int(cnn_colors()), wanted: true)
        }
        if options.mouse {
            mousemask(cnn_button1_pressed() | cnn_button1_clicked(), nil)
            mouseinterval(0)
        }
        return (window, TerminalCapabilities(unicode: unicode, colors: colors), defaultColorsAvailable)
    }
}
