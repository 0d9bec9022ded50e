/// A decoded key press.
public enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation, space, any Unicode).
    case character(Character)
    /// A named key: arrows, Home/End, Page Up/Down, Tab, Shift-Tab, Enter, Esc, Backspace, Delete.
    case up, down, left, right, home, end, pageUp, pageDown, tab, backTab, enter, escape, backspace, delete
    /// Function key F1…F63.
    case function(Int)
    /// Control plus a key (C-a … C-z as lowercase letters, and C-@ C-\ C-] C-^ C-_);
    /// C-c never arrives: it raises SIGINT, reported as `.terminate`.
    case control(Character)
}

/// One thing that happened at the terminal.
public enum InputEvent: Hashable, Sendable {
    /// A key press.
    case key(Key)
    /// A left-button press or click at a screen cell (0-based).
    case mouse(row: Int, column: Int)
    /// The terminal changed size; the new size in cells.
    case resize(width: Int, height: Int)
    /// The wait's deadline passed with no input.
    case timeout
    /// SIGINT, SIGTERM or SIGHUP arrived; the caller should leave and exit with
    /// `TerminalSession.exitStatus(for:)`.
    case terminate(signal: Int32)
}

extension Key: CustomStringConvertible {
    /// A short readable name: "right", "page down", "shift-tab", "F5", "ctrl-x", "'a'".
    public var description: String {
        switch self {
        case .character(let character): return "'\(character)'"
        case .up: return "up"
        case .down: return "down"
        case .left: return "left"
        case .right: return "right"
        case .home: return "home"
        case .end: return "end"
        case .pageUp: return "page up"
        case .pageDown: return "page down"
        case .tab: return "tab"
        case .backTab: return "shift-tab"
        case .enter: return "enter"
        case .escape: return "escape"
        case .backspace: return "backspace"
        case .delete: return "delete"
        case .function(let number): return "F\(number)"
        case .control(let character): return "ctrl-\(character)"
        }
    }
}

extension InputEvent: CustomStringConvertible {
    /// A short readable line: "key right", "mouse row 3 column 10", "resize 100×30",
    /// "timeout", "terminate signal 15".
    public var description: String {
        switch self {
        case .key(let key): return "key \(key)"
        case .mouse(let row, let column): return "mouse row \(row) column \(column)"
        case .resize(let width, let height): return "resize \(width)×\(height)"
        case .timeout: return "timeout"
        case .terminate(let signal): return "terminate signal \(signal)"
        }
    }
}
