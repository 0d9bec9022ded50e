import CNNSandbox

/// What a key asks of the tutorial: the lesson's own commands. Keys the lesson does not bind go
/// to the scene's view (its key map).
public enum TutorialCommand: Hashable, Sendable {
    case quit
    case nextBeat
    case previousBeat
    case firstBeat
    case lastBeat
    case nextScene
    case previousScene
    case toggleAutoplay
    case sceneList
    case blank
    case help
    /// A digit: jump to a scene (two quick digits: scenes 10 and up).
    case digit(Int)
    /// A key passed to the view as this action (arrows and Tab move within the view).
    case view(ExploreAction)
}

/// The tutorial's key maps: the lesson's keys, and the scene list's.
public enum TutorialKeys {
    /// The lesson's keys, in help order.
    public static let lesson = KeyMap<TutorialCommand>([
        KeyBinding(
            [.right, .left, .pageDown, .pageUp, .enter, .backspace],
            [.nextBeat, .previousBeat, .nextBeat, .previousBeat, .nextBeat, .previousBeat],
            label: "→ ← (PgDn PgUp, Enter)", help: "next / previous beat (across scenes)", hint: "← → beat"),
        KeyBinding("np", [.nextScene, .previousScene], help: "next / previous scene", hint: "n p scene"),
        KeyBinding(
            [.character(" ")], [.toggleAutoplay], help: "autoplay on / off (beats advance after their hold)",
            hint: "space auto"),
        KeyBinding([.home, .end], [.firstBeat, .lastBeat], help: "first / last beat of the scene"),
        KeyBinding("g", [.sceneList], help: "scene list: ↑ ↓ choose, Enter open, Esc close", hint: "g list"),
        KeyBinding(
            (0...9).map { KeyPress.character(Character(String($0))) }, (0...9).map { TutorialCommand.digit($0) },
            label: "1–9, two digits", help: "jump to scene N (1 2 quickly: scene 12)"),
        KeyBinding("b", [.blank], help: "blank the screen (any key returns)"),
        KeyBinding(
            [.up, .down, .tab, .backTab],
            [
                .view(.moveCursor(rows: -1, columns: 0)), .view(.moveCursor(rows: 1, columns: 0)),
                .view(.toggleFocus), .view(.toggleFocus),
            ], label: "↑ ↓ Tab", help: "move within the view"),
        KeyBinding("?", [.help], help: "this help", hint: "? keys"),
        KeyBinding([.character("q"), .escape], all: .quit, label: "q Esc", help: "quit", hint: "q quit"),
    ])

    /// What the help adds about keys the lesson passes on.
    public static let viewKeysNote = (keys: "other keys", action: "the view's own keys, as in cnnviz explore")
}
