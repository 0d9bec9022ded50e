/// What a click can land on.
public enum HitTarget: Hashable, Sendable {
    /// An output cell of the view's main map.
    case outputCell(row: Int, column: Int)
    /// A cell of layer `level` in a stack view (0 is the input).
    case stackCell(level: Int, row: Int, column: Int)
}
