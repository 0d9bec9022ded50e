import CNNCore

extension OracleRunner {
    /// `grad_input`, `grad_weight` and (with a bias) `grad_bias` for a convolution.
    static func convolutionGradients(
        _ layer: ConvLayer, input: Tensor, weight: Tensor, gradOutput: Tensor
    ) throws -> [String: JSONValue] {
        let gradients = try layer.backward(input: input, weight: weight, gradOutput: gradOutput)
        var result: [String: JSONValue] = [
            "grad_input": JSONValue(gradients.input),
            "grad_weight": JSONValue(gradients.weight),
        ]
        if let bias = gradients.bias {
            result["grad_bias"] = JSONValue(bias)
        }
        return result
    }
}
