import CNNCore

/// The output plane of a conv or pool computation, read cell by cell: the whole output computed
/// at once (`eager`, channel 0 first, row by row), or a lazy one the core computes by tiles.
struct OutputPlane {
    /// The whole output, when it was cheap enough to compute at once.
    let eager: Tensor?
    /// The tiled output, when it was not.
    let lazy: LazyPlane?
    /// Columns of the plane.
    let columns: Int

    /// The value at a cell (NaN when there is no output).
    func value(row: Int, column: Int) -> Double {
        if let eager { return eager.data[row * columns + column] }
        return lazy?.value(row: row, column: column) ?? .nan
    }

    /// The values at every (row, column) of the cross product, row by row; not kept.
    func values(rows: [Int], columns chosen: [Int]) -> [Double] {
        if let eager {
            return rows.flatMap { row in chosen.map { eager.data[row * columns + $0] } }
        }
        return lazy?.values(rows: rows, columns: chosen) ?? []
    }

    /// How many tiles the core has computed (0 for a whole output).
    var tilesComputed: Int { lazy?.tilesComputed ?? 0 }
}
