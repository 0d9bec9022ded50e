import CNNCore

extension OracleRunner {
    /// conv1d and conv2d, forward and (with `grad_output`) backward.
    static let convolutionHandlers: [String: Handler] = [
        "conv1d": { try runConvolution($0, spatialRank: 1) },
        "conv2d": { try runConvolution($0, spatialRank: 2) },
    ]

    /// Validates the layer from the shapes and parameters, checks its bounds, and only then
    /// reads the data and computes.
    static func runConvolution(_ item: OracleCase, spatialRank rank: Int) throws -> [String: JSONValue] {
        let inputShape = try item.tensorShape("input")
        let weightShape = try item.tensorShape("weight")
        guard inputShape.count == rank + 2 else {
            throw CNNError.invalidShape(
                "input: \(item.op) needs an input of \(rank + 2) dimensions (\(rank == 1 ? "N×C×L" : "N×C×H×W")), got \(inputShape.count): \(Tensor.describe(inputShape))"
            )
        }
        let hasBias = item.raw["bias"].map { $0 != .null } ?? false
        let ones = Array(repeating: 1, count: rank)
        let parameters = ConvParameters(
            stride: try item.ints("stride", count: rank, default: ones),
            padding: try item.paddingSpec(count: rank),
            dilation: try item.ints("dilation", count: rank, default: ones),
            groups: try item.int("groups", default: 1))
        let layer = try ConvLayer(
            inputShape: inputShape, weightShape: weightShape, hasBias: hasBias, parameters: parameters)
        try layer.checkComputeBounds()
        try checkOutputSize(layer.outputShape, field: "output")
        let input = try item.tensor("input")
        let weight = try item.tensor("weight")
        let bias = try item.optionalTensor("bias")
        var result: [String: JSONValue] = [
            "output": JSONValue(try layer.forward(input: input, weight: weight, bias: bias))
        ]
        if let gradOutput = try item.optionalTensor("grad_output") {
            for (key, value) in try convolutionGradients(layer, input: input, weight: weight, gradOutput: gradOutput) {
                result[key] = value
            }
        }
        return result
    }
}
