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
    /// A key passed to the view as this action (its letters, space, Tab, ↑ ↓…).
    case view(ExploreAction)
}

extension TutorialCommand: NamedCommand {
    /// The command's name in narration markup: `next-beat`, `next-scene`, `autoplay`, `scene-list`…;
    /// a view's action keeps the view's name (`cycle-preset`).
    public var actionName: String? {
        switch self {
        case .quit: return "quit"
        case .nextBeat: return "next-beat"
        case .previousBeat: return "previous-beat"
        case .firstBeat: return "first-beat"
        case .lastBeat: return "last-beat"
        case .nextScene: return "next-scene"
        case .previousScene: return "previous-scene"
        case .toggleAutoplay: return "autoplay"
        case .sceneList: return "scene-list"
        case .blank: return "blank"
        case .help: return "help"
        case .digit: return nil
        case .view(let action): return action.actionName
        }
    }
}

/// The tutorial's keys. The lesson keeps keys that are not letters (arrows, Page Up/Down,
/// Home/End, Enter, Backspace, Esc, `<` `>`, `*`, `.`, digits, `?`) and `q`; every other letter,
/// space and Tab belong to the scene's view, so a view key can never leave the scene.
/// `context(for:)` is the one map a scene's keys are read with; a test requires it to have no key
/// bound twice for any view.
public enum TutorialKeys {
    /// The lesson's keys, in help order.
    public static let lesson = KeyMap<TutorialCommand>([
        KeyBinding(
            [.right, .left, .pageDown, .pageUp, .enter, .backspace],
            [.nextBeat, .previousBeat, .nextBeat, .previousBeat, .nextBeat, .previousBeat],
            label: "→ ← (PgDn PgUp, Enter)",
            help: "next / previous beat (→ ends an animation first)", hint: "← → beat"),
        KeyBinding("><", [.nextScene, .previousScene], label: "> <", help: "next / previous scene", hint: "< > scene"),
        KeyBinding([.home, .end], [.firstBeat, .lastBeat], help: "first / last beat of the scene"),
        KeyBinding("*", [.toggleAutoplay], help: "autoplay on / off (beats advance after their hold)", hint: "* auto"),
        KeyBinding(
            [.escape], [.sceneList], label: "Esc", help: "scene list: ↑ ↓ choose, Enter open, Esc close",
            hint: "Esc scenes"),
        KeyBinding(
            (0...9).map { KeyPress.character(Character(String($0))) }, (0...9).map { TutorialCommand.digit($0) },
            label: "1–9, two digits", help: "jump to scene N (1 2 quickly: scene 12)"),
        KeyBinding(".", [.blank], help: "blank the screen (any key returns)"),
        KeyBinding("?", [.help], help: "this help", hint: "? keys"),
        KeyBinding("q", [.quit], help: "quit", hint: "q quit"),
    ])

    /// The view's keys the lesson takes over on purpose: in a scene, ← →, PgUp/PgDn and Home/End move
    /// between beats (the view's `h` `l` still step it), Esc opens the scene list, `?` and `q` are
    /// the lesson's help and quit. Any other key bound by both is a collision.
    public static let takenFromView: Set<KeyPress> = [
        .left, .right, .home, .end, .pageUp, .pageDown, .escape, .character("?"), .character("q"),
    ]

    /// The keys of a scene showing `view`: the lesson's, then the view's own actions (without the
    /// keys in `takenFromView`, and without `v`, which would leave the scene's view).
    public static func context(for view: any SandboxModel.Type) -> KeyMap<TutorialCommand> {
        let viewBindings = view.keyMap.bindings.compactMap { binding -> KeyBinding<TutorialCommand>? in
            let actions = binding.keys.indices.filter {
                if case .action = binding.commands[$0] { return true }
                return false
            }
            let kept = Set(actions.map { binding.keys[$0] }).subtracting(takenFromView)
            let dropped = Set(binding.keys).subtracting(kept)
            return binding.without(dropped)?.map { command in
                if case .action(let action) = command { return TutorialCommand.view(action) }
                return TutorialCommand.quit  // never reached: only actions are kept
            }
        }
        return KeyMap(lesson.bindings + viewBindings)
    }

    /// What the help adds about keys the lesson passes on.
    public static let viewKeysNote = (keys: "letters, space, Tab", action: "the view's own keys, as in cnnviz explore")
}
