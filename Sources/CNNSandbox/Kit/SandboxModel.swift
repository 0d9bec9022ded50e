import CNNCore

/// One view of the sandbox, declared once: its name, the settings it reads, its own keys, how it is
/// built from a configuration, how it takes actions, and what it exposes to scene checks. The
/// command line, the tutorial and the scene checker drive every view through this protocol; the
/// renderer pairs each model with its `ViewRenderer`.
public protocol SandboxModel: Sendable {
    /// The view's name, title and one-line summary.
    static var kind: ViewKind { get }
    /// The settings (flags and scene `setup:` fields) this view reads; the others are refused.
    static var settings: [SettingName] { get }
    /// The view's keys: the sandbox's shared keys with the view's own (`SandboxKeys.with`).
    static var keyMap: KeyMap<SandboxCommand> { get }
    /// How explicit `values:`/`weights:` are laid out for this view.
    static var valueLayout: ValueLayout { get }

    /// Builds the view from a configuration; refuses what the core refuses (before a screen opens).
    init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError)

    /// Playback: the step shown, playing or paused, speed.
    var player: Player { get set }
    /// Whether the key overlay is shown.
    var showHelp: Bool { get set }
    /// Applies a key, click or clock action; a view ignores actions that do not concern it.
    mutating func apply(_ action: ExploreAction)
    /// Applies a click on a drawn cell. The default selects output cells.
    mutating func click(_ target: HitTarget)
    /// The refusal shown in place after an edit the core refuses, or nil.
    var errorMessage: String? { get }

    /// What the view computes, for scene `expect:` (nil when the core refused the setup).
    var mainOutput: ViewOutput? { get }
    /// The value computed at a step (0-based), when each step computes one output value.
    func stepValue(_ step: Int) -> Double?
    /// Why `stepValue` has no answer for this view, for messages; nil when it has one.
    var stepValueRefusal: String? { get }
    /// Rows and columns of the grid whose cells a click or a scene's `select:` picks.
    var selectableGrid: (rows: Int, columns: Int)? { get }
}

extension SandboxModel {
    /// Clicks on output cells select them; other targets are ignored.
    public mutating func click(_ target: HitTarget) {
        if case .outputCell(let row, let column) = target { apply(.selectOutput(row: row, column: column)) }
    }

    /// Every step computes one value unless a view says otherwise.
    public var stepValueRefusal: String? { nil }

    /// The main output's plane.
    public var selectableGrid: (rows: Int, columns: Int)? {
        guard let output = mainOutput, output.shape.count >= 2 else { return nil }
        return (output.shape[output.shape.count - 2], output.shape[output.shape.count - 1])
    }

    /// Whether the main output holds values (false for views that show only sizes).
    public var outputHasValues: Bool { Self.valueLayout != .none }
}

/// How a view takes explicit input values and kernel weights (scene `values:`/`weights:`,
/// `--values`/`--weights`).
public enum ValueLayout: Hashable, Sendable {
    /// The view shows sizes, not values.
    case none
    /// One grid of rows; no kernel weights (pooling).
    case gridWithoutWeights
    /// One grid of rows and one kernel.
    case grid
    /// Several channels of rows, several kernels of slices.
    case channels
    /// A flat signal and a flat kernel.
    case signal
}
