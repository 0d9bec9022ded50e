/// A pair of whole numbers for the two spatial axes, written `AxB` (rows × columns) or, when both
/// are the same, as one number.
public struct NetworkPair: Hashable, Sendable {
    /// The value along the rows (height).
    public var rows: Int
    /// The value along the columns (width).
    public var columns: Int

    /// A pair with a value per axis.
    public init(_ rows: Int, _ columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    /// A pair with the same value on both axes.
    public init(_ both: Int) {
        self.init(both, both)
    }

    /// The value along one axis: 0 is rows, 1 is columns.
    public subscript(axis: Int) -> Int { axis == 0 ? rows : columns }

    /// As the layer language writes it: `3` or `3x1`.
    public var text: String { rows == columns ? "\(rows)" : "\(rows)x\(columns)" }

    /// Both values, `rows×columns`, e.g. `7×7`.
    public var both: String { "\(rows)×\(columns)" }

    /// As Python writes it: `(3, 1)`.
    public var python: String { "(\(rows), \(columns))" }
}
