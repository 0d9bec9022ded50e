import CNNCore

/// A transposed convolution computed by the core, seen two ways: each input cell scattering
/// a scaled kernel into the output, and the equivalent stride-1 convolution of the
/// zero-inserted, padded input with the flipped kernel. Every number comes from the core.
public struct TransposeComputation: Hashable, Sendable {
    public let layer: TransposedConvLayer
    public let input: Tensor
    public let weight: Tensor
    /// The core's `conv_transpose2d` output.
    public let output: Tensor
    /// The zero-inserted input (padding left to `equivalentLayer`), and the flipped kernel.
    public let zeroInserted: Tensor
    public let flippedKernel: Tensor
    /// The stride-1 convolution on the zero-inserted input.
    public let equivalentLayer: ConvLayer
    /// `conv2d(zeroInserted, flippedKernel)` as the core computes it.
    public let equivalentOutput: Tensor

    /// Runs the core both ways.
    public init(layer: TransposedConvLayer, input: Tensor, weight: Tensor) throws(CNNError) {
        self.layer = layer
        self.input = input
        self.weight = weight
        output = try layer.forward(input: input, weight: weight, bias: nil)
        let equivalent = try layer.zeroInsertionEquivalent(input: input, weight: weight)
        zeroInserted = equivalent.input
        flippedKernel = equivalent.weight
        equivalentLayer = try ConvLayer(
            inputShape: equivalent.input.shape, weightShape: equivalent.weight.shape, hasBias: false,
            parameters: equivalent.parameters)
        equivalentOutput = try equivalentLayer.forward(input: equivalent.input, weight: equivalent.weight, bias: nil)
    }

    /// Input, output and zero-inserted sizes.
    public var inputRows: Int { input.shape[2] }
    public var inputColumns: Int { input.shape[3] }
    public var outputRows: Int { output.shape[2] }
    public var outputColumns: Int { output.shape[3] }
    public var kernelRows: Int { weight.shape[2] }
    public var kernelColumns: Int { weight.shape[3] }
    public var zeroInsertedRows: Int { zeroInserted.shape[2] }
    public var zeroInsertedColumns: Int { zeroInserted.shape[3] }

    /// Whether the two pictures agree: the zero-insertion convolution's output equals the
    /// transposed convolution's, value for value.
    public var equivalentMatches: Bool { equivalentOutput == output }

    /// The output-size arithmetic of rows and columns, e.g. `(3−1)·2 − 2·0 + 1·(3−1) + 1 + 1 = 8`.
    public var formulas: [String] { layer.outputSizeFormulas }

    // MARK: Scatter picture (one step per input cell)

    /// The input cell of a scatter step.
    public func inputCell(ofStep step: Int) -> (row: Int, column: Int) {
        (step / inputColumns, step % inputColumns)
    }

    /// Where input cell `step` sends `value × kernel`: one term per tap, cropped ones marked.
    public func scatter(step: Int) -> [ScatterTerm] {
        let (row, column) = inputCell(ofStep: step)
        return layer.scatter(input: input, weight: weight, row: row, column: column)
    }

    /// The input with every cell after scatter step `step` set to 0: what has been scattered so far.
    public func scatteredSoFar(step: Int) -> Tensor {
        var partial = input
        for index in partial.data.indices where index > step { partial.data[index] = 0 }
        return partial
    }

    /// The running output at a cell after the input cells `0…step` have scattered: the core's
    /// gather of `scatteredSoFar(step:)` there; whether any of those cells reached it yet; and
    /// whether any input cell reaches it at all (output padding beyond the kernels stays 0).
    public func runningOutput(_ scattered: Tensor, step: Int, row: Int, column: Int) -> RunningValue {
        let trace = layer.trace(input: scattered, weight: weight, bias: nil, row: row, column: column)
        let reached = trace.terms.contains { $0.row * inputColumns + $0.column <= step }
        return RunningValue(value: trace.value, reached: reached, reachable: !trace.terms.isEmpty)
    }

    /// The full, uncropped extent of the scattered kernels, in output coordinates (rows, then
    /// columns): from the first tap of the first input cell to the last tap of the last one.
    public var scatterExtent: [Range<Int>] {
        zip(layer.axes, [inputRows, inputColumns]).map { axis, count in
            let first = axis.inputPosition(output: 0, tap: 0)
            let last = axis.inputPosition(output: count - 1, tap: axis.kernelSize - 1)
            return first..<(last + 1)
        }
    }

    /// Output rows and columns added by `output_padding` (the last ones).
    public var outputPadding: [Int] { layer.parameters.outputPadding }

    // MARK: Zero-insertion picture (one step per output cell)

    /// The output cell of a zero-insertion step.
    public func outputCell(ofStep step: Int) -> (row: Int, column: Int) {
        (step / outputColumns, step % outputColumns)
    }

    /// The stride-1 convolution's dot product for output cell `step`.
    public func zeroInsertionTrace(step: Int) -> ConvTrace {
        let (row, column) = outputCell(ofStep: step)
        return equivalentLayer.trace(input: zeroInserted, weight: flippedKernel, bias: nil, row: row, column: column)
    }

    /// Which input cell sits at a zero-inserted position, or nil for an inserted zero.
    public func source(ofZeroInsertedRow row: Int, column: Int) -> (row: Int, column: Int)? {
        layer.zeroInsertedSource(row: row, column: column)
    }

    /// The padding of the zero-inserted input (rows, columns).
    public var zeroInsertionPadding: [AxisPadding] { equivalentLayer.axes.map(\.padding) }
}

/// A running sum in an animation: its value so far, whether anything has been added yet, and
/// whether anything ever will be.
public struct RunningValue: Hashable, Sendable {
    public let value: Double
    public let reached: Bool
    public let reachable: Bool

    /// Creates a running value.
    public init(value: Double, reached: Bool, reachable: Bool) {
        self.value = value
        self.reached = reached
        self.reachable = reachable
    }
}
