import CNNCore

extension Tensor {
    /// A tensor whose data a setup made for exactly this shape (a pattern, a preset, checked values).
    /// Should the count ever disagree, the tensor is zeros of the shape rather than a crash.
    static func sized(_ shape: [Int], _ data: [Double]) -> Tensor {
        (try? Tensor(shape: shape, data: data)) ?? Tensor(shape: shape)
    }
}
