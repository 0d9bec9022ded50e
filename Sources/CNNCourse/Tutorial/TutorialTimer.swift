import CNNSandbox

/// What the tutorial's clock is waiting for.
public enum TutorialTimer: Hashable, Sendable {
    /// The next step of a `play` beat.
    case animationStep
    /// The end of a beat's hold while autoplaying: then the next beat.
    case hold
    /// The view plays on its own (its play key, space): its next step.
    case viewTick
    /// The window for a second digit (scenes 10 and up) closes.
    case digitWindow
}
