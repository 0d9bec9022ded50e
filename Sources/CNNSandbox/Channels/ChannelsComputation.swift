import CNNCore

/// One convolution of the channels view, run by the core: the layer, its tensors and output.
public struct ChannelsStage: Hashable, Sendable {
    /// What the stage is: `convolution`, `depthwise` or `pointwise`.
    public let name: String
    public let layer: ConvLayer
    public let input: Tensor
    public let weight: Tensor
    public let bias: Tensor?
    /// The core's forward pass.
    public let output: Tensor

    /// Runs the core.
    init(name: String, layer: ConvLayer, input: Tensor, weight: Tensor, bias: Tensor?) throws(CNNError) {
        self.name = name
        self.layer = layer
        self.input = input
        self.weight = weight
        self.bias = bias
        self.output = try layer.forward(input: input, weight: weight, bias: bias)
    }

    public var inputChannels: Int { layer.inputChannels }
    public var outputChannels: Int { layer.outputChannels }
    public var inputRows: Int { layer.inputShape[2] }
    public var inputColumns: Int { layer.inputShape[3] }
    public var outputRows: Int { layer.axes[0].outputSize }
    public var outputColumns: Int { layer.axes[1].outputSize }
    public var kernelRows: Int { layer.weightShape[2] }
    public var kernelColumns: Int { layer.weightShape[3] }
    /// Slices per kernel (`C_in / groups`).
    public var slices: Int { layer.channelsPerGroup }
    /// Cells per output channel.
    public var plane: Int { outputRows * outputColumns }

    /// The output value at a cell.
    public func value(channel: Int, row: Int, column: Int) -> Double {
        output.data[(channel * outputRows + row) * outputColumns + column]
    }

    /// An input value (channel, row, column of the unpadded input).
    public func inputValue(channel: Int, row: Int, column: Int) -> Double {
        input.data[(channel * inputRows + row) * inputColumns + column]
    }

    /// A kernel weight: kernel (output channel), slice, row, column.
    public func weightValue(kernel: Int, slice: Int, row: Int, column: Int) -> Double {
        weight.data[((kernel * slices + slice) * kernelRows + row) * kernelColumns + column]
    }

    /// The first input channel a kernel reads (its group's first channel).
    public func firstInputChannel(ofKernel kernel: Int) -> Int {
        kernel / layer.outputsPerGroup * slices
    }

    /// What made an output cell.
    public func trace(channel: Int, row: Int, column: Int) -> ConvTrace {
        layer.trace(input: input, weight: weight, bias: bias, outputChannel: channel, row: row, column: column)
    }
}

/// The channels view's computation: one stage (a convolution with groups) or two (depthwise
/// then pointwise). Steps run through every cell of output channel 0, then channel 1, … of
/// the first stage, then of the second.
public struct ChannelsComputation: Hashable, Sendable {
    public let stages: [ChannelsStage]

    /// Builds and runs the stages of a setup; refuses what the core refuses.
    public init(setup: ChannelsSetup) throws(CNNError) {
        let conv = setup.conv
        let input = setup.input
        let parameters = { (groups: Int) in
            ConvParameters(stride: conv.stride, padding: conv.padding, dilation: conv.dilation, groups: groups)
        }
        switch setup.mode {
        case .convolution:
            let slices =
                setup.groups >= 1 && setup.inputChannels % setup.groups == 0
                ? setup.inputChannels / setup.groups : setup.inputChannels
            let weight = setup.weights(
                outputs: setup.outputChannels, slices: slices, rows: conv.kernelRows, columns: conv.kernelColumns)
            let layer = try ConvLayer(
                inputShape: input.shape, weightShape: weight.shape, hasBias: conv.bias != nil,
                parameters: parameters(setup.groups))
            stages = [
                try ChannelsStage(
                    name: "convolution", layer: layer, input: input, weight: weight,
                    bias: setup.bias(outputs: setup.outputChannels))
            ]
        case .separable:
            let channels = setup.inputChannels
            let depthWeight = setup.weights(
                outputs: channels, slices: 1, rows: conv.kernelRows, columns: conv.kernelColumns)
            let depthLayer = try ConvLayer(
                inputShape: input.shape, weightShape: depthWeight.shape, hasBias: false,
                parameters: parameters(channels))
            let depthwise = try ChannelsStage(
                name: "depthwise", layer: depthLayer, input: input, weight: depthWeight, bias: nil)
            let pointWeight = setup.weights(
                outputs: setup.outputChannels, slices: channels, rows: 1, columns: 1, salt: 1)
            let pointLayer = try ConvLayer(
                inputShape: depthwise.output.shape, weightShape: pointWeight.shape, hasBias: conv.bias != nil,
                parameters: ConvParameters.defaults(spatialRank: 2))
            let pointwise = try ChannelsStage(
                name: "pointwise", layer: pointLayer, input: depthwise.output, weight: pointWeight,
                bias: setup.bias(outputs: setup.outputChannels))
            stages = [depthwise, pointwise]
        }
    }

    /// One step per output cell of every stage.
    public var stepCount: Int { stages.reduce(0) { $0 + $1.outputChannels * $1.plane } }

    /// Which stage, output channel and cell a step shows.
    public func position(ofStep step: Int) -> (stage: Int, channel: Int, row: Int, column: Int) {
        var rest = max(0, step)
        for (index, stage) in stages.enumerated() {
            let count = stage.outputChannels * stage.plane
            if rest < count || index == stages.count - 1 {
                let cell = min(rest, count - 1)
                let channel = cell / stage.plane
                let inPlane = cell % stage.plane
                return (index, channel, inPlane / stage.outputColumns, inPlane % stage.outputColumns)
            }
            rest -= count
        }
        return (0, 0, 0, 0)
    }

    /// The step that shows a cell of a stage.
    public func step(stage: Int, channel: Int, row: Int, column: Int) -> Int {
        let before = stages.prefix(stage).reduce(0) { $0 + $1.outputChannels * $1.plane }
        let current = stages[stage]
        return before + channel * current.plane + row * current.outputColumns + column
    }

    /// The trace of a step's output cell.
    public func trace(step: Int) -> ConvTrace {
        let (stage, channel, row, column) = position(ofStep: step)
        return stages[stage].trace(channel: channel, row: row, column: column)
    }
}

/// A trace's terms split by input channel, in the order they are summed: the per-channel
/// partial dot products that add up to the output (`19 + 37 = 56`).
public struct ChannelPart: Hashable, Sendable {
    /// The input channel (absolute).
    public let inputChannel: Int
    /// The terms read from that channel.
    public let terms: [TraceTerm]
    /// The sum of their products, added in trace order.
    public let sum: Double

    /// Splits a trace into runs of equal input channel.
    public static func split(_ trace: ConvTrace) -> [ChannelPart] {
        var parts: [ChannelPart] = []
        var current: [TraceTerm] = []
        func finish() {
            guard let first = current.first else { return }
            var sum = 0.0
            for term in current { sum += term.product }
            parts.append(ChannelPart(inputChannel: first.inputChannel, terms: current, sum: sum))
            current = []
        }
        for term in trace.terms {
            if let last = current.last, last.inputChannel != term.inputChannel { finish() }
            current.append(term)
        }
        finish()
        return parts
    }
}
