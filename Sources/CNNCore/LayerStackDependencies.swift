extension LayerStack {
    /// The most cells a dependency mask may have per level (16,777,216, a 4096×4096 grid).
    public static let largestMaskCells = 1 << 24

    /// The cells of every level, from the input (index 0) up to `level`, that output cell
    /// (`row`, `column`) of `level` depends on: one exact `H×W` mask per level, holding the
    /// queried cell alone at `level`. Cells are marked by walking down through each layer's
    /// window taps (`AxisGeometry.inputPosition`), skipping taps that land in padding, so
    /// dilation leaves holes and strides larger than the window leave gaps.
    public func dependencyMasks(level: Int, row: Int, column: Int) throws(CNNError) -> [[[Bool]]] {
        try checkQuery(level: level, row: row, column: column)
        for below in 0...level {
            let cells = sizes[below][0].multipliedReportingOverflow(by: sizes[below][1])
            guard !cells.overflow, cells.partialValue <= LayerStack.largestMaskCells else {
                throw .invalidQuery(
                    "level \(below) is \(sizes[below][0])×\(sizes[below][1]), more than the \(LayerStack.largestMaskCells) cells a mask may have; use span(level:row:column:) for the bounding box instead"
                )
            }
        }
        let rowSets = dependentPositions(axis: 0, level: level, position: row)
        let columnSets = dependentPositions(axis: 1, level: level, position: column)
        var masks: [[[Bool]]] = []
        masks.reserveCapacity(rowSets.count)
        let none = columnSets.map { Array(repeating: false, count: $0.count) }
        for (index, (rows, columns)) in zip(rowSets, columnSets).enumerated() {
            try CancellationFlag.checkCurrent()
            masks.append(rows.map { inRow in inRow ? columns : none[index] })
        }
        return masks
    }

    /// The input-level (level 0) mask of `dependencyMasks`: which input cells can influence
    /// output cell (`row`, `column`) of `level`.
    public func mask(level: Int, row: Int, column: Int) throws(CNNError) -> [[Bool]] {
        try dependencyMasks(level: level, row: row, column: column)[0]
    }

    /// The `r×r` box of input positions output cell (`row`, `column`) of `level` spans, from
    /// the receptive-field recurrences. It may extend into padding (below 0 or at/after the
    /// input size); the cells actually read are those of `mask`, which lies inside the box.
    public func span(level: Int, row: Int, column: Int) throws(CNNError) -> (
        rows: ClosedRange<Int>, columns: ClosedRange<Int>
    ) {
        try checkQuery(level: level, row: row, column: column)
        guard level > 0 else { return (row...row, column...column) }
        let field = receptiveFields[level - 1]
        return (field.span(output: row), field.span(output: column))
    }

    /// Along one axis, the positions of every level (0...level) that `position` of `level` depends on.
    func dependentPositions(axis: Int, level: Int, position: Int) -> [[Bool]] {
        var sets = Array(repeating: [Bool](), count: level + 1)
        var current = Array(repeating: false, count: sizes[level][axis])
        current[position] = true
        sets[level] = current
        for layer in stride(from: level, to: 0, by: -1) {
            let geometry = axes[layer - 1][axis]
            var below = Array(repeating: false, count: geometry.inputSize)
            for output in current.indices where current[output] {
                for tap in 0..<geometry.kernelSize {
                    let input = geometry.inputPosition(output: output, tap: tap)
                    if geometry.isInside(input) { below[input] = true }
                }
            }
            sets[layer - 1] = below
            current = below
        }
        return sets
    }

    /// Refuses a level that does not exist, saying which do.
    func checkLevel(_ level: Int) throws(CNNError) {
        guard (0...depth).contains(level) else {
            throw .invalidQuery(
                "level \(level) does not exist; the stack has levels 0 (the input) to \(depth)")
        }
    }

    /// Refuses a level or cell that does not exist, saying which do.
    func checkQuery(level: Int, row: Int, column: Int) throws(CNNError) {
        try checkLevel(level)
        let size = sizes[level]
        guard (0..<size[0]).contains(row), (0..<size[1]).contains(column) else {
            let name = level == 0 ? "the input" : "level \(level) (after \(layers[level - 1].label))"
            throw .invalidQuery(
                "cell (\(row), \(column)) is outside \(name), which is \(size[0])×\(size[1]); use a row in 0…\(size[0] - 1) and a column in 0…\(size[1] - 1)"
            )
        }
    }
}
