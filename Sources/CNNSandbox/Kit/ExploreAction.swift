/// What a key, a click or the clock asks a view to do. The CLI maps keys to actions; the
/// views' models apply them. Views ignore actions that do not concern them.
public enum ExploreAction: Hashable, Sendable {
    case togglePlay
    case stepForward
    case stepBackward
    case firstStep
    case lastStep
    /// PgUp / PgDn: a page of steps back (negative) or forward (`Player.pageLength` each).
    case pageSteps(Int)
    case faster
    case slower
    /// The clock: advance one step if playing.
    case tick
    case stride(Int)
    case padding(Int)
    /// Cycle the padding mode: numbers → valid → same → full → numbers.
    case cyclePaddingMode
    case dilation(Int)
    case kernelSize(Int)
    case inputSize(Int)
    case cyclePreset
    case newRandomInput
    /// Tab: move the focus between the timeline and the output map.
    case toggleFocus
    /// Arrow keys while the output map has the focus.
    case moveCursor(rows: Int, columns: Int)
    /// A click on an output cell.
    case selectOutput(row: Int, column: Int)
    case toggleHelp
    /// A view-specific key (e.g. the pooling kind), passed through.
    case viewKey(Character)
}
