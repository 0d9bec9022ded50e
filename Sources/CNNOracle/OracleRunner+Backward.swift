import CNNCore

extension OracleRunner {
    /// `grad_input`, `grad_weight` and (with a bias) `grad_bias` for a convolution.
    static func convolutionGradients(
        _ layer: ConvLayer, input: Tensor, weight: Tensor, gradOutput: Tensor
    ) throws -> [String: JSONValue] {
        throw OracleFormatError(message: "conv backward is not built yet")
    }
}
