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
    /// extremes are known, or tracked while the random values are drawn).
    public func valuesWithSummary(rows: Int, columns: Int, seed: UInt64) -> (values: [Double], summary: ValueSummary) {
        let count = max(0, rows) * max(0, columns)
        var values: [Double] = []
        values.reserveCapacity(count)
        var extremes: [Double] = []
        switch self {
        case .random:
            var random = SeededRandom(seed: seed)
            var lowest: UInt64 = 9
            var highest: UInt64 = 0
            // `random.integer(in: 0...9)`, with the divisor a constant (a division per value is slow).
            for _ in 0..<count {
                let value = random.next() % 10
                lowest = min(lowest, value)
                highest = max(highest, value)
                values.append(Double(value))
            }
            extremes = count == 0 ? [] : [Double(lowest), Double(highest)]
        case .ramp:
            for index in 0..<count { values.append(Double(index)) }
            extremes = count == 0 ? [] : [0, Double(count - 1)]
        case .step:
            let half = (columns + 1) / 2
            for _ in 0..<max(0, rows) {
                for c in 0..<columns { values.append(c < half ? 10 : 0) }
            }
            extremes = Array(values.prefix(columns))
        case .checker:
            for r in 0..<max(0, rows) {
                for c in 0..<columns { values.append((r + c) % 2 == 0 ? 1 : 0) }
            }
            extremes = Array(values.prefix(2))
        case .poolExample:
            for r in 0..<max(0, rows) {
                let line = InputPattern.poolExampleGrid[r % 4]
                for c in 0..<columns { values.append(line[c % 4]) }
            }
            // The first four rows and columns hold every value the grid repeats.
            extremes = (0..<min(4, max(0, rows))).flatMap { r in (0..<min(4, columns)).map { values[r * columns + $0] }
            }
        }
        return (values, ValueSummary(extremes))
    }
}
