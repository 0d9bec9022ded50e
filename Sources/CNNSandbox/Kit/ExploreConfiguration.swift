import CNNCore

/// Everything the `explore` flags can say, for any view. Each view reads what concerns it;
/// `given` records which flags the user set, so a view can pick its own defaults for the rest
/// (e.g. the pooling view's stride defaults to its window).
public struct ExploreConfiguration: Hashable, Sendable {
    /// Input size, kernel size, stride, padding, dilation, kernel preset, input fill, seed, bias.
    public var conv: ConvSetup
    /// Pooling view: max or average.
    public var poolKind: PoolKind
    /// Pooling view: PyTorch's `ceil_mode`.
    public var ceilMode: Bool
    /// Pooling view: PyTorch's `count_include_pad` (average pooling).
    public var countIncludePad: Bool
    /// Stack view: layers in the compact syntax, e.g. `conv3,conv3,pool2s2,conv3d2`.
    public var layers: String?
    /// Channels view: input channels, output channels (kernels), groups.
    public var inputChannels: Int
    public var outputChannels: Int
    public var groups: Int
    /// Transposed view: extra rows/columns added at the bottom/right of the output.
    public var outputPadding: [Int]
    /// 1-D view: pad only on the left, so an output never sees the future.
    public var causal: Bool
    /// An image file to take the input from (`--image`, a scene's `image:`); the command or course
    /// layer reads it into `conv.inputValues` (the sandbox does no I/O).
    public var imagePath: String?
    /// The image's value range: 1 (0…1, the default) or 255 (0…255).
    public var imageRange: Int
    /// Convolution view: the activation applied to the output (`none` or `relu`).
    public var activation: Activation = .none
    /// The long names of the flags the user gave (e.g. "stride", "padding").
    public var given: Set<String>

    /// Creates a configuration; defaults are the sandbox's opening picture.
    public init(
        conv: ConvSetup = ConvSetup(), poolKind: PoolKind = .max, ceilMode: Bool = false, countIncludePad: Bool = true,
        layers: String? = nil, inputChannels: Int = 2, outputChannels: Int = 2, groups: Int = 1,
        outputPadding: [Int] = [0, 0], causal: Bool = false, given: Set<String> = [],
        imagePath: String? = nil, imageRange: Int = 1
    ) {
        self.imagePath = imagePath
        self.imageRange = imageRange
        self.conv = conv
        self.poolKind = poolKind
        self.ceilMode = ceilMode
        self.countIncludePad = countIncludePad
        self.layers = layers
        self.inputChannels = inputChannels
        self.outputChannels = outputChannels
        self.groups = groups
        self.outputPadding = outputPadding
        self.causal = causal
        self.given = given
    }

    /// Whether the user gave `--name`.
    public func gave(_ name: String) -> Bool { given.contains(name) }
}
