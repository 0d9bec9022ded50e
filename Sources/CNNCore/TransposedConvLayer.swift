/// A validated 1-D or 2-D transposed convolution (PyTorch's `conv_transpose1d/2d`): each input
/// cell scatters `value × kernel` into the output, `stride` cells apart; `padding` crops the
/// border of that full output and `output_padding` adds rows/columns at the bottom/right.
///
/// It is the gradient of a convolution with respect to its input: `axes` describe that
/// convolution (from this layer's output back to its input), and `AxisGeometry.inputPosition`
/// says where input cell `i`'s tap `k` lands: `i·s − p + k·d`.
public struct TransposedConvLayer: Hashable, Sendable {
    /// 1 for `N×C×L`, 2 for `N×C×H×W`.
    public let spatialRank: Int
    /// The input shape, including batch and channels.
    public let inputShape: [Int]
    /// The weight shape: `Cin × Cout/groups × k…` (note: input channels first).
    public let weightShape: [Int]
    /// Whether a bias of `Cout` values is added.
    public let hasBias: Bool
    /// The hyperparameters as given.
    public let parameters: TransposedConvParameters
    /// Per spatial axis, the forward convolution this layer is the input gradient of: its input
    /// is this layer's output, its outputs include this layer's input cells.
    public let axes: [AxisGeometry]

    /// `(n−1)·s − 2·p + d·(k−1) + output_padding + 1`, the output size of each axis.
    public static let symbolicOutputSizeFormula = "(n−1)·s − 2·p + d·(k−1) + output_padding + 1"

    /// Validates shapes and hyperparameters as PyTorch does; every refusal says what would work.
    public init(inputShape: [Int], weightShape: [Int], hasBias: Bool, parameters: TransposedConvParameters)
        throws(CNNError)
    {
        let rank = inputShape.count - 2
        guard rank == 1 || rank == 2 else {
            throw .invalidShape(
                "input shape \(Tensor.describe(inputShape)) should be N×C×L (1-D) or N×C×H×W (2-D)")
        }
        guard weightShape.count == inputShape.count else {
            throw .invalidShape(
                "weight shape \(Tensor.describe(weightShape)) should have \(inputShape.count) dimensions (Cin×Cout/groups×\(rank == 1 ? "k" : "kH×kW")) to match input \(Tensor.describe(inputShape))"
            )
        }
        if let bad = inputShape.first(where: { $0 < 1 }) ?? weightShape.first(where: { $0 < 1 }) {
            throw .invalidShape(
                "every dimension must be at least 1, got \(bad) in input \(Tensor.describe(inputShape)) or weight \(Tensor.describe(weightShape))"
            )
        }
        try CoreLimits.checkValues(inputShape, name: "input shape")
        try CoreLimits.checkValues(weightShape, name: "weight shape")
        try AxisNames.validatePositive(
            parameters.stride, name: "stride", rank: rank, hint: "1 places input cells next to each other")
        try AxisNames.validatePositive(
            parameters.dilation, name: "dilation", rank: rank, hint: "1 means no gaps between taps")
        try TransposedConvLayer.validateNonNegative(parameters.padding, name: "padding", rank: rank)
        try TransposedConvLayer.validateNonNegative(parameters.outputPadding, name: "output_padding", rank: rank)
        for (values, name) in [
            (parameters.stride, "stride"), (parameters.dilation, "dilation"), (parameters.padding, "padding"),
            (parameters.outputPadding, "output_padding"), ([parameters.groups], "groups"),
        ] {
            try CoreLimits.checkValues(values, name: name)
        }
        let names = rank == 2 ? ["height", "width"] : ["length"]
        for axis in 0..<rank {
            let op = parameters.outputPadding[axis]
            let s = parameters.stride[axis]
            let d = parameters.dilation[axis]
            guard op < s || op < d else {
                throw .invalidParameter(
                    name: "output_padding",
                    message:
                        "output padding must be smaller than either stride or dilation, but along the \(names[axis]) it is \(op) with stride \(s) and dilation \(d); use output_padding at most \(max(s, d) - 1) or raise the stride"
                )
            }
        }
        let groups = parameters.groups
        let inChannels = inputShape[1]
        guard groups >= 1 else {
            throw .invalidParameter(name: "groups", message: "must be at least 1, got \(groups)")
        }
        guard weightShape[0] == inChannels else {
            throw .channelMismatch(
                "a transposed-convolution weight is Cin×Cout/groups×\(rank == 1 ? "k" : "kH×kW"): weight \(Tensor.describe(weightShape)) expects \(weightShape[0]) input channels, but the input has \(inChannels); give the weight \(inChannels) in its first dimension"
            )
        }
        guard inChannels % groups == 0 else {
            throw .channelMismatch(
                "groups \(groups) must divide the \(inChannels) input channels; use a divisor of \(inChannels)")
        }
        let spatial = Array(inputShape[2...])
        let kernel = Array(weightShape[2...])
        let sizes = (0..<rank).map { axis in
            TransposedConvLayer.outputSize(
                input: spatial[axis], kernel: kernel[axis], stride: parameters.stride[axis],
                padding: parameters.padding[axis], outputPadding: parameters.outputPadding[axis],
                dilation: parameters.dilation[axis])
        }
        if sizes.contains(where: { $0 < 1 }) {
            let axis = sizes.firstIndex { $0 < 1 } ?? 0
            let room =
                (spatial[axis] - 1) * parameters.stride[axis] + parameters.dilation[axis] * (kernel[axis] - 1)
                + parameters.outputPadding[axis]
            throw .outputTooSmall(
                "output would be \(sizes.map(TransposedConvLayer.signed).joined(separator: "×")): along the \(names[axis]) \(TransposedConvLayer.formula(input: spatial[axis], kernel: kernel[axis], stride: parameters.stride[axis], padding: parameters.padding[axis], outputPadding: parameters.outputPadding[axis], dilation: parameters.dilation[axis])) < 1; lower the padding to at most \(room / 2), or use a larger kernel, stride or dilation"
            )
        }
        self.spatialRank = rank
        self.inputShape = inputShape
        self.weightShape = weightShape
        self.hasBias = hasBias
        self.parameters = parameters
        self.axes = (0..<rank).map { axis in
            AxisGeometry(
                inputSize: sizes[axis], kernelSize: kernel[axis], stride: parameters.stride[axis],
                dilation: parameters.dilation[axis], padding: AxisPadding(parameters.padding[axis]))
        }
    }

