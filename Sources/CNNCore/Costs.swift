/// Parameter and multiplication counts of the layers the course compares.
///
/// A convolution has `Cout · (Cin/groups) · kH · kW` weights, `Cout` biases, and does
/// `Cout · OH · OW · (Cin/groups) · kH · kW` multiplications (one per weight per output
/// position, padding taps included, as the lecture counts them). Pools have no parameters and
/// are counted as 0 multiplications: max pooling only compares and average pooling adds and
/// divides once per output.
public enum Costs {
    /// A 1-D or 2-D convolution on an input of `inputShape` (`[C, H, W]`, or `[C, L]`),
    /// validated as PyTorch would (groups divide the channels, the kernel fits).
    public static func convolution(
        inputShape: [Int], outputChannels: Int, kernel: [Int], stride: [Int], padding: [Int],
        dilation: [Int] = [1, 1], groups: Int = 1, bias: Bool = true
    ) throws(CNNError) -> LayerCost {
        let rank = inputShape.count - 1
        guard rank == 1 || rank == 2 else {
            throw .invalidShape(
                "input shape \(Tensor.describe(inputShape)) should be C×H×W (or C×L for 1-D), e.g. [3, 32, 32]")
        }
        guard kernel.count == rank else {
            throw .invalidParameter(
                name: "kernel",
                message: "gives \(kernel.count) sizes for \(rank) spatial axes; give one per axis, e.g. [3, 3]")
        }
        guard groups >= 1 else {
            throw .invalidParameter(name: "groups", message: "must be at least 1, got \(groups)")
        }
        guard outputChannels >= 1 else {
            throw .invalidParameter(name: "output channels", message: "must be at least 1, got \(outputChannels)")
        }
        let values = [
            ("input shape", inputShape), ("kernel", kernel), ("stride", stride), ("padding", padding),
            ("dilation", dilation), ("output channels", [outputChannels]),
        ]
        for (name, list) in values {
            if let large = list.first(where: { $0 > LayerStack.largestValue }) {
                throw .invalidParameter(
                    name: name,
                    message:
                        "\(large) is larger than the \(LayerStack.largestValue) cnnviz can count with; use a smaller value"
                )
            }
        }
        let inputChannels = inputShape[0]
        let layer = try ConvLayer(
            inputShape: [1] + inputShape,
            weightShape: [outputChannels, max(1, inputChannels / groups)] + kernel, hasBias: bias,
            parameters: ConvParameters(
                stride: stride, padding: .explicit(padding),
                dilation: rank == 1 && dilation == [1, 1] ? [1] : dilation,
                groups: groups))
        var label = "conv" + kernel.map(String.init).joined(separator: "×")
        if Set(stride) != [1] { label += " s" + stride.map(String.init).joined(separator: "×") }
        if groups != 1 { label += " g\(groups)" }
        return try cost(of: layer, layer: 1, label: label)
    }

    /// The cost of a validated convolution (batch 1).
    static func cost(of layer: ConvLayer, layer number: Int, label: String) throws(CNNError) -> LayerCost {
        let kernelTaps = Array(layer.weightShape.dropFirst())  // Cin/groups, k…
        let output = Array(layer.outputShape.dropFirst())  // Cout, out…
        let weights = try CostArithmetic.product([layer.outputChannels] + kernelTaps, of: "weight count")
        let multiplications = try CostArithmetic.product(output + kernelTaps, of: "multiplication count")
        return LayerCost(
            layer: number, label: label, inputShape: Array(layer.inputShape.dropFirst()), outputShape: output,
            weights: weights, biases: layer.hasBias ? layer.outputChannels : 0, multiplications: multiplications)
    }

    /// A fully connected layer: `inputs · outputs` weights and multiplications, `outputs`
    /// biases. Counts saturate at `Int.max`; negative sizes count as 0.
    public static func fullyConnected(inputs: Int, outputs: Int, bias: Bool = true) -> LayerCost {
        let weights = CostArithmetic.saturatingProduct([inputs, outputs])
        return LayerCost(
            layer: 1, label: "fc\(outputs)", inputShape: [max(0, inputs)], outputShape: [max(0, outputs)],
            weights: weights, biases: bias ? max(0, outputs) : 0, multiplications: weights)
    }

    /// Weights (no biases) of a depthwise separable convolution against a standard one:
    /// depthwise `K1·K2·Cin`, pointwise `Cin·Cout`, their total, and the standard
    /// `K1·K2·Cin·Cout`. Counts saturate at `Int.max`; negative sizes count as 0.
    public static func depthwiseSeparable(
        inputChannels: Int, outputChannels: Int, kernel: [Int]
    ) -> (depthwise: Int, pointwise: Int, total: Int, standard: Int) {
        let depthwise = CostArithmetic.saturatingProduct(kernel + [inputChannels])
        let pointwise = CostArithmetic.saturatingProduct([inputChannels, outputChannels])
        let standard = CostArithmetic.saturatingProduct(kernel + [inputChannels, outputChannels])
        return (depthwise, pointwise, CostArithmetic.saturatingSum([depthwise, pointwise]), standard)
    }
}
