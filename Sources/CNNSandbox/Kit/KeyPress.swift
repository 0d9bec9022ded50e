/// A key as the sandbox and the tutorial read it: the terminal layer's keys, mapped once by the
/// command line. Key maps bind these to commands.
public enum KeyPress: Hashable, Sendable {
    case character(Character)
    case left, right, up, down, home, end, pageUp, pageDown, enter, escape, tab, backTab, backspace
    /// A control key, e.g. `.control("l")` for Ctrl-L.
    case control(Character)
    /// Any other key (function keys…): closes overlays, does nothing else.
    case other

    /// How the key is written in help and README tables.
    public var label: String {
        switch self {
        case .character(" "): return "space"
        case .character(let character): return String(character)
        case .left: return "←"
        case .right: return "→"
        case .up: return "↑"
        case .down: return "↓"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .control(let character): return "Ctrl-\(character.uppercased())"
        case .other: return "other"
        }
    }
}
