/// One term of a backward-pass sum: an upstream gradient `dL/dY` at one output cell times
/// what that output cell was multiplied by there (an input value for `dL/dK`, a weight for `dL/dX`).
public struct GradientTerm: Hashable, Sendable {
    /// The output cell whose gradient is used: row (0 for 1-D), column, channel and batch.
    public let outputRow: Int
    public let outputColumn: Int
    public let outputChannel: Int
    public let batch: Int
    /// The kernel tap that connects the output cell to the input cell.
    public let tapRow: Int
    public let tapColumn: Int
    /// `dL/dY` at the output cell.
    public let gradient: Double
    /// The other factor: the input value (for `dL/dK`, 0 in the padding) or the weight (for `dL/dX`).
    public let factor: Double
    /// The input cell involved (absolute channel; row 0 for 1-D). For `dL/dK` it is the cell the
    /// tap read; for `dL/dX` it is the queried cell itself.
    public let inputChannel: Int
    public let inputRow: Int
    public let inputColumn: Int
    /// Whether the tap read the padding (only in `dL/dK` traces): the term contributes exactly 0.
    public let isPadding: Bool

    /// Creates a term.
    public init(
        outputRow: Int, outputColumn: Int, outputChannel: Int, batch: Int, tapRow: Int, tapColumn: Int,
        gradient: Double, factor: Double, inputChannel: Int, inputRow: Int, inputColumn: Int, isPadding: Bool
    ) {
        self.outputRow = outputRow
        self.outputColumn = outputColumn
        self.outputChannel = outputChannel
        self.batch = batch
        self.tapRow = tapRow
        self.tapColumn = tapColumn
        self.gradient = gradient
        self.factor = factor
        self.inputChannel = inputChannel
        self.inputRow = inputRow
        self.inputColumn = inputColumn
        self.isPadding = isPadding
    }

    /// `gradient × factor`.
    public var product: Double { gradient * factor }
}

/// Which gradient value a `GradientTrace` explains.
public enum GradientTarget: Hashable, Sendable {
    /// `dL/dK[outputChannel, tapChannel, tapRow, tapColumn]` (tapChannel is the slice within the group).
    case weight(outputChannel: Int, tapChannel: Int, tapRow: Int, tapColumn: Int)
    /// `dL/dX[batch, channel, row, column]`.
    case input(batch: Int, channel: Int, row: Int, column: Int)
}

/// Everything that made one gradient value: its terms in the order the backward pass sums them.
public struct GradientTrace: Hashable, Sendable {
    /// The gradient value explained.
    public let target: GradientTarget
    /// The products, in summation order (see `ConvLayer.gradientWeightTrace` and `gradientInputTrace`).
    public let terms: [GradientTerm]

    /// Creates a trace.
    public init(target: GradientTarget, terms: [GradientTerm]) {
        self.target = target
        self.terms = terms
    }

    /// The sum of the products, padding terms left out (they are exactly 0): the gradient value,
    /// bit for bit what `ConvLayer.backward` computes.
    public var value: Double {
        var sum = 0.0
        for term in terms where !term.isPadding { sum += term.product }
        return sum
    }
}
