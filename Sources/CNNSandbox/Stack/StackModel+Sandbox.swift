import CNNCore

extension StackModel: SandboxModel {
    public static let kind = ViewKind(
        name: "stack", title: "receptive field stack", summary: "receptive fields grow through a stack of layers")
    public static let settings: [SettingName] = [.input, .image, .imageRange, .layers]
    public static let keyMap = KeyMap<SandboxCommand>([
        KeyBinding([.character(" ")], all: .action(.togglePlay), help: "play / pause the growth", hint: "space play"),
        SandboxKeys.shared.bindings[1].described("light one level more / less"),
        SandboxKeys.shared.bindings[2].described("only the chosen cell / everything it reads"),
        SandboxKeys.shared.bindings[3],
        SandboxKeys.shared.bindings[12].described("move the chosen cell (or click any cell)").hinted("Tab cells"),
        KeyBinding(
            [.character(levelDown), .character(levelUp)], [.action(.viewKey(levelDown)), .action(.viewKey(levelUp))],
            help: "chosen cell one level down / up", hint: "[ ] level"
        ).named(["level-down", "level-up"]),
        SandboxKeys.shared.bindings[9],
        KeyBinding("v", [.nextView], help: "next view"),
        KeyBinding("?", [.toggleHelp], help: "this help", hint: "? keys"),
        KeyBinding([.character("q"), .escape], all: .quit, label: "q Esc", help: "quit"),
    ])
    public static let valueLayout = ValueLayout.none

    /// Builds the view from `--layers` (default `conv3,conv3,conv3`) and `--input` (default: the
    /// smallest side from 9 on which the stack fits); refuses what the core refuses.
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        self.init(setup: try StackSetup(configuration: configuration), playing: playing, speed: speed)
        if case .failure(let error) = result { throw error }
        if case .failure(let error) = dependencies { throw error }
    }

    /// A click on any level's cell chooses it; a click on an output cell chooses it in the current level.
    public mutating func click(_ target: HitTarget) {
        switch target {
        case .stackCell(let level, let row, let column): select(level: level, row: row, column: column)
        case .outputCell(let row, let column): apply(.selectOutput(row: row, column: column))
        }
    }

    /// The last level's shape `[C, H, W]` (the view shows sizes, not values).
    public var mainOutput: ViewOutput? {
        guard let stack, let shape = try? stack.shape(level: stack.depth) else { return nil }
        return ViewOutput(shape: shape)
    }

    public func stepValue(_ step: Int) -> Double? { nil }

    public var stepValueRefusal: String? { "the stack view's steps light up levels, they compute no value" }

    public var selectableGrid: (rows: Int, columns: Int)? {
        guard let stack else { return nil }
        let size = stack.sizes[stack.depth]
        return (size[0], size[1])
    }
}