    /// Refuses to compute a transposed convolution whose output or work would exceed `CoreLimits`.
    public func checkComputeBounds() throws(CNNError) {
        _ = try CoreLimits.elementCount(outputShape, of: "output")
        try CoreLimits.checkWork(inputShape + Array(weightShape.dropFirst()), of: "transposed convolution")
    }

    static func validateNonNegative(_ values: [Int], name: String, rank: Int) throws(CNNError) {
        guard values.count == rank else {
            throw .invalidParameter(
                name: name, message: "gives \(values.count) values for \(rank) spatial axes; give one per axis")
        }
        if let bad = values.first(where: { $0 < 0 }) {
            throw .invalidParameter(name: name, message: "must be 0 or more, got \(bad)")
        }
    }

    static func outputSize(input: Int, kernel: Int, stride: Int, padding: Int, outputPadding: Int, dilation: Int) -> Int
    {
        (input - 1) * stride - 2 * padding + dilation * (kernel - 1) + outputPadding + 1
    }

    static func formula(input: Int, kernel: Int, stride: Int, padding: Int, outputPadding: Int, dilation: Int) -> String
    {
        let size = outputSize(
            input: input, kernel: kernel, stride: stride, padding: padding, outputPadding: outputPadding,
            dilation: dilation)
        return
            "(\(input)−1)·\(stride) − 2·\(padding) + \(dilation)·(\(kernel)−1) + \(outputPadding) + 1 = \(signed(size))"
    }

    /// A number with a typographic minus sign.
    static func signed(_ value: Int) -> String { value < 0 ? "−\(-value)" : String(value) }

    /// Input channels.
    public var inputChannels: Int { inputShape[1] }
    /// Output channels: `Cout/groups × groups`.
    public var outputChannels: Int { weightShape[1] * parameters.groups }
    /// Input channels per group.
    public var inputsPerGroup: Int { inputChannels / parameters.groups }
    /// Output channels per group (the weight's second dimension).
    public var outputsPerGroup: Int { weightShape[1] }

    /// The output shape: `N × Cout × out…`.
    public var outputShape: [Int] { [inputShape[0], outputChannels] + axes.map(\.inputSize) }

    /// The output-size arithmetic of each axis with its numbers, e.g.
    /// `(3−1)·2 − 2·0 + 1·(3−1) + 0 + 1 = 7`.
    public var outputSizeFormulas: [String] {
        (0..<spatialRank).map { axis in
            TransposedConvLayer.formula(
                input: inputShape[axis + 2], kernel: weightShape[axis + 2], stride: parameters.stride[axis],
                padding: parameters.padding[axis], outputPadding: parameters.outputPadding[axis],
                dilation: parameters.dilation[axis])
        }
    }

    /// The row geometry (a one-cell axis for 1-D) and the column geometry.
    var rowAxis: AxisGeometry { spatialRank == 2 ? axes[0] : .unit }
    var columnAxis: AxisGeometry { axes[spatialRank - 1] }
    var inputRows: Int { spatialRank == 2 ? inputShape[2] : 1 }
    var inputColumns: Int { inputShape[spatialRank + 1] }

    /// The gather every output value and trace comes from: the input is the source.
    var gather: TapGather {
        TapGather(
            rowAxis: rowAxis, columnAxis: columnAxis, sourceRows: inputRows, sourceColumns: inputColumns,
            sourceChannels: inputChannels, targetChannels: outputChannels, groups: parameters.groups)
    }

    /// Checks that concrete tensors have the shapes this layer was built for.
    func checkTensors(input: Tensor, weight: Tensor, bias: Tensor?) throws(CNNError) {
        try checkInputAndWeight(input: input, weight: weight)
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

    /// Checks the input and weight shapes only.
    func checkInputAndWeight(input: Tensor, weight: Tensor) throws(CNNError) {
        guard input.shape == inputShape else {
            throw .invalidShape(
                "input shape \(Tensor.describe(input.shape)) differs from the layer's \(Tensor.describe(inputShape))")
        }
        guard weight.shape == weightShape else {
            throw .invalidShape(
                "weight shape \(Tensor.describe(weight.shape)) differs from the layer's \(Tensor.describe(weightShape))"
            )
        }
    }
}
