import CNCurses

/// Checks, before anything is drawn, that TERM names a terminal that can address the cursor,
/// so `TERM=dumb`, an empty or unset TERM and an unknown type get one clear line instead of a
/// garbled screen.
enum TerminalType {
    /// TERM, when it names a terminal type with cursor addressing; otherwise throws a
    /// `TerminalError` saying what is wrong and that `--frame` works without a terminal.
    static func checkedName(options: TerminalOptions) throws -> String {
        let term = ProcessEnvironment.value(of: "TERM") ?? ""
        guard !term.isEmpty else {
            throw TerminalError(
                "TERM is not set, so cnnviz does not know how to drive this terminal; "
                    + "set it (e.g. TERM=xterm-256color), or \(options.withoutTerminalHint)")
        }
        switch cnn_terminal_addresses_cursor(term) {
        case 1:
            return term
        case 0:
            throw TerminalError(
                "TERM=\(term) cannot move the cursor, so cnnviz cannot draw its live screen on it; "
                    + "use a terminal that can (e.g. TERM=xterm-256color), or \(options.withoutTerminalHint)")
        default:
            throw TerminalError(unknownMessage(term, options: options))
        }
    }

    /// The message for a TERM with no terminfo entry.
    static func unknownMessage(_ term: String, options: TerminalOptions) -> String {
        "TERM=\(term) is not a terminal type this system knows (no terminfo entry); "
            + "set TERM to one it has (e.g. TERM=xterm-256color), or \(options.withoutTerminalHint)"
    }
}
