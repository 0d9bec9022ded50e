/// One term of a dot product: an input cell (or a padding zero) times a kernel tap.
public struct TraceTerm: Hashable, Sendable {
    /// The input channel read (absolute, not within the group).
    public let inputChannel: Int
    /// Row in unpadded input coordinates (0 for 1-D); outside `0..<H` means padding.
    public let row: Int
    /// Column in unpadded input coordinates; outside `0..<W` means padding.
    public let column: Int
    /// Whether the tap landed in the padding (its input value is 0).
    public let isPadding: Bool
    /// The kernel tap: channel within the group, row and column of the weight.
    public let tapChannel: Int
    public let tapRow: Int
    public let tapColumn: Int
    /// The input value (0 for padding) and the weight it is multiplied by.
    public let inputValue: Double
    public let weight: Double

    /// `inputValue × weight`.
    public var product: Double { inputValue * weight }
}

/// Everything that made one output value: its terms in the order they are summed, and the bias.
public struct ConvTrace: Hashable, Sendable {
    /// Which output: batch, channel, row (0 for 1-D), column.
    public let batch: Int
    public let outputChannel: Int
    public let row: Int
    public let column: Int
    /// The bias added, or nil when the layer has none.
    public let bias: Double?
    /// The products, channel by channel, kernel row by row, column by column.
    public let terms: [TraceTerm]

    /// The sum of the products plus the bias: the output value.
    public var value: Double {
        var sum = 0.0
        for term in terms { sum += term.product }
        return sum + (bias ?? 0)
    }
}
