import CNNCore

extension OracleRunner {
    /// conv_transpose2d.
    static let transposedHandlers: [String: Handler] = [
        "conv_transpose2d": { try runTransposed($0) }
    ]

    static func runTransposed(_ item: OracleCase) throws -> [String: JSONValue] {
        let input = try item.tensor("input")
        let weight = try item.tensor("weight")
        let bias = try item.optionalTensor("bias")
        let parameters = TransposedConvParameters(
            stride: try item.ints("stride", count: 2, default: [1, 1]),
            padding: try item.ints("padding", count: 2, default: [0, 0]),
            outputPadding: try item.ints("output_padding", count: 2, default: [0, 0]),
            dilation: try item.ints("dilation", count: 2, default: [1, 1]),
            groups: try item.int("groups", default: 1))
        return ["output": JSONValue(try convTranspose2d(input, weight: weight, bias: bias, parameters: parameters))]
    }
}
