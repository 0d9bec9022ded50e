/// A validated 1-D or 2-D convolution (PyTorch's cross-correlation): the shapes, the
/// geometry of each axis, and the operations that use them.
///
/// Creating one checks everything PyTorch checks, so the forward pass, backward pass and
/// traces that follow cannot fail.
public struct ConvLayer: Hashable, Sendable {
    /// 1 for conv1d (`N×C×L`), 2 for conv2d (`N×C×H×W`).
    public let spatialRank: Int
    /// The input shape, including batch and channels.
    public let inputShape: [Int]
    /// The weight shape: `Cout × Cin/groups × k…`.
    public let weightShape: [Int]
    /// Whether a bias of `Cout` values is added.
    public let hasBias: Bool
    /// The hyperparameters as given.
    public let parameters: ConvParameters
    /// The geometry of each spatial axis (one for 1-D, height then width for 2-D).
    public let axes: [AxisGeometry]

    /// Validates shapes and hyperparameters the way PyTorch does, with messages that say what would work.
    public init(inputShape: [Int], weightShape: [Int], hasBias: Bool, parameters: ConvParameters) throws(CNNError) {
        let rank = inputShape.count - 2
        guard rank == 1 || rank == 2 else {
            throw .invalidShape(
                "input shape \(Tensor.describe(inputShape)) should be N×C×L (1-D) or N×C×H×W (2-D)")
        }
        guard weightShape.count == inputShape.count else {
            throw .invalidShape(
                "weight shape \(Tensor.describe(weightShape)) should have \(inputShape.count) dimensions (Cout×Cin/groups×\(rank == 1 ? "k" : "kH×kW")) to match input \(Tensor.describe(inputShape))"
            )
        }
        if let bad = inputShape.first(where: { $0 < 1 }) ?? weightShape.first(where: { $0 < 1 }) {
            throw .invalidShape(
                "every dimension must be at least 1, got \(bad) in input \(Tensor.describe(inputShape)) or weight \(Tensor.describe(weightShape))"
            )
        }
        try CoreLimits.checkValues(inputShape, name: "input shape")
        try CoreLimits.checkValues(weightShape, name: "weight shape")
        let groups = parameters.groups
        let inChannels = inputShape[1]
        let outChannels = weightShape[0]
        guard groups >= 1 else {
            throw .invalidParameter(name: "groups", message: "must be at least 1, got \(groups)")
        }
        try CoreLimits.checkValue(groups, name: "groups")
        guard inChannels % groups == 0 else {
            throw .channelMismatch(
                "groups \(groups) must divide the \(inChannels) input channels; use a divisor of \(inChannels)")
        }
        guard outChannels % groups == 0 else {
            throw .channelMismatch(
                "groups \(groups) must divide the \(outChannels) output channels (kernels); use a divisor of \(outChannels)"
            )
        }
        guard weightShape[1] * groups == inChannels else {
            throw .channelMismatch(
                "each kernel has \(weightShape[1]) channel slice\(weightShape[1] == 1 ? "" : "s") and groups is \(groups), so the input must have \(weightShape[1] * groups) channels, but it has \(inChannels); give each kernel \(inChannels / groups) slices"
            )
        }
        let kernel = Array(weightShape[2...])
        let spatial = Array(inputShape[2...])
        try AxisNames.validatePositive(
            parameters.stride, name: "stride", rank: rank, hint: "1 moves the kernel one cell at a time")
        try AxisNames.validatePositive(
            parameters.dilation, name: "dilation", rank: rank, hint: "1 means no gaps between taps")
        try CoreLimits.checkValues(parameters.stride, name: "stride")
        try CoreLimits.checkValues(parameters.dilation, name: "dilation")
        let pads = try parameters.padding.resolve(
            kernel: kernel, dilation: parameters.dilation, stride: parameters.stride)
        let axes = (0..<rank).map { axis in
            AxisGeometry(
                inputSize: spatial[axis], kernelSize: kernel[axis], stride: parameters.stride[axis],
                dilation: parameters.dilation[axis], padding: pads[axis])
        }
        try ConvLayer.checkKernelFits(axes)
        self.spatialRank = rank
        self.inputShape = inputShape
        self.weightShape = weightShape
        self.hasBias = hasBias
        self.parameters = parameters
        self.axes = axes
    }

