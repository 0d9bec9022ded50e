import CNNCore

extension OracleRunner {
    /// receptive_field.
    static let receptiveFieldHandlers: [String: Handler] = [
        "receptive_field": { try runReceptiveField($0) }
    ]

    /// Builds the stack (refusing what PyTorch refuses), then reports the last layer's output
    /// size and the input mask of the cell at `output_position`.
    static func runReceptiveField(_ item: OracleCase) throws -> [String: JSONValue] {
        guard let list = item.params["layers"]?.array else {
            throw OracleFormatError(
                message: "case \(OracleText.quoted(item.name)) (receptive_field) needs params.layers, a list of layers")
        }
        let layers = try list.enumerated().map { index, layer in try layerSpec(layer, number: index + 1, in: item) }
        let stack = try LayerStack(layers: layers, inputSize: try item.ints("input_size", count: 2))
        let position = try item.ints("output_position", count: 2)
        guard position.count == 2 else {
            throw OracleFormatError(
                message: "case \(OracleText.quoted(item.name)): params.output_position should be [row, column]")
        }
        let mask = try stack.mask(level: stack.depth, row: position[0], column: position[1])
        let input = stack.sizes[0]
        let tensor = try Tensor(shape: input, data: mask.flatMap { $0.map { $0 ? 1.0 : 0.0 } })
        return [
            "output_size": .array(stack.sizes[stack.depth].map { .integer($0) }),
            "mask": JSONValue(tensor),
        ]
    }

    /// One oracle `{type, kernel_size, stride, padding, dilation}` object as a layer. Sizes may be a
    /// number or an equal `[h, w]` pair; stride defaults as in PyTorch (the kernel for pools).
    public static func layerSpec(_ layer: JSONValue, number: Int, in item: OracleCase) throws -> LayerSpec {
        let kinds: [String: LayerKind] = ["conv": .conv, "max_pool": .maxPool, "avg_pool": .avgPool]
        guard let type = layer["type"]?.string, let kind = kinds[type] else {
            throw OracleFormatError(
                message:
                    "case \(OracleText.quoted(item.name)): layer \(number) needs a type of conv, max_pool or avg_pool")
        }
        func value(_ key: String) throws -> Int? {
            guard let field = layer[key], field != .null else { return nil }
            if let single = field.integer { return single }
            if let pair = field.array?.compactMap(\.integer), pair.count == 2, pair[0] == pair[1] { return pair[0] }
            throw OracleFormatError(
                message:
                    "case \(OracleText.quoted(item.name)): layer \(number) \(key) should be a whole number (or an equal pair)"
            )
        }
        guard let kernel = try value("kernel_size") else {
            throw OracleFormatError(message: "case \(OracleText.quoted(item.name)): layer \(number) needs kernel_size")
        }
        return LayerSpec(
            kind: kind, kernel: kernel, stride: try value("stride"), padding: try value("padding") ?? 0,
            dilation: try value("dilation") ?? 1)
    }
}
