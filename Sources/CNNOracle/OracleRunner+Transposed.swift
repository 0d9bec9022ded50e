import CNNCore

extension OracleRunner {
    /// conv_transpose2d.
    static let transposedHandlers: [String: Handler] = [
        "conv_transpose2d": { try runTransposed($0) }
    ]

    /// Validates the layer from the shapes and parameters, checks its bounds, then reads the data.
    static func runTransposed(_ item: OracleCase) throws -> [String: JSONValue] {
        let inputShape = try item.tensorShape("input")
        let weightShape = try item.tensorShape("weight")
        guard inputShape.count == 4 else {
            throw CNNError.invalidShape(
                "input: conv_transpose2d needs an input of 4 dimensions (N×C×H×W), got \(inputShape.count): \(Tensor.describe(inputShape))"
            )
        }
        let parameters = TransposedConvParameters(
            stride: try item.ints("stride", count: 2, default: [1, 1]),
            padding: try item.ints("padding", count: 2, default: [0, 0]),
            outputPadding: try item.ints("output_padding", count: 2, default: [0, 0]),
            dilation: try item.ints("dilation", count: 2, default: [1, 1]),
            groups: try item.int("groups", default: 1))
        let hasBias = item.raw["bias"].map { $0 != .null } ?? false
        let layer = try TransposedConvLayer(
            inputShape: inputShape, weightShape: weightShape, hasBias: hasBias, parameters: parameters)
        try layer.checkComputeBounds()
        try checkOutputSize(layer.outputShape, field: "output")
        let input = try item.tensor("input")
        let weight = try item.tensor("weight")
        let bias = try item.optionalTensor("bias")
        return ["output": JSONValue(try convTranspose2d(input, weight: weight, bias: bias, parameters: parameters))]
    }
}
