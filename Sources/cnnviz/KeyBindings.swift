import CNNSandbox
import CNNTerminal

/// What a key does in the sandbox and the tutorial.
enum KeyCommand: Equatable {
    case quit
    case nextView
    case redraw
    case action(ExploreAction)
}

/// The sandbox's key map (README's key table and the `?` overlay list the same keys).
enum KeyBindings {
    /// The command for a key, or nil when the key means nothing here.
    static func command(for key: Key) -> KeyCommand? {
        switch key {
        case .escape: return .quit
        case .left: return .action(.moveCursor(rows: 0, columns: -1))
        case .right: return .action(.moveCursor(rows: 0, columns: 1))
        case .up: return .action(.moveCursor(rows: -1, columns: 0))
        case .down: return .action(.moveCursor(rows: 1, columns: 0))
        case .home: return .action(.firstStep)
        case .end: return .action(.lastStep)
        case .tab, .backTab: return .action(.toggleFocus)
        case .control("l"), .control("L"): return .redraw
        case .character(let character): return command(for: character)
        default: return nil
        }
    }

    private static func command(for character: Character) -> KeyCommand? {
        switch character {
        case "q": return .quit
        case "v": return .nextView
        case " ": return .action(.togglePlay)
        case "?": return .action(.toggleHelp)
        default: return ExploreKeys.action(for: character).map(KeyCommand.action)
        }
    }
}