    /// Refuses to compute a convolution whose output, work or per-cell trace would exceed
    /// `CoreLimits` (describing one, as a layer stack does, needs no such bound).
    public func checkComputeBounds() throws(CNNError) {
        _ = try CoreLimits.elementCount(outputShape, of: "output")
        let termsPerCell = Array(weightShape.dropFirst())
        try CoreLimits.checkWork(outputShape + termsPerCell, of: "convolution")
        let terms = CheckedInt.product(termsPerCell) ?? Int.max
        guard terms <= CoreLimits.maxTraceTerms else {
            throw .invalidShape(
                "each output would sum \(terms) terms (\(Tensor.describe(termsPerCell))), more than the \(CoreLimits.maxTraceTerms) (2^20) a trace may list; use fewer input channels per group or a smaller kernel"
            )
        }
    }

    /// Refuses a kernel whose dilated span exceeds the padded input, naming what would fit.
    static func checkKernelFits(_ axes: [AxisGeometry], noun: String = "kernel") throws(CNNError) {
        guard axes.contains(where: { $0.effectiveKernel > $0.paddedSize }) else { return }
        let kernel = AxisNames.join(axes.map(\.kernelSize))
        let spans = AxisNames.join(axes.map(\.effectiveKernel))
        let padded = AxisNames.join(axes.map(\.paddedSize))
        let input = AxisNames.join(axes.map(\.inputSize))
        let dilated = axes.contains { $0.dilation > 1 }
        let dilation =
            Set(axes.map(\.dilation)).count == 1
            ? String(axes[0].dilation) : AxisNames.join(axes.map(\.dilation))
        var text =
            dilated
            ? "\(noun) \(kernel) at dilation \(dilation) spans \(spans), larger than the padded input \(padded)"
            : "\(noun) \(kernel) is larger than the padded input \(padded)"
        let padding = axes.map {
            $0.padding.isSymmetric ? String($0.padding.before) : "\($0.padding.before)+\($0.padding.after)"
        }
        text += " (input \(input), padding \(Set(padding).count == 1 ? padding[0] : padding.joined(separator: "×")))"
        var fixes: [String] = []
        let short = axes.map { max(0, $0.effectiveKernel - $0.paddedSize) }
        let morePadding = short.map { ($0 + 1) / 2 }
        if let need = morePadding.max(), need > 0 {
            let current = axes.map { max($0.padding.before, $0.padding.after) }.max() ?? 0
            fixes.append("padding \(current + need) per side")
        }
        if dilated {
            let maxDilation =
                axes.map { axis in
                    axis.kernelSize > 1 ? (axis.paddedSize - 1) / (axis.kernelSize - 1) : axis.dilation
                }.min() ?? 1
            if maxDilation >= 1 { fixes.append("dilation \(maxDilation)") }
        }
        let maxKernel = axes.map { ($0.paddedSize - 1) / $0.dilation + 1 }
        fixes.append("a kernel of at most \(AxisNames.join(maxKernel))")
        text +=
            "; "
            + (dilated
                ? "lower the dilation, add padding or use a smaller kernel" : "add padding or use a smaller kernel")
        text += " (\(fixes.joined(separator: ", ")) would fit)"
        throw .kernelTooLarge(text)
    }

    /// Output channels (number of kernels).
    public var outputChannels: Int { weightShape[0] }
    /// Input channels.
    public var inputChannels: Int { inputShape[1] }
    /// Input channels each kernel sees (`Cin / groups`).
    public var channelsPerGroup: Int { weightShape[1] }
    /// Output channels per group.
    public var outputsPerGroup: Int { outputChannels / parameters.groups }
    /// The output shape: `N × Cout × out…`.
    public var outputShape: [Int] { [inputShape[0], outputChannels] + axes.map(\.outputSize) }

    /// The row geometry (a one-cell axis for 1-D) and the column geometry.
    var rowAxis: AxisGeometry { spatialRank == 2 ? axes[0] : .unit }
    var columnAxis: AxisGeometry { axes[spatialRank - 1] }
    var kernelRows: Int { rowAxis.kernelSize }
    var kernelColumns: Int { columnAxis.kernelSize }

    /// Checks that concrete tensors have the shapes this layer was built for.
    func checkTensors(input: Tensor, weight: Tensor, bias: Tensor?) throws(CNNError) {
        guard input.shape == inputShape else {
            throw .invalidShape(
                "input shape \(Tensor.describe(input.shape)) differs from the layer's \(Tensor.describe(inputShape))")
        }
        guard weight.shape == weightShape else {
            throw .invalidShape(
                "weight shape \(Tensor.describe(weight.shape)) differs from the layer's \(Tensor.describe(weightShape))"
            )
        }
        if let bias {
            guard hasBias, bias.shape == [outputChannels] else {
                throw .invalidShape(
                    "bias shape \(Tensor.describe(bias.shape)) should be \(outputChannels), one value per output channel"
                )
            }
        } else if hasBias {
            throw .invalidShape("the layer has a bias but none was given")
        }
    }
}
