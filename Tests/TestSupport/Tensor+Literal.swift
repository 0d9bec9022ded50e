import CNNCore

extension Tensor {
    /// A tensor written out in a test. A shape that does not match its data gives NaNs, so every
    /// expectation on it fails loudly instead of the test process trapping.
    public static func literal(shape: [Int], data: [Double]) -> Tensor {
        (try? Tensor(shape: shape, data: data)) ?? Tensor(shape: shape, repeating: .nan)
    }
}
