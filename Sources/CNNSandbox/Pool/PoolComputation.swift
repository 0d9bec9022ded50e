import CNNCore

/// A pooling computed by the core, in one of the view's modes, with its steps: in window and
/// global mode step k is output cell k in reading order (its `PoolTrace` says which cells made
/// it); in k-max mode step k is the k-th kept value.
///
/// A window pooling of more than `eagerReads` window reads or `eagerCells` outputs is computed
/// as it is shown: the cells a frame reads, by tiles, from the core (`LazyPlane`); the whole
/// output only when `output` is asked for.
public struct PoolComputation: Hashable, Sendable {
    /// Window, global or k-max.
    public let mode: PoolMode
    /// The input pooled.
    public let input: Tensor
    /// The layer (window mode, or the whole-plane window of global mode); nil for k-max.
    public let layer: PoolLayer?
    /// The whole output when it was computed at once; nil when it is computed by tiles.
    private let eagerOutput: Tensor?
    /// Max and k-max: the flat `h·W + w` of each output's input cell (PyTorch's indices); nil
    /// for a lazy window pooling (its traces name each winner).
    public let indices: Tensor?
    /// The output plane computed by tiles (a window pooling too large to compute at once).
    private let lazyPlane: LazyPlane?

    /// The most window reads computed whole when the pooling is made: 2^24 = 16,777,216.
    public static let eagerReads = 1 << 24
    /// The most outputs computed whole when the pooling is made: 2^20 = 1,048,576.
    public static let eagerCells = 1 << 20
    /// Rows and columns of the sample a lazy output's colour scale is taken from.
    public static let sampleSide = 48

    /// Window mode: runs the layer's forward pass (for a small pooling), or its checks and
    /// computes cells as they are shown (for a large one). `computeWhole` overrides the choice
    /// (tests compare both ways); nil decides by size.
    public init(window layer: PoolLayer, input: Tensor, computeWhole: Bool? = nil) throws(CNNError) {
        self.mode = .window
        self.input = input
        self.layer = layer
        let shape = layer.outputShape
        try PoolComputation.checkBounds(layer)
        let cells = CheckedInt.product(shape) ?? Int.max
        let reads = CheckedInt.multiply(cells, CheckedInt.product(layer.parameters.kernel) ?? Int.max)
        let small = reads.map { $0 <= PoolComputation.eagerReads && cells <= PoolComputation.eagerCells } ?? false
        if computeWhole ?? small {
            let result = try layer.forward(input)
            eagerOutput = result.output
            indices = result.indices
            lazyPlane = nil
            return
        }
        _ = try layer.forward(input, rows: [0], columns: [0])
        eagerOutput = nil
        indices = nil
        lazyPlane = LazyPlane(
            rows: layer.axes[0].outputSize, columns: layer.axes[1].outputSize,
            cells: { rows, columns in
                (try? layer.forward(input, rows: rows, columns: columns))?.output.data
                    ?? [Double](repeating: .nan, count: rows.count * columns.count)
            },
            whole: {
                (try? layer.forward(input))?.output.data
                    ?? [Double](repeating: .nan, count: CheckedInt.product(shape) ?? 0)
            })
    }

    /// Refuses a window pooling whose output or window reads exceed the core's bounds (the
    /// checks of its whole forward pass), before any input is made.
    public static func checkBounds(_ layer: PoolLayer) throws(CNNError) {
        _ = try CoreLimits.elementCount(layer.outputShape, of: "output")
        try CoreLimits.checkWork(layer.outputShape + layer.parameters.kernel, of: "pooling")
    }

    /// Global mode: `globalPool` for the value; its whole-plane layer for the trace.
    public init(global kind: PoolKind, input: Tensor) throws(CNNError) {
        let layer = try PoolLayer.global(kind, inputShape: input.shape)
        self.mode = .global
        self.input = input
        self.layer = layer
        self.eagerOutput = try globalPool(kind, input)
        self.indices = kind == .max ? try layer.forward(input).indices : nil
        self.lazyPlane = nil
    }

    /// k-max mode: `kMaxPoolWithIndices`.
    public init(kMax k: Int, input: Tensor) throws(CNNError) {
        let result = try kMaxPoolWithIndices(input, k: k)
        self.mode = .kMax
        self.input = input
        self.layer = nil
        self.eagerOutput = result.output
        self.indices = result.indices
        self.lazyPlane = nil
    }

    /// Whether the output is computed by tiles as it is shown rather than whole.
    public var isLazy: Bool { lazyPlane != nil }

