/// Which summary a pooling window computes.
public enum PoolKind: String, Hashable, Sendable {
    /// The largest value in the window (`max_pool2d`); padding counts as −∞.
    case max
    /// The mean of the window (`avg_pool2d`); padding counts as 0.
    case average
}

/// Hyperparameters of a 2-D pooling window, one value per spatial axis (rows, columns),
/// with PyTorch's defaults.
public struct PoolParameters: Hashable, Sendable {
    /// Window size per axis.
    public var kernel: [Int]
    /// Step between neighbouring windows per axis; nil means the window size (PyTorch's default).
    public var stride: [Int]?
    /// Cells added before and after each axis (−∞ for max, 0 for average).
    public var padding: [Int]
    /// Gap between window taps per axis; must be all 1 for average pooling.
    public var dilation: [Int]
    /// Whether the output size rounds up, adding a partial window at the end.
    public var ceilMode: Bool
    /// Average only: whether padding cells count in the divisor (PyTorch's default is true).
    public var countIncludePad: Bool

    /// Creates parameters; padding defaults to 0 and dilation to 1 on every axis of `kernel`.
    public init(
        kernel: [Int], stride: [Int]? = nil, padding: [Int]? = nil, dilation: [Int]? = nil,
        ceilMode: Bool = false, countIncludePad: Bool = true
    ) {
        self.kernel = kernel
        self.stride = stride
        self.padding = padding ?? Array(repeating: 0, count: kernel.count)
        self.dilation = dilation ?? Array(repeating: 1, count: kernel.count)
        self.ceilMode = ceilMode
        self.countIncludePad = countIncludePad
    }

    /// The stride in use: the given one, or the window size when none was given.
    public var effectiveStride: [Int] {
        guard let stride, !stride.isEmpty else { return kernel }
        return stride
    }
}
