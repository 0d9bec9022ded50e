/// A layer of the network language that the stack view lists in its table without a picture
/// (relu, sigmoid, tanh, dropout, bn; and gap, gmp, flatten, fc after the last pictured layer):
/// the layer, its text, after which pictured layer it comes.
public struct NetworkTableOnlyRow: Hashable, Sendable {
    /// How many pictured layers come before it (0: right after the input).
    public var afterLevel: Int
    /// The layer as written, e.g. `relu`.
    public var label: String
    /// What the layer does.
    public var layer: NetworkLayer

    /// Creates a row.
    public init(afterLevel: Int, label: String, layer: NetworkLayer) {
        self.afterLevel = afterLevel
        self.label = label
        self.layer = layer
    }

    /// The layer's output shape, parameters and multiplications on `input` (`[C, H, W]` or `[N]`),
    /// or nil when the shapes do not fit.
    public func cost(input: [Int]) -> NetworkLayerCost? {
        let shape: NetworkShape
        switch input.count {
        case 3: shape = .spatial(channels: input[0], rows: input[1], columns: input[2])
        case 1: shape = .flat(input[0])
        default: return nil
        }
        return try? NetworkLayerArithmetic.apply(NetworkNode(layer: layer, text: label, column: 1), to: shape)
    }
}

/// The network language read for the stack view: square convolutions and pools become the stack's
/// `LayerSpec`s; layers that keep the shape (relu, sigmoid, tanh, dropout, bn) become table-only rows.
public struct NetworkStackLayers: Hashable, Sendable {
    /// The pictured layers.
    public var layers: [LayerSpec]
    /// The layers listed in the table only.
    public var tableOnly: [NetworkTableOnlyRow]

    /// Creates the layers of a stack.
    public init(layers: [LayerSpec], tableOnly: [NetworkTableOnlyRow]) {
        self.layers = layers
        self.tableOnly = tableOnly
    }

    /// Parses `text`; refuses (with the column) layers the stack view cannot show, pointing to `cnnviz summary`.
    public static func parse(_ text: String) throws(CNNError) -> NetworkStackLayers {
        let nodes: [NetworkNode]
        do {
            nodes = try NetworkParser.parse(text)
        } catch {
            throw .invalidParameter(name: "layers", message: error.description)
        }
        var result = NetworkStackLayers(layers: [], tableOnly: [])
        var flatFrom: NetworkNode?
        for node in nodes {
            switch node.layer {
            case .elementwise, .batchNorm, .globalPool, .flatten, .fullyConnected:
                if flatFrom == nil, case .globalPool = node.layer { flatFrom = node }
                if flatFrom == nil, node.layer == .flatten { flatFrom = node }
                if flatFrom == nil, case .fullyConnected = node.layer { flatFrom = node }
                result.tableOnly.append(
                    NetworkTableOnlyRow(afterLevel: result.layers.count, label: node.text, layer: node.layer))
            default:
                if let flatFrom, spec(node.layer) != nil {
                    throw .invalidParameter(
                        name: "layers",
                        message:
                            "column \(node.column): '\(node.text)': the stack view pictures layers before '\(flatFrom.text)' (column \(flatFrom.column)) only; see the whole network with cnnviz summary"
                    )
                }
                guard let spec = spec(node.layer) else {
                    throw .invalidParameter(
                        name: "layers",
                        message:
                            "column \(node.column): '\(node.text)': the stack view pictures square conv (one group), maxpool and avgpool layers, and lists relu, sigmoid, tanh, dropout, bn, gap, gmp, flatten and fc; see the whole network with cnnviz summary"
                    )
                }
                result.layers.append(spec)
            }
        }
        guard !result.layers.isEmpty else {
            throw .invalidParameter(
                name: "layers", message: "no conv or pool layer to picture; add one, e.g. conv3,relu,conv3")
        }
        return result
    }

    /// The stack layer of a square, ungrouped convolution or a plain pool, else nil.
    static func spec(_ layer: NetworkLayer) -> LayerSpec? {
        func square(_ window: NetworkWindow) -> Bool {
            [window.kernel, window.stride, window.padding, window.dilation].allSatisfy { $0.rows == $0.columns }
        }
        switch layer {
        case .conv(let conv):
            guard square(conv.window), conv.groups == .count(1), !conv.transposed else { return nil }
            let w = conv.window
            return LayerSpec(
                kind: .conv, kernel: w.kernel.rows, stride: w.stride.rows, padding: w.padding.rows,
                dilation: w.dilation.rows, outputChannels: conv.channels, bias: conv.bias)
        case .pool(let pool):
            guard square(pool.window), !pool.ceilMode, pool.countIncludePad else { return nil }
            let w = pool.window
            return LayerSpec(
                kind: pool.isMax ? .maxPool : .avgPool, kernel: w.kernel.rows, stride: w.stride.rows,
                padding: w.padding.rows, dilation: w.dilation.rows)
        default:
            return nil
        }
    }
}
