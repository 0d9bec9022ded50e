/// Hyperparameters of a transposed convolution (`torch.nn.functional.conv_transpose2d`),
/// one value per spatial axis (height then width; a single value for 1-D).
public struct TransposedConvParameters: Hashable, Sendable {
    /// How far apart neighbouring input cells land in the output.
    public var stride: [Int]
    /// Rows/columns cropped from each side of the full output (the same on both sides).
    public var padding: [Int]
    /// Extra rows/columns added at the bottom/right; must be smaller than the stride or the dilation.
    public var outputPadding: [Int]
    /// Gap between kernel taps.
    public var dilation: [Int]
    /// Channel groups: each group of input channels feeds only its own group of output channels.
    public var groups: Int

    /// Creates parameters; the defaults are PyTorch's.
    public init(
        stride: [Int] = [1, 1], padding: [Int] = [0, 0], outputPadding: [Int] = [0, 0], dilation: [Int] = [1, 1],
        groups: Int = 1
    ) {
        self.stride = stride
        self.padding = padding
        self.outputPadding = outputPadding
        self.dilation = dilation
        self.groups = groups
    }

    /// PyTorch's defaults for `spatialRank` spatial axes.
    public static func defaults(spatialRank: Int) -> TransposedConvParameters {
        let ones = Array(repeating: 1, count: spatialRank)
        let zeros = Array(repeating: 0, count: spatialRank)
        return TransposedConvParameters(stride: ones, padding: zeros, outputPadding: zeros, dilation: ones)
    }
}
