/// A validated stack of convolution and pooling layers over an `H×W` input: the size and
/// channel count of every level, the receptive field of every layer, and what each layer costs.
///
/// Levels are numbered from the input: level 0 is the input, level `i` the output of layer `i`
/// (layers are numbered from 1). Sizes follow PyTorch (floor mode), and the stack refuses
/// exactly what PyTorch refuses, naming the layer.
public struct LayerStack: Hashable, Sendable {
    /// The layers, first applied first.
    public let layers: [LayerSpec]
    /// `[H, W]` per level: `sizes[0]` is the input, `sizes[i]` the output of layer `i`.
    public let sizes: [[Int]]
    /// Channels per level, indexed like `sizes`.
    public let channels: [Int]
    /// One row per layer: receptive-field size, jump, start and effective padding of the
    /// stack up to and including that layer (Distill's recurrences).
    public let receptiveFields: [ReceptiveFieldRow]
    /// Weights, biases and multiplications of every layer.
    public let costs: [LayerCost]
    /// The row and column geometry of every layer (index `i − 1` for layer `i`): the one
    /// source of which input cells a window reads.
    let axes: [[AxisGeometry]]

    /// The largest kernel, stride, padding, dilation, channel count or input side accepted,
    /// which keeps every count within 64-bit integers.
    public static let largestValue = 1_000_000

    /// Validates the layers over an input of `inputSize` (`[H, W]`) with `inputChannels`
    /// channels, the way PyTorch would when running them in turn.
    public init(layers: [LayerSpec], inputSize: [Int], inputChannels: Int = 1) throws(CNNError) {
        guard inputSize.count == 2 else {
            throw .invalidShape(
                "input size has \(inputSize.count) value\(inputSize.count == 1 ? "" : "s"); give [height, width], e.g. [32, 32]"
            )
        }
        for (value, name) in zip(inputSize + [inputChannels], ["input height", "input width", "input channels"]) {
            try LayerStack.checkRange(value, name: name, minimum: 1)
        }
        var sizes = [inputSize]
        var channels = [inputChannels]
        var axes: [[AxisGeometry]] = []
        var costs: [LayerCost] = []
        for (index, spec) in layers.enumerated() {
            let number = index + 1
            let level = try LayerLevel(
                spec: spec, number: number, inputSize: sizes[index], inputChannels: channels[index])
            sizes.append(level.axes.map(\.outputSize))
            channels.append(level.outputChannels)
            axes.append(level.axes)
            costs.append(level.cost)
        }
        self.layers = layers
        self.sizes = sizes
        self.channels = channels
        self.axes = axes
        self.costs = costs
        self.receptiveFields = try ReceptiveField.rows(for: layers)
    }

    /// The number of levels above the input (one per layer).
    public var depth: Int { layers.count }

    /// `[C, H, W]` of a level (0 is the input).
    public func shape(level: Int) throws(CNNError) -> [Int] {
        try checkLevel(level)
        return [channels[level]] + sizes[level]
    }

    /// The padding the whole stack adds in front of the input (Distill's effective padding):
    /// output cell 0 of the last level starts reading at input position −effectivePadding.
    public var effectivePadding: Int { receptiveFields.last?.effectivePadding ?? 0 }

    /// Refuses a value outside `minimum...largestValue`, naming it.
    static func checkRange(_ value: Int, name: String, minimum: Int, hint: String = "") throws(CNNError) {
        guard value >= minimum else {
            throw .invalidParameter(
                name: name, message: "must be at least \(minimum), got \(value)\(hint.isEmpty ? "" : "; \(hint)")")
        }
        guard value <= largestValue else {
            throw .invalidParameter(
                name: name,
                message: "\(value) is larger than the \(largestValue) cnnviz can count with; use a smaller value")
        }
    }
}