    /// The output: `1×1×H_out×W_out` (window), `1×1×1×1` (global), `1×1×k` (k-max). For a lazy
    /// pooling this computes the whole output on the first call (for checks, not frames).
    public var output: Tensor {
        if let eagerOutput { return eagerOutput }
        let shape = layer?.outputShape ?? [1, 1, 0, 0]
        return (try? Tensor(shape: shape, data: lazyPlane?.whole ?? [])) ?? Tensor(shape: shape)
    }

    /// Max or average (nil in k-max mode).
    public var kind: PoolKind? { layer?.kind }

    /// Input rows and columns.
    public var inputRows: Int { input.shape[2] }
    public var inputColumns: Int { input.shape[3] }

    /// Output rows and columns (k-max: one row of k).
    public var outputRows: Int {
        if let lazyPlane { return lazyPlane.rows }
        return eagerOutput.map { $0.rank == 4 ? $0.shape[2] : 1 } ?? 0
    }
    public var outputColumns: Int {
        if let lazyPlane { return lazyPlane.columns }
        return eagerOutput.map { $0.shape[$0.rank - 1] } ?? 0
    }

    /// One step per output value.
    public var stepCount: Int { outputRows * outputColumns }

    /// The output cell of a step.
    public func position(ofStep step: Int) -> (row: Int, column: Int) {
        (step / outputColumns, step % outputColumns)
    }

    /// The step that computes an output cell.
    public func step(row: Int, column: Int) -> Int {
        row * outputColumns + column
    }

    /// The output value at a cell.
    public func value(row: Int, column: Int) -> Double { plane.value(row: row, column: column) }

    /// The output values at every (row, column) of the cross product, row by row (a picture's
    /// samples), from the core; not kept.
    public func values(rows: [Int], columns: [Int]) -> [Double] { plane.values(rows: rows, columns: columns) }

    /// How many tiles of a lazy output the core has computed (0 for a whole one).
    public var tilesComputed: Int { plane.tilesComputed }

    /// The output plane read cell by cell, whole or tiled.
    private var plane: OutputPlane { OutputPlane(eager: eagerOutput, lazy: lazyPlane, columns: outputColumns) }

    /// The output's summary: exact from every value of a whole output; for a lazy one (whose
    /// values are input values, a max, or averages of them), the input's width bound (at most
    /// the widest input's, or an average's two decimals) and a sample's largest magnitude.
    public func outputSummary(input inputSummary: ValueSummary) -> ValueSummary {
        guard isLazy else { return ValueSummary(eagerOutput?.data ?? []) }
        let averaging = kind == .average
        let whole = inputSummary.allWhole && !averaging
        let width = max(
            inputSummary.textWidth,
            ValueSummary.widthBound(magnitude: inputSummary.scale, allWhole: whole, negative: inputSummary.hasNegative),
            whole ? 1 : 4 + (inputSummary.hasNegative ? 1 : 0))
        let sample = values(
            rows: LazyPlane.spread(outputRows, count: PoolComputation.sampleSide),
            columns: LazyPlane.spread(outputColumns, count: PoolComputation.sampleSide))
        let scale = sample.lazy.filter(\.isFinite).map(abs).max() ?? 0
        return ValueSummary(
            estimatedScale: scale, textWidthBound: width, allWhole: whole, hasNegative: inputSummary.hasNegative)
    }

    public static func == (left: PoolComputation, right: PoolComputation) -> Bool {
        left.mode == right.mode && left.layer == right.layer && left.input == right.input
            && left.eagerOutput == right.eagerOutput && left.indices == right.indices
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(mode)
        hasher.combine(layer)
        hasher.combine(input.shape)
        hasher.combine(indices)
    }

    /// The largest plane global mode traces cell by cell (64×64, the largest input the keys
    /// offer); larger planes show only the result, so a frame's cost stays bounded.
    public static let largestTracedPlane = 4096

    /// Window and global mode: what made the output of a step (nil in k-max mode, and in
    /// global mode for planes larger than `largestTracedPlane`).
    public func trace(step: Int) -> PoolTrace? {
        guard let layer else { return nil }
        if mode == .global && inputRows * inputColumns > PoolComputation.largestTracedPlane { return nil }
        let (row, column) = position(ofStep: step)
        return layer.trace(input, row: row, column: column)
    }

    /// k-max mode: the input cell (row, column) kept at each output slot, in output order.
    public var keptCells: [(row: Int, column: Int)] {
        guard mode == .kMax, let indices else { return [] }
        return indices.data.map { flat in
            let index = Int(flat)
            return (index / inputColumns, index % inputColumns)
        }
    }
}
