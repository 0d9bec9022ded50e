/// The state of one sandbox view: playback, the key overlay, and how it takes actions.
/// Every view model conforms, so hosts (the CLI, the tutorial) drive them the same way.
public protocol SandboxModel: Sendable {
    /// Playback: the step shown, playing or paused, speed.
    var player: Player { get set }
    /// Whether the key overlay is shown.
    var showHelp: Bool { get set }
    /// Applies a key, click or clock action.
    mutating func apply(_ action: ExploreAction)
}
