/// What a layer of a stack does to its input's spatial grid.
public enum LayerKind: String, Hashable, Sendable {
    /// A convolution (`nn.Conv2d`): square kernel, weights and (by default) a bias.
    case conv
    /// Max pooling (`nn.MaxPool2d`): no weights; may be dilated.
    case maxPool
    /// Average pooling (`nn.AvgPool2d`): no weights; never dilated.
    case avgPool

    /// The word used in labels and in the compact syntax: `conv`, `maxpool`, `avgpool`.
    public var word: String {
        switch self {
        case .conv: return "conv"
        case .maxPool: return "maxpool"
        case .avgPool: return "avgpool"
        }
    }

    /// Whether this is a pooling layer (no weights, keeps the channel count).
    public var isPooling: Bool { self != .conv }
}

/// One layer of a stack: a square kernel or window with the same stride, padding and
/// dilation along both spatial axes. Values are checked when a `LayerStack` is built.
public struct LayerSpec: Hashable, Sendable {
    /// Convolution, max pooling or average pooling.
    public var kind: LayerKind
    /// Taps of the kernel or window along each axis.
    public var kernel: Int
    /// Cells the window moves between neighbouring outputs.
    public var stride: Int
    /// Zeros (−∞ for max pooling) added on every side.
    public var padding: Int
    /// Gap between taps: 1 is contiguous.
    public var dilation: Int
    /// Output channels of a convolution (its number of kernels); nil keeps the input's
    /// channel count. Pools always keep the channel count.
    public var outputChannels: Int?
    /// Whether a convolution adds a bias per output channel. Always false for pools, which
    /// have no parameters.
    public var bias: Bool

    /// Creates a layer. The stride defaults to the kernel for pools (PyTorch's default) and
    /// to 1 for convolutions; `bias` is ignored (set to false) for pools.
    public init(
        kind: LayerKind, kernel: Int, stride: Int? = nil, padding: Int = 0, dilation: Int = 1,
        outputChannels: Int? = nil, bias: Bool = true
    ) {
        self.kind = kind
        self.kernel = kernel
        self.stride = stride ?? (kind.isPooling ? kernel : 1)
        self.padding = padding
        self.dilation = dilation
        self.outputChannels = outputChannels
        self.bias = kind.isPooling ? false : bias
    }

    /// A short name, e.g. `conv3`, `conv3 d2`, `conv5 s2 p2`, `maxpool2 s2`. Convolutions
    /// show the stride when it is not 1; pools always show it.
    public var label: String {
        var text = "\(kind.word)\(kernel)"
        if kind.isPooling || stride != 1 { text += " s\(stride)" }
        if padding != 0 { text += " p\(padding)" }
        if dilation != 1 { text += " d\(dilation)" }
        return text
    }
}
