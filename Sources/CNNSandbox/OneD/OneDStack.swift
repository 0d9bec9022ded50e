import CNNCore

/// A stack of 1-D convolutions run by the core, one channel throughout: the values of every
/// level (level 0 is the signal, level `i` the output of layer `i`), each layer's traces, and
/// the receptive field after each layer (Distill's recurrences, `ReceptiveField.rows`).
public struct OneDStack: Hashable, Sendable {
    /// The layers, first applied first.
    public let layers: [LayerSpec]
    /// Whether each layer pads `d·(k−1)` zeros on the left only.
    public let causal: Bool
    /// Each layer as a validated 1-D convolution (`N×C×L`).
    public let convolutions: [ConvLayer]
    /// Each layer's `1×1×k` kernel.
    public let weights: [Tensor]
    /// `1×1×L` per level, from the core's forward passes.
    public let levels: [Tensor]
    /// One row per layer: receptive field, jump and padding in front of the signal.
    public let receptiveFields: [ReceptiveFieldRow]

    /// Validates and runs every layer; kernels come from `preset` (layer `i` drawn with seed `seed + 1000 + i`).
    public init(layers: [LayerSpec], input: Tensor, causal: Bool, preset: KernelPreset, seed: UInt64) throws(CNNError) {
        guard !layers.isEmpty else {
            throw .invalidParameter(
                name: "layers", message: "no layers given; write e.g. conv2d1,conv2d2,conv2d4,conv2d8")
        }
        var convolutions: [ConvLayer] = []
        var weights: [Tensor] = []
        var levels = [input]
        var shifted: [LayerSpec] = []
        for (index, spec) in layers.enumerated() {
            let before = causal ? spec.dilation * (spec.kernel - 1) : spec.padding
            let padding: PaddingSpec =
                causal ? .asymmetric([AxisPadding(before: before, after: 0)]) : .explicit([spec.padding])
            let layer: ConvLayer
            do {
                layer = try ConvLayer(
                    inputShape: levels[index].shape, weightShape: [1, 1, spec.kernel], hasBias: false,
                    parameters: ConvParameters(stride: [spec.stride], padding: padding, dilation: [spec.dilation]))
            } catch {
                throw OneDStack.named(error, layer: index + 1, label: spec.label)
            }
            let weight = try Tensor(
                shape: [1, 1, spec.kernel],
                data: preset.weights(rows: 1, columns: spec.kernel, seed: seed &+ 1000 &+ UInt64(index)))
            levels.append(try layer.forward(input: levels[index], weight: weight, bias: nil))
            convolutions.append(layer)
            weights.append(weight)
            var rowSpec = spec
            rowSpec.padding = before
            shifted.append(rowSpec)
        }
        self.layers = layers
        self.causal = causal
        self.convolutions = convolutions
        self.weights = weights
        self.levels = levels
        self.receptiveFields = try ReceptiveField.rows(for: shifted)
    }

    /// The refusal with the layer named in front.
    private static func named(_ error: CNNError, layer: Int, label: String) -> CNNError {
        let name = "layer \(layer) (\(label))"
        switch error {
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

    /// The number of layers.
    public var depth: Int { layers.count }

    /// Cells of a level.
    public func length(level: Int) -> Int { levels[level].shape[2] }

    /// The value of a cell.
    public func value(level: Int, position: Int) -> Double { levels[level].data[position] }

    /// What made cell `position` of `level` (1…depth): the products of layer `level`.
    public func trace(level: Int, position: Int) -> ConvTrace {
        convolutions[level - 1].trace(
            input: levels[level - 1], weight: weights[level - 1], bias: nil, row: 0, column: position)
    }

    /// The receptive field after layer `level` (1 for the signal itself).
    public func receptiveField(level: Int) -> Int {
        level == 0 ? 1 : receptiveFields[level - 1].size
    }

    /// Where cell `position` of `level` sits above the signal: the newest signal position its
    /// receptive field reaches (`o·jump − P + r − 1`), so that with causal padding output t
    /// sits above input t. Padding positions (below 0) extend the same line.
    public func column(level: Int, position: Int) -> Int {
        guard level > 0 else { return position }
        let field = receptiveFields[level - 1]
        return position * field.jump - field.effectivePadding + field.size - 1
    }

    /// The cells of `level` whose `column` falls in `columns`: what a drawing of those signal
    /// columns shows, found without visiting the rest of the level.
    public func positions(level: Int, within columns: Range<Int>) -> Range<Int> {
        let count = length(level: level)
        guard count > 0, !columns.isEmpty else { return 0..<0 }
        let jump = level == 0 ? 1 : receptiveFields[level - 1].jump
        let origin = column(level: level, position: 0)
        let low = max(0, (columns.lowerBound - origin + jump - 1) / jump)
        let high = min(count, max(0, (columns.upperBound - 1 - origin) / jump + 1))
        return low < high ? low..<high : low..<low
    }

    /// Walks down from cell `position` of the top level through each layer's traces: which
    /// cells of every level it depends on, which padding cells its windows read, and each lit
    /// cell's taps (for drawing the connections).
    public func dependencies(ofTop position: Int) -> OneDDependencies {
        var cells = Array(repeating: [Int](), count: depth + 1)
        var padding = Array(repeating: [Int](), count: depth + 1)
        var taps = Array(repeating: [(output: Int, inputs: [Int])](), count: depth + 1)
        guard (0..<length(level: depth)).contains(position) else {
            return OneDDependencies(cells: cells, padding: padding, taps: taps)
        }
        cells[depth] = [position]
        for level in stride(from: depth, to: 0, by: -1) {
            var below = Set<Int>()
            var belowPadding = Set<Int>()
            for output in cells[level] {
                let terms = trace(level: level, position: output).terms
                taps[level].append((output, terms.map(\.column)))
                for term in terms {
                    if term.isPadding { belowPadding.insert(term.column) } else { below.insert(term.column) }
                }
            }
            cells[level - 1] = below.sorted()
            padding[level - 1] = belowPadding.sorted()
        }
        return OneDDependencies(cells: cells, padding: padding, taps: taps)
    }
}

/// The cells one output of a stack depends on, level by level (index 0 is the signal).
public struct OneDDependencies: Sendable {
    /// Real cells read, sorted, per level.
    public let cells: [[Int]]
    /// Padding positions read (below 0 or past the end), sorted, per level.
    public let padding: [[Int]]
    /// Per level ≥ 1: each lit cell and the positions of the level below its taps read.
    public let taps: [[(output: Int, inputs: [Int])]]
}
