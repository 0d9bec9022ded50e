/// Hyperparameters of a 1-D or 2-D convolution, one value per spatial axis where it matters.
public struct ConvParameters: Hashable, Sendable {
    /// Step between neighbouring windows, per axis.
    public var stride: [Int]
    /// How the input is padded.
    public var padding: PaddingSpec
    /// Gap between kernel taps, per axis.
    public var dilation: [Int]
    /// Channel groups: 1 is a standard convolution, `C_in` is depthwise.
    public var groups: Int

    /// Creates parameters; the defaults are PyTorch's (stride 1, no padding, no dilation, one group).
    public init(stride: [Int], padding: PaddingSpec, dilation: [Int], groups: Int = 1) {
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
    }

    /// PyTorch's defaults for a convolution with `spatialRank` spatial axes.
    public static func defaults(spatialRank: Int) -> ConvParameters {
        ConvParameters(
            stride: Array(repeating: 1, count: spatialRank),
            padding: .explicit(Array(repeating: 0, count: spatialRank)),
            dilation: Array(repeating: 1, count: spatialRank))
    }
}

/// Words for the spatial axes, used in messages.
enum AxisNames {
    static func join(_ values: [Int]) -> String { values.map(String.init).joined(separator: "×") }

    static func validatePositive(_ values: [Int], name: String, rank: Int, hint: String) throws(CNNError) {
        guard values.count == rank else {
            throw .invalidParameter(
                name: name, message: "gives \(values.count) values for \(rank) spatial axes; give one per axis")
        }
        if let bad = values.first(where: { $0 < 1 }) {
            throw .invalidParameter(name: name, message: "must be at least 1, got \(bad); \(hint)")
        }
    }
}
