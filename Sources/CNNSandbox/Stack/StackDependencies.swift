import CNNCore

/// What one chosen cell of a stack depends on, level by level, as the core reports it: the
/// exact dependency mask of every level below it (holes where dilation or a large stride
/// skips cells) and the box each level's span covers (which may reach into padding).
public struct StackDependencies: Hashable, Sendable {
    /// A level's share of the dependencies.
    public struct Level: Hashable, Sendable {
        /// `mask[row][column]`: whether the chosen cell depends on this cell.
        public let mask: [[Bool]]
        /// The rows and columns the chosen cell's window spans at this level, padding included
        /// (from the receptive-field recurrences of the layers in between).
        public let spanRows: ClosedRange<Int>
        public let spanColumns: ClosedRange<Int>
        /// How many cells the mask marks.
        public let count: Int
        /// The smallest box holding every marked cell (nil when none is marked).
        public let boxRows: ClosedRange<Int>?
        public let boxColumns: ClosedRange<Int>?

        /// Whether the chosen cell depends on a cell (false outside the grid).
        public func contains(row: Int, column: Int) -> Bool {
            row >= 0 && row < mask.count && column >= 0 && column < (mask.first?.count ?? 0) && mask[row][column]
        }

        /// Whether a position (possibly in the padding) lies in the span's box.
        public func spans(row: Int, column: Int) -> Bool {
            spanRows.contains(row) && spanColumns.contains(column)
        }
    }

    /// The chosen level and cell.
    public let level: Int
    public let row: Int
    public let column: Int
    /// Index `l` for level `l`, from the input (0) up to and including the chosen level.
    public let levels: [Level]

    /// Asks the core for the masks and spans of cell (`row`, `column`) of `level`.
    public init(stack: LayerStack, level: Int, row: Int, column: Int) throws(CNNError) {
        let masks = try stack.dependencyMasks(level: level, row: row, column: column)
        var levels: [Level] = []
        levels.reserveCapacity(masks.count)
        for (below, mask) in masks.enumerated() {
            try CancellationFlag.checkCurrent()
            let span: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)
            if below == level {
                span = (row...row, column...column)
            } else {
                // The layers between this level and the chosen one, run on this level's grid.
                let part = try LayerStack(
                    layers: Array(stack.layers[below..<level]), inputSize: stack.sizes[below],
                    inputChannels: stack.channels[below])
                span = try part.span(level: level - below, row: row, column: column)
            }
            levels.append(try StackDependencies.summarize(mask, span: span))
        }
        self.level = level
        self.row = row
        self.column = column
        self.levels = levels
    }

    /// Counts a mask's cells and finds its box.
    static func summarize(
        _ mask: [[Bool]], span: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)
    ) throws(CNNError) -> Level {
        var count = 0
        var top = Int.max
        var bottom = Int.min
        var left = Int.max
        var right = Int.min
        for (r, line) in mask.enumerated() {
            if r % 64 == 0 { try CancellationFlag.checkCurrent() }
            for (c, marked) in line.enumerated() where marked {
                count += 1
                top = min(top, r)
                bottom = max(bottom, r)
                left = min(left, c)
                right = max(right, c)
            }
        }
        return Level(
            mask: mask, spanRows: span.rows, spanColumns: span.columns, count: count,
            boxRows: count > 0 ? top...bottom : nil, boxColumns: count > 0 ? left...right : nil)
    }
}
