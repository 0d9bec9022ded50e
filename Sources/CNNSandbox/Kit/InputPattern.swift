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

    /// The values (row-major) of a `rows × columns` grid.
    public func values(rows: Int, columns: Int, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        return (0..<(rows * columns)).map { index in
            let r = index / columns
            let c = index % columns
            switch self {
            case .random: return Double(random.integer(in: 0...9))
            case .ramp: return Double(index)
            case .step: return c < (columns + 1) / 2 ? 10 : 0
            case .checker: return (r + c) % 2 == 0 ? 1 : 0
            case .poolExample: return InputPattern.poolExampleGrid[r % 4][c % 4]
            }
        }
    }
}
