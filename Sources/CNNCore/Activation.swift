/// The activation a layer applies to each value its sum produced: none, or the rectified linear
/// unit `max(0, z)` (NaN stays NaN, as in `torch.relu`; the same rule as `relu(_:)`).
public enum Activation: String, CaseIterable, Hashable, Sendable {
    /// The sum itself.
    case none
    /// `max(0, z)`.
    case relu

    /// The activation of one value.
    public func apply(_ value: Double) -> Double {
        switch self {
        case .none: return value
        case .relu: return value > 0 || value.isNaN ? value : 0
        }
    }

    /// The activation of one value, with what went in, for a view to write out.
    public func trace(_ value: Double) -> ActivationTrace {
        ActivationTrace(activation: self, input: value, output: apply(value))
    }

    /// The activation of every value of a tensor.
    public func apply(_ tensor: Tensor) -> Tensor {
        var output = tensor
        for index in output.data.indices { output.data[index] = apply(output.data[index]) }
        return output
    }
}

/// One value through an activation: the sum that went in and the value that came out. A view
/// draws `output` and writes `max(0, input) = output` from it, so what is shown is what was traced.
public struct ActivationTrace: Hashable, Sendable {
    /// The activation applied.
    public let activation: Activation
    /// The value before it (the convolution's sum, bias included).
    public let input: Double
    /// The value after it.
    public let output: Double

    /// Whether ReLU replaced the value by zero.
    public var clipped: Bool { output != input && !(output.isNaN && input.isNaN) }
}
