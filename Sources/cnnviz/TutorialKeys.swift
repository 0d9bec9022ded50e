import CNNCourse
import CNNSandbox
import CNNTerminal

/// The terminal's keys as the tutorial player reads them.
enum TutorialKeys {
    /// The tutorial key for a terminal key; nil for keys the tutorial ignores entirely.
    static func key(for key: Key) -> TutorialKey? {
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
        case .control("l"), .control("L"): return nil
        default: return .other
        }
    }
}
