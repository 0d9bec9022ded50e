import CNNSandbox
import CNNTerminal

/// The terminal layer's keys as the sandbox's and the tutorial's key maps read them.
enum TerminalKeys {
    /// The key press for a terminal key.
    static func press(for key: Key) -> KeyPress {
        switch key {
        case .character(let character): return .character(character)
        case .left: return .left
        case .right: return .right
        case .up: return .up
        case .down: return .down
        case .home: return .home
        case .end: return .end
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .enter: return .enter
        case .escape: return .escape
        case .tab: return .tab
        case .backTab: return .backTab
        case .backspace: return .backspace
        case .control(let character): return .control(Character(character.lowercased()))
        case .delete, .function: return .other
        }
    }
}
