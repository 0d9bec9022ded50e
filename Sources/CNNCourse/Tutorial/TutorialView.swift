import CNNCore
import CNNSandbox

/// What the tutorial player needs of a view: its playback and its actions. The renderer's
/// `ExploreView`s are wrapped to conform; `SceneViewModel` conforms directly (for tests).
public protocol TutorialView: Sendable {
    /// Playback: the step shown.
    var player: Player { get set }
    /// Applies a key, click or clock action.
    mutating func apply(_ action: ExploreAction)
}

extension SceneViewModel: TutorialView {}

/// A key as the tutorial sees it (the terminal layer's keys, mapped by the CLI).
public enum TutorialKey: Hashable, Sendable {
    case character(Character)
    case left, right, up, down, home, end, pageUp, pageDown, enter, escape, tab, backTab, backspace
    /// Any other key (function keys, control keys…): closes overlays, does nothing else.
    case other
}
