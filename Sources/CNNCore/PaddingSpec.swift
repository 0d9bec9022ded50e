/// Zeros added before and after one spatial axis.
public struct AxisPadding: Hashable, Sendable {
    /// Cells added before the first input cell (top or left).
    public var before: Int
    /// Cells added after the last input cell (bottom or right).
    public var after: Int

    /// Creates a padding; `before` and `after` may differ (asymmetric padding).
    public init(before: Int, after: Int) {
        self.before = before
        self.after = after
    }

    /// The same padding on both sides.
    public init(_ both: Int) {
        self.init(before: both, after: both)
    }

    /// Whether both sides are equal.
    public var isSymmetric: Bool { before == after }
}

/// How a convolution pads its input, as PyTorch and the course name it.
public enum PaddingSpec: Hashable, Sendable, CustomStringConvertible {
    /// The same number of zeros on both sides of each axis (one number per axis).
    case explicit([Int])
    /// Independent before/after padding per axis.
    case asymmetric([AxisPadding])
    /// No padding: the kernel stays wholly inside the input.
    case valid
    /// Enough padding that a stride-1 output has the input's size; an odd extra row or
    /// column goes at the bottom or right, as in PyTorch.
    case same
    /// Padding `d·(k−1)` on both sides: every position where the kernel touches the input.
    case full

    /// Resolves the padding of each axis for the given kernel, dilation and stride.
    public func resolve(kernel: [Int], dilation: [Int], stride: [Int]) throws(CNNError) -> [AxisPadding] {
        var spans: [Int] = []
        for (k, d) in zip(kernel, dilation) {
            guard let span = CheckedInt.dilatedSpan(kernel: k, dilation: d), span <= CoreLimits.largestValue else {
                throw .invalidParameter(
                    name: "dilation",
                    message:
                        "\(d) with a kernel of \(k) spans more than the largest size the core accepts, \(CoreLimits.largestValue); use a smaller dilation or kernel"
                )
            }
            spans.append(span - 1)
        }
        switch self {
        case .explicit(let values):
            guard values.count == kernel.count else {
                throw .invalidParameter(
                    name: "padding",
                    message: "gives \(values.count) values for \(kernel.count) spatial axes; give one per axis")
            }
            if let bad = values.first(where: { $0 < 0 }) {
                throw .invalidParameter(name: "padding", message: "must be 0 or more, got \(bad)")
            }
            try CoreLimits.checkValues(values, name: "padding")
            return values.map(AxisPadding.init)
        case .asymmetric(let values):
            guard values.count == kernel.count else {
                throw .invalidParameter(
                    name: "padding",
                    message:
                        "gives \(values.count) before/after pairs for \(kernel.count) spatial axes; give one per axis")
            }
            if let bad = values.first(where: { $0.before < 0 || $0.after < 0 }) {
                throw .invalidParameter(
                    name: "padding", message: "must be 0 or more, got \(bad.before) before and \(bad.after) after")
            }
            try CoreLimits.checkValues(values.flatMap { [$0.before, $0.after] }, name: "padding")
            return values
        case .valid:
            return kernel.map { _ in AxisPadding(0) }
        case .same:
            if let s = stride.first(where: { $0 != 1 }) {
                throw .invalidParameter(
                    name: "padding",
                    message:
                        "'same' keeps the input size only at stride 1, but the stride is \(s); use stride 1 or give the padding as a number"
                )
            }
            return spans.map { AxisPadding(before: $0 / 2, after: $0 - $0 / 2) }
        case .full:
            return spans.map(AxisPadding.init)
        }
    }

    /// `valid`, `same`, `full`, `1` or `1,2` or `0:1,1:0` (before:after per axis).
    public var description: String {
        switch self {
        case .valid: return "valid"
        case .same: return "same"
        case .full: return "full"
        case .explicit(let values):
            return Set(values).count == 1 ? String(values[0]) : values.map(String.init).joined(separator: ",")
        case .asymmetric(let values):
            return values.map { $0.isSymmetric ? String($0.before) : "\($0.before):\($0.after)" }.joined(separator: ",")
        }
    }
}
