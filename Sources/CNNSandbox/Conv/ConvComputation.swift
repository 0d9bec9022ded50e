import CNNCore

/// A convolution computed by the core, with its steps: step k is output cell k in reading
/// order, and its trace says which input cells and taps made it.
public struct ConvComputation: Hashable, Sendable {
    public let layer: ConvLayer
    public let input: Tensor
    public let weight: Tensor
    public let bias: Tensor?
    /// The full output, from the core's forward pass.
    public let output: Tensor

    /// Runs the core.
    public init(layer: ConvLayer, input: Tensor, weight: Tensor, bias: Tensor?) throws(CNNError) {
        self.layer = layer
        self.input = input
        self.weight = weight
        self.bias = bias
        self.output = try layer.forward(input: input, weight: weight, bias: bias)
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
    public func value(row: Int, column: Int) -> Double {
        output.data[row * outputColumns + column]
    }

    /// What made the output at a step.
    public func trace(step: Int) -> ConvTrace {
        let (row, column) = position(ofStep: step)
        return layer.trace(input: input, weight: weight, bias: bias, row: row, column: column)
    }
}
