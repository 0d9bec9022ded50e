/// The sliding-window geometry of a convolution or pooling layer, per axis.
public struct NetworkWindow: Hashable, Sendable {
    /// Taps of the kernel or window.
    public var kernel: NetworkPair
    /// Cells the window moves between neighbouring outputs.
    public var stride: NetworkPair
    /// Cells added on each side (zeros, or −∞ for max pooling).
    public var padding: NetworkPair
    /// Gap between taps: 1 is contiguous.
    public var dilation: NetworkPair

    /// Creates a window geometry.
    public init(kernel: NetworkPair, stride: NetworkPair, padding: NetworkPair, dilation: NetworkPair) {
        self.kernel = kernel
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
    }

    /// The span of the dilated kernel along one axis: `d·(k−1)+1`.
    public func span(_ axis: Int) -> Int { dilation[axis] * (kernel[axis] - 1) + 1 }
}

/// How a convolution groups its channels.
public enum NetworkGroups: Hashable, Sendable {
    /// `g<G>`: G groups (1 is an ordinary convolution).
    case count(Int)
    /// `dw`: depthwise, one group per input channel.
    case depthwise
}

/// A convolution (`nn.Conv2d`) or transposed convolution (`nn.ConvTranspose2d`).
public struct NetworkConv: Hashable, Sendable {
    /// Kernel, stride, padding, dilation.
    public var window: NetworkWindow
    /// Transposed only: extra rows and columns added to one side of the output.
    public var outputPadding: NetworkPair
    /// Output channels; nil keeps the input's channel count.
    public var channels: Int?
    /// Channel groups.
    public var groups: NetworkGroups
    /// Whether there is a bias per output channel.
    public var bias: Bool
    /// Whether this is a transposed convolution.
    public var transposed: Bool

    /// Creates a convolution.
    public init(
        window: NetworkWindow, outputPadding: NetworkPair = NetworkPair(0), channels: Int? = nil,
        groups: NetworkGroups = .count(1), bias: Bool = true, transposed: Bool = false
    ) {
        self.window = window
        self.outputPadding = outputPadding
        self.channels = channels
        self.groups = groups
        self.bias = bias
        self.transposed = transposed
    }
}

/// A max or average pooling layer (`nn.MaxPool2d`, `nn.AvgPool2d`).
public struct NetworkPool: Hashable, Sendable {
    /// Whether it takes the maximum (else the mean).
    public var isMax: Bool
    /// Window, stride, padding, dilation (always 1 for average pooling).
    public var window: NetworkWindow
    /// Whether the output size rounds up (`ceil_mode`).
    public var ceilMode: Bool
    /// Average only: whether padding cells count in the divisor (`count_include_pad`).
    public var countIncludePad: Bool

    /// Creates a pooling layer.
    public init(isMax: Bool, window: NetworkWindow, ceilMode: Bool = false, countIncludePad: Bool = true) {
        self.isMax = isMax
        self.window = window
        self.ceilMode = ceilMode
        self.countIncludePad = countIncludePad
    }
}

/// A layer that keeps its input's shape and has no parameters.
public enum NetworkElementwise: String, Hashable, Sendable, CaseIterable {
    /// `relu`.
    case relu
    /// `sigmoid`.
    case sigmoid
    /// `tanh`.
    case tanh
    /// `dropout` (the identity at evaluation).
    case dropout
}

/// One layer of the network language.
public enum NetworkLayer: Hashable, Sendable {
    /// `conv…` or `convt…`.
    case conv(NetworkConv)
    /// `maxpool…`, `pool…` or `avgpool…`.
    case pool(NetworkPool)
    /// `gap` (average) or `gmp` (maximum): C×H×W → C×1×1.
    case globalPool(isMax: Bool)
    /// `relu`, `sigmoid`, `tanh`, `dropout`.
    case elementwise(NetworkElementwise)
    /// `bn`: batch norm, a weight and a bias per channel.
    case batchNorm
    /// `up<F>`: nearest upsampling by F rows × F columns.
    case upsample(NetworkPair)
    /// `flatten`: C×H×W → C·H·W.
    case flatten
    /// `fc<N>`: fully connected, N outputs.
    case fullyConnected(outputs: Int, bias: Bool)
    /// `res(BODY)` or `res(BODY | SHORTCUT)`: BODY's output plus the shortcut's (the input when empty).
    case residual(body: [NetworkNode], shortcut: [NetworkNode])
}

/// A layer as written in the string: the layer, its text (trimmed) and the 1-based column where it starts.
public struct NetworkNode: Hashable, Sendable {
    /// What the layer does.
    public var layer: NetworkLayer
    /// The layer as written, e.g. `conv3s2p1c16` or `res(conv3p1,bn | conv1s2c8)`.
    public var text: String
    /// 1-based character column of its first character in the whole string.
    public var column: Int

    /// Creates a node.
    public init(layer: NetworkLayer, text: String, column: Int) {
        self.layer = layer
        self.text = text
        self.column = column
    }
}
