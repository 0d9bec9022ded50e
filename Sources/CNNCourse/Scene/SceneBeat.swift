import CNNSandbox

/// One beat of a scene's timeline. Entering a beat applies, in this order: its `keys` (view
/// keys, as in `explore`), its `do` actions (view actions by name), its `mode` and `stage` (the
/// view's named states, `ViewState`), its `select` (an output cell), its `step`, and its `play`
/// (the view jumps to the range's first step and animates to its last at `speed` steps per second).
/// Narration paragraphs accumulate up to `say`.
public struct SceneBeat: Hashable, Sendable {
    /// Show narration paragraphs 1…say (1-based), or nil to keep what is shown.
    public var say: Int?
    /// Jump the view to this step (1-based).
    public var step: Int?
    /// Animate from the first to the last step of this range (1-based, inclusive).
    public var play: ClosedRange<Int>?
    /// Steps per second while playing (default 1).
    public var speed: Double
    /// Seconds before the next beat when autoplaying; nil takes the player's default.
    public var hold: Double?
    /// View keys sent in order (e.g. "t" switches the transpose view's picture).
    public var keys: String
    /// View actions by name (`do: [gradient]`), applied after `keys`: the mode or picture the
    /// beat needs, named as narration names them.
    public var actions: [ExploreAction]
    /// The view's modes the beat needs, by name (`mode: im2col`, `mode: [picture, relu]`).
    public var modes: [String]
    /// The view's stage the beat needs, by name (`stage: dL/dX`), or nil to keep it.
    public var stage: String?
    /// An output cell (row, column; 0-based) to select, so its inputs light up.
    public var select: (row: Int, column: Int)?

    /// The default seconds a beat holds when autoplaying.
    public static let defaultHold = 4.0
    /// The default animation speed, steps per second.
    public static let defaultSpeed = 1.0

    /// Creates a beat.
    public init(
        say: Int? = nil, step: Int? = nil, play: ClosedRange<Int>? = nil, speed: Double = SceneBeat.defaultSpeed,
        hold: Double? = nil, keys: String = "", actions: [ExploreAction] = [], modes: [String] = [],
        stage: String? = nil, select: (row: Int, column: Int)? = nil
    ) {
        self.say = say
        self.step = step
        self.play = play
        self.speed = speed
        self.hold = hold
        self.keys = keys
        self.actions = actions
        self.modes = modes
        self.stage = stage
        self.select = select
    }

    public static func == (a: SceneBeat, b: SceneBeat) -> Bool {
        a.say == b.say && a.step == b.step && a.play == b.play && a.speed == b.speed && a.hold == b.hold
            && a.keys == b.keys && a.actions == b.actions && a.modes == b.modes && a.stage == b.stage
            && a.select?.row == b.select?.row
            && a.select?.column == b.select?.column
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(say)
        hasher.combine(step)
        hasher.combine(play)
        hasher.combine(speed)
        hasher.combine(hold)
        hasher.combine(keys)
        hasher.combine(actions)
        hasher.combine(modes)
        hasher.combine(stage)
        hasher.combine(select?.row)
        hasher.combine(select?.column)
    }
}
