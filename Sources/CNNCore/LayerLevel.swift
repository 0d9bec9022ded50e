/// One validated layer of a stack: its geometry on the input it receives, its output channels
/// and its cost. Refusals name the layer (`layer 3 (maxpool2 s2)`) and follow PyTorch.
struct LayerLevel {
    /// Row then column geometry.
    let axes: [AxisGeometry]
    /// Channels after the layer.
    let outputChannels: Int
    /// Weights, biases and multiplications.
    let cost: LayerCost

    /// Validates `spec` as layer `number` on an input of `inputSize` with `inputChannels`.
    init(spec: LayerSpec, number: Int, inputSize: [Int], inputChannels: Int) throws(CNNError) {
        let name = "layer \(number) (\(spec.label))"
        try LayerLevel.checkValues(spec, name: name)
        switch spec.kind {
        case .conv:
            let outputs = spec.outputChannels ?? inputChannels
            try LayerStack.checkRange(
                outputs, name: "\(name) output channels", minimum: 1, hint: "a convolution needs at least one kernel")
            let layer: ConvLayer
            do {
                layer = try ConvLayer(
                    inputShape: [1, inputChannels] + inputSize,
                    weightShape: [outputs, inputChannels, spec.kernel, spec.kernel], hasBias: spec.bias,
                    parameters: ConvParameters(
                        stride: [spec.stride, spec.stride], padding: .explicit([spec.padding, spec.padding]),
                        dilation: [spec.dilation, spec.dilation]))
            } catch {
                throw error.inLayer(name)
            }
            axes = layer.axes
            outputChannels = outputs
            cost = try Costs.cost(of: layer, layer: number, label: spec.label)
        case .maxPool, .avgPool:
            if let requested = spec.outputChannels, requested != inputChannels {
                throw .channelMismatch(
                    "\(name): pooling keeps the \(inputChannels) channel\(inputChannels == 1 ? "" : "s") it receives, but \(requested) output channels were asked for; leave the channel count out or use a conv layer"
                )
            }
            axes = try LayerLevel.poolAxes(spec, name: name, inputSize: inputSize)
            outputChannels = inputChannels
            cost = LayerCost(
                layer: number, label: spec.label, inputShape: [inputChannels] + inputSize,
                outputShape: [inputChannels] + axes.map(\.outputSize), weights: 0, biases: 0, multiplications: 0)
        }
    }

    /// Checks each hyperparameter on its own.
    static func checkValues(_ spec: LayerSpec, name: String) throws(CNNError) {
        let noun = spec.kind.isPooling ? "window" : "kernel"
        try LayerStack.checkRange(
            spec.kernel, name: "\(name) kernel", minimum: 1, hint: "a \(noun) has at least one tap")
        try LayerStack.checkRange(
            spec.stride, name: "\(name) stride", minimum: 1, hint: "1 moves the \(noun) one cell at a time")
        try LayerStack.checkRange(spec.padding, name: "\(name) padding", minimum: 0, hint: "0 means no padding")
        try LayerStack.checkRange(
            spec.dilation, name: "\(name) dilation", minimum: 1, hint: "1 means no gaps between taps")
        if spec.kind == .avgPool && spec.dilation != 1 {
            throw .invalidParameter(
                name: "\(name) dilation",
                message:
                    "average pooling has no dilation in PyTorch (avg_pool2d), got \(spec.dilation); use dilation 1 or a max pool"
            )
        }
    }

    /// The geometry of a pool, refused as PyTorch refuses it: padding above half the window,
    /// or no output at all.
    static func poolAxes(_ spec: LayerSpec, name: String, inputSize: [Int]) throws(CNNError) -> [AxisGeometry] {
        let half = spec.kernel / 2
        guard spec.padding <= half else {
            throw .invalidParameter(
                name: "\(name) padding",
                message:
                    "\(spec.padding) is more than half the \(spec.kernel)×\(spec.kernel) window; PyTorch allows at most \(half) — use padding \(half) or a window of at least \(2 * spec.padding)"
            )
        }
        let axes = inputSize.map { size in
            AxisGeometry(
                inputSize: size, kernelSize: spec.kernel, stride: spec.stride, dilation: spec.dilation,
                padding: AxisPadding(spec.padding))
        }
        if let axis = axes.first(where: { $0.outputSize < 1 }) {
            let input = inputSize.map(String.init).joined(separator: "×")
            let spans = spec.dilation == 1 ? "" : " (spanning \(axis.effectiveKernel) at dilation \(spec.dilation))"
            let padded = axes.map { String($0.paddedSize) }.joined(separator: "×")
            let largest = (axis.paddedSize - 1) / spec.dilation + 1
            var fixes = ["a window of at most \(largest)"]
            if spec.padding < half { fixes.append("padding up to \(half)") }
            fixes.append("less downsampling before this layer")
            throw .outputTooSmall(
                "\(name): output size is too small — the \(spec.kernel)×\(spec.kernel) window\(spans) does not fit the \(input) input padded to \(padded): \(axis.formula.unicode); use \(fixes.joined(separator: ", or "))"
            )
        }
        return axes
    }
}

extension CNNError {
    /// The same refusal with the layer named in front: `layer 4 (conv4 p1 d3): …`.
    func inLayer(_ name: String) -> CNNError {
        switch self {
        case .invalidShape(let text): return .invalidShape("\(name): \(text)")
        case .kernelTooLarge(let text): return .kernelTooLarge("\(name): \(text)")
        case .outputTooSmall(let text): return .outputTooSmall("\(name): \(text)")
        case .channelMismatch(let text): return .channelMismatch("\(name): \(text)")
        case .invalidQuery(let text): return .invalidQuery("\(name): \(text)")
        case .invalidParameter(let parameter, let text):
            return .invalidParameter(name: "\(name) \(parameter)", message: text)
        case .cancelled: return .cancelled
        }
    }
}
