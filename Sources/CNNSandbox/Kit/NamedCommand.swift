/// A command with a stable name that narration can cite (`[[cycle-preset]]`): the name stays when
/// the key that gives the command changes, and the tutorial writes the key bound in its context.
public protocol NamedCommand: Hashable, Sendable {
    /// The command's name (lowercase words joined by `-`), or nil when narration cannot cite it.
    var actionName: String? { get }
}

extension ExploreAction: NamedCommand {
    /// The action's name: `play`, `step-forward`, `stride-up`, `padding-down`, `cycle-preset`…;
    /// a view's own key (`viewKey`) is named by its binding (`KeyBinding.named`).
    public var actionName: String? {
        func upDown(_ base: String, _ delta: Int) -> String { delta < 0 ? "\(base)-down" : "\(base)-up" }
        switch self {
        case .togglePlay: return "play"
        case .stepForward: return "step-forward"
        case .stepBackward: return "step-back"
        case .firstStep: return "first-step"
        case .lastStep: return "last-step"
        case .faster: return "faster"
        case .slower: return "slower"
        case .tick, .selectOutput, .viewKey: return nil
        case .stride(let delta): return upDown("stride", delta)
        case .padding(let delta): return upDown("padding", delta)
        case .cyclePaddingMode: return "padding-mode"
        case .dilation(let delta): return upDown("dilation", delta)
        case .kernelSize(let delta): return upDown("kernel", delta)
        case .inputSize(let delta): return upDown("input", delta)
        case .cyclePreset: return "cycle-preset"
        case .newRandomInput: return "new-input"
        case .toggleFocus: return "pick-cell"
        case .moveCursor(let rows, let columns):
            if rows < 0 { return "cursor-up" }
            if rows > 0 { return "cursor-down" }
            return columns < 0 ? "cursor-left" : "cursor-right"
        case .toggleHelp: return "help"
        case .pageSteps(let pages): return pages < 0 ? "page-back" : "page-forward"
        }
    }
}

extension SandboxCommand: NamedCommand {
    /// The command's name: the program's (`quit`, `next-view`, `redraw`, `help`) or the view action's.
    public var actionName: String? {
        switch self {
        case .quit: return "quit"
        case .nextView: return "next-view"
        case .redraw: return "redraw"
        case .toggleHelp: return "help"
        case .action(let action): return action.actionName
        }
    }
}

extension KeyBinding where Command: NamedCommand {
    /// The action name of the key at `index`: the binding's own name for it, else the command's.
    public func actionName(at index: Int) -> String? { names[index] ?? commands[index].actionName }
}

extension KeyMap where Command: NamedCommand {
    /// The first key bound to the action named `name`, or nil when this context has none.
    public func key(forAction name: String) -> KeyPress? {
        for binding in bindings {
            if let index = binding.keys.indices.first(where: { binding.actionName(at: $0) == name }) {
                return binding.keys[index]
            }
        }
        return nil
    }

    /// Every action name this context binds, in help order, each once.
    public var actionNames: [String] {
        var names: [String] = []
        for binding in bindings {
            for index in binding.keys.indices {
                if let name = binding.actionName(at: index), !names.contains(name) { names.append(name) }
            }
        }
        return names
    }
}
