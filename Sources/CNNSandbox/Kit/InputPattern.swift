/// How the input grid is filled.
public enum InputPattern: String, CaseIterable, Hashable, Sendable {
    /// Whole numbers 0…9 from a seed (`r` draws a new seed).
    case random
    /// 0, 1, 2, … in reading order (the lecture notes' 3×3 example).
    case ramp
    /// A vertical step: 10 on the left half, 0 on the right (the edge-detector example).
    case step
    /// A checkerboard of 1 and 0.
    case checker
    /// The lecture notes' max-pooling example [[1,1,2,4],[5,6,7,8],[3,2,1,0],[1,2,3,4]]
    /// (2×2 windows at stride 2 give 6 8 / 3 4), repeated to fill larger grids.
    case poolExample = "pool-example"

    /// The lecture notes' 4×4 max-pooling example, row by row.
    public static let poolExampleGrid: [[Double]] = [[1, 1, 2, 4], [5, 6, 7, 8], [3, 2, 1, 0], [1, 2, 3, 4]]

    /// The values (row-major) of a `rows × columns` grid (one pass per pattern, without a
    /// closure per cell: a 4096×4096 grid is made in a few milliseconds).
    public func values(rows: Int, columns: Int, seed: UInt64) -> [Double] {
        valuesWithSummary(rows: rows, columns: columns, seed: seed).values
    }

    /// The values of a `rows × columns` grid and their summary, which equals
    /// `ValueSummary(values)` but is found without a second pass over the values (a pattern's
    /// extremes are known, or tracked while the random values are drawn). The values are
    /// written once into uninitialised storage (`InputPattern+Fill.swift`): at 4096×4096 the
    /// cost is close to that of the memory itself.
    public func valuesWithSummary(rows: Int, columns: Int, seed: UInt64) -> (values: [Double], summary: ValueSummary) {
        let rows = max(0, rows)
        let columns = max(0, columns)
        let count = rows.multipliedReportingOverflow(by: columns).overflow ? 0 : rows * columns
        var extremes: [Double] = []
        let values = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            extremes = fill(buffer, rows: rows, columns: columns, seed: seed)
            initialized = count
        }
        return (values, ValueSummary(extremes))
    }
}
