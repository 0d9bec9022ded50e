import CNNCore

extension OracleRunner {
    /// max_pool2d, avg_pool2d, global_avg_pool2d, global_max_pool2d.
    static let poolingHandlers: [String: Handler] = [
        "max_pool2d": { try runPooling($0, kind: .max) },
        "avg_pool2d": { try runPooling($0, kind: .average) },
        "global_max_pool2d": { ["output": JSONValue(try globalPool(.max, try $0.tensor("input")))] },
        "global_avg_pool2d": { ["output": JSONValue(try globalPool(.average, try $0.tensor("input")))] },
    ]

    /// max_pool2d (`output`, `indices`) or avg_pool2d (`output`).
    static func runPooling(_ item: OracleCase, kind: PoolKind) throws -> [String: JSONValue] {
        let inputShape = try item.tensorShape("input")
        let layer = try PoolLayer(kind: kind, inputShape: inputShape, parameters: try item.poolParameters())
        try checkOutputSize(layer.outputShape, field: "output")
        let result = try layer.forward(try item.tensor("input"))
        var fields: [String: JSONValue] = ["output": JSONValue(result.output)]
        if let indices = result.indices { fields["indices"] = JSONValue(indices) }
        return fields
    }
}

extension OracleCase {
    /// The params of max_pool2d / avg_pool2d: `kernel_size`, `stride` (absent, null or empty:
    /// the kernel size), `padding`, `dilation`, `ceil_mode`, `count_include_pad`.
    public func poolParameters() throws -> PoolParameters {
        let kernel = try ints("kernel_size", count: 2)
        let stride = try ints("stride", count: 2, default: [])
        return PoolParameters(
            kernel: kernel, stride: stride.isEmpty ? nil : stride,
            padding: try ints("padding", count: 2, default: [0, 0]),
            dilation: try ints("dilation", count: 2, default: [1, 1]),
            ceilMode: try bool("ceil_mode", default: false),
            countIncludePad: try bool("count_include_pad", default: true))
    }
}
