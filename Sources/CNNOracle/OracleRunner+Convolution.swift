import CNNCore

extension OracleRunner {
    /// conv1d and conv2d, forward and (with `grad_output`) backward.
    static let convolutionHandlers: [String: Handler] = [
        "conv1d": { try runConvolution($0, spatialRank: 1) },
        "conv2d": { try runConvolution($0, spatialRank: 2) },
    ]

    static func runConvolution(_ item: OracleCase, spatialRank rank: Int) throws -> [String: JSONValue] {
        let input = try item.tensor("input")
        let weight = try item.tensor("weight")
        let bias = try item.optionalTensor("bias")
        let ones = Array(repeating: 1, count: rank)
        let parameters = ConvParameters(
            stride: try item.ints("stride", count: rank, default: ones),
            padding: try item.paddingSpec(count: rank),
            dilation: try item.ints("dilation", count: rank, default: ones),
            groups: try item.int("groups", default: 1))
        let layer = try ConvLayer(
            inputShape: input.shape, weightShape: weight.shape, hasBias: bias != nil, parameters: parameters)
        guard layer.spatialRank == rank else {
            throw CNNError.invalidShape(
                "\(item.op) needs an input of \(rank + 2) dimensions, got \(Tensor.describe(input.shape))")
        }
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
