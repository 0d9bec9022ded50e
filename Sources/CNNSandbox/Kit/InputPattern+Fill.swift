extension InputPattern {
    /// Writes the `rows × columns` values of the pattern (row-major) into `buffer`, which holds
    /// exactly that many, each written once; returns values that include the grid's smallest
    /// and largest (for its summary).
    func fill(_ buffer: UnsafeMutableBufferPointer<Double>, rows: Int, columns: Int, seed: UInt64) -> [Double] {
        guard let base = buffer.baseAddress, buffer.count == rows * columns, buffer.count > 0 else { return [] }
        PageFaults.prefault(buffer)
        let count = buffer.count
        switch self {
        case .random:
            return InputPattern.fillRandom(base, count: count, seed: seed)
        case .ramp:
            for index in 0..<count { base[index] = Double(index) }
            return [0, Double(count - 1)]
        case .step:
            let half = (columns + 1) / 2
            for row in 0..<rows {
                let line = base + row * columns
                for column in 0..<columns { line[column] = column < half ? 10 : 0 }
            }
            return Array(buffer.prefix(columns))
        case .checker:
            for row in 0..<rows {
                let line = base + row * columns
                for column in 0..<columns { line[column] = (row + column) % 2 == 0 ? 1 : 0 }
            }
            return Array(buffer.prefix(2))
        case .poolExample:
            for row in 0..<rows {
                let pattern = InputPattern.poolExampleGrid[row % 4]
                let line = base + row * columns
                for column in 0..<columns { line[column] = pattern[column % 4] }
            }
            // The first four rows and columns hold every value the grid repeats.
            return (0..<min(4, rows)).flatMap { row in (0..<min(4, columns)).map { base[row * columns + $0] } }
        }
    }

    /// Whole numbers 0…9 drawn from `SeededRandom(seed:)` in reading order
    /// (`random.integer(in: 0...9)`, with the divisor a constant: a division per value is slow).
    /// The extremes are tracked only until 0 and 9 have both been drawn, which no grid exceeds.
    private static func fillRandom(_ base: UnsafeMutablePointer<Double>, count: Int, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        var lowest: UInt64 = 9
        var highest: UInt64 = 0
        var index = 0
        while index < count && (lowest > 0 || highest < 9) {
            let value = random.next() % 10
            lowest = min(lowest, value)
            highest = max(highest, value)
            base[index] = Double(value)
            index += 1
        }
        while index < count {
            base[index] = Double(random.next() % 10)
            index += 1
        }
        return [Double(lowest), Double(highest)]
    }
}
