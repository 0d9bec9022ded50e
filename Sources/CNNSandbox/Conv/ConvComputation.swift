import CNNCore

/// A convolution computed by the core, with its steps: step k is output cell k in reading
/// order, and its trace says which input cells and taps made it.
///
/// A convolution of at most `eagerWork` multiply-adds and `eagerCells` outputs is computed
/// whole when it is made (the core's forward pass). A larger one is computed as it is shown:
/// the cells a frame reads, by tiles, from the core (`LazyPlane`), so an edit costs the same
/// at 4096×4096 as at 64×64; the whole output is computed only when `output` is asked for.
public struct ConvComputation: Hashable, Sendable {
    public let layer: ConvLayer
    public let input: Tensor
    public let weight: Tensor
    public let bias: Tensor?
    /// The whole output when it was computed at once; nil when it is computed by tiles.
    private let eagerOutput: Tensor?
    /// The output plane computed by tiles (for a computation too large to compute at once).
    private let lazyPlane: LazyPlane?

    /// The most multiply-adds computed whole when the computation is made: 2^24 = 16,777,216.
    public static let eagerWork = 1 << 24
    /// The most outputs computed whole when the computation is made: 2^20 = 1,048,576.
    public static let eagerCells = 1 << 20
    /// Rows and columns of the sample a lazy output's colour scale is taken from (48×48 cells).
    public static let sampleSide = 48

    /// Runs the core: the whole forward pass for a small convolution, the checks only for a
    /// large one. `computeWhole` overrides the choice (tests compare both ways); nil decides by size.
    public init(
        layer: ConvLayer, input: Tensor, weight: Tensor, bias: Tensor?, computeWhole: Bool? = nil
    ) throws(CNNError) {
        self.layer = layer
        self.input = input
        self.weight = weight
        self.bias = bias
        try layer.checkComputeBounds()
        let cells = CheckedInt.product(layer.outputShape) ?? Int.max
        let work = CheckedInt.multiply(cells, CheckedInt.product(Array(layer.weightShape.dropFirst())) ?? Int.max)
        let small = work.map { $0 <= ConvComputation.eagerWork && cells <= ConvComputation.eagerCells } ?? false
        if computeWhole ?? small {
            eagerOutput = try layer.forward(input: input, weight: weight, bias: bias)
            lazyPlane = nil
            return
        }
        // Shapes were checked by the layer's checks above and by this cell query.
        _ = try layer.forward(input: input, weight: weight, bias: bias, rows: [0], columns: [0])
        eagerOutput = nil
        let rows = layer.spatialRank == 2 ? layer.axes[0].outputSize : 1
        let columns = layer.axes[layer.spatialRank - 1].outputSize
        let outputShape = layer.outputShape
        lazyPlane = LazyPlane(
            rows: rows, columns: columns,
            cells: { rows, columns in
                (try? layer.forward(input: input, weight: weight, bias: bias, rows: rows, columns: columns))
                    ?? [Double](repeating: .nan, count: rows.count * columns.count)
            },
            whole: {
                (try? layer.forward(input: input, weight: weight, bias: bias))?.data
                    ?? [Double](repeating: .nan, count: CheckedInt.product(outputShape) ?? 0)
            })
    }

    /// Whether the output is computed by tiles as it is shown rather than whole.
    public var isLazy: Bool { lazyPlane != nil }

    /// The full output, from the core's forward pass (for a lazy computation this computes the
    /// whole output on the first call: for checks and scenes, not for frames).
    public var output: Tensor {
        if let eagerOutput { return eagerOutput }
        let values = lazyPlane?.whole ?? []
        return (try? Tensor(shape: layer.outputShape, data: values)) ?? Tensor(shape: layer.outputShape)
    }

    /// Output rows and columns.
    public var outputRows: Int { layer.spatialRank == 2 ? layer.axes[0].outputSize : 1 }
    public var outputColumns: Int { layer.axes[layer.spatialRank - 1].outputSize }

    /// One step per output cell.
    public var stepCount: Int { outputRows * outputColumns }

    /// The output cell of a step.
    public func position(ofStep step: Int) -> (row: Int, column: Int) {
        (step / outputColumns, step % outputColumns)
    }

    /// The step that computes an output cell.
    public func step(row: Int, column: Int) -> Int {
        row * outputColumns + column
    }

    /// The output value at a cell (channel 0).
    public func value(row: Int, column: Int) -> Double { plane.value(row: row, column: column) }

    /// The output values at every (row, column) of the cross product, row by row (a picture's
    /// samples), from the core; not kept.
    public func values(rows: [Int], columns: [Int]) -> [Double] { plane.values(rows: rows, columns: columns) }

    /// How many tiles of a lazy output the core has computed (0 for a whole one).
    public var tilesComputed: Int { plane.tilesComputed }

    /// The output plane read cell by cell, whole or tiled.
    private var plane: OutputPlane { OutputPlane(eager: eagerOutput, lazy: lazyPlane, columns: outputColumns) }

    /// What made the output at a step.
    public func trace(step: Int) -> ConvTrace {
        let (row, column) = position(ofStep: step)
        return layer.trace(input: input, weight: weight, bias: bias, row: row, column: column)
    }

    /// The output's summary: exact from every value of a whole output; for a lazy one, the
    /// text width from the bound |bias| + Σ|w|·max|x| and the colour scale from a sample of
    /// `sampleSide`×`sampleSide` cells spread over the output.
    public func outputSummary(input inputSummary: ValueSummary, kernel kernelSummary: ValueSummary) -> ValueSummary {
        if let eagerOutput { return ValueSummary(eagerOutput.data) }
        let biasValue = bias?.data.first ?? 0
        let weights = weight.data.reduce(0) { $0 + abs($1) }
        let bound = abs(biasValue) + weights * inputSummary.scale
        let whole = inputSummary.allWhole && kernelSummary.allWhole && biasValue == biasValue.rounded()
        let negative = inputSummary.hasNegative || kernelSummary.hasNegative || biasValue < 0
        let sample = values(
            rows: LazyPlane.spread(outputRows, count: ConvComputation.sampleSide),
            columns: LazyPlane.spread(outputColumns, count: ConvComputation.sampleSide))
        let scale = sample.lazy.filter(\.isFinite).map(abs).max() ?? 0
        // Values that are not whole may be NaN or infinite ("-inf"), which no finite bound covers.
        let width = max(
            ValueSummary.widthBound(magnitude: bound, allWhole: whole, negative: negative),
            whole ? 1 : 4 + (negative ? 1 : 0))
        return ValueSummary(estimatedScale: scale, textWidthBound: width, allWhole: whole, hasNegative: negative)
    }

    public static func == (left: ConvComputation, right: ConvComputation) -> Bool {
        left.layer == right.layer && left.input == right.input && left.weight == right.weight
            && left.bias == right.bias
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(layer)
        hasher.combine(input.shape)
        hasher.combine(weight)
        hasher.combine(bias)
    }
}
