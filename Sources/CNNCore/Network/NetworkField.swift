/// The receptive field of a layer's output cells in input coordinates, per axis (rows, columns).
public struct NetworkField: Hashable, Sendable {
    /// How many input cells one output cell spans, first to last (the largest over the cells when
    /// upsampling or transposed convolution makes it differ from cell to cell).
    public var size: NetworkPair
    /// The distance in input cells between neighbouring output cells (fractional after upsampling).
    public var jump: [NetworkRatio]
    /// The centre of the first output cell's field, in input cell indices from 0 (negative: in the padding).
    public var start: [NetworkRatio]

    /// Creates a field.
    public init(size: NetworkPair, jump: [NetworkRatio], start: [NetworkRatio]) {
        self.size = size
        self.jump = jump
        self.start = start
    }
}
