/// A validated 2-D max or average pooling layer over an `N×C×H×W` input: the shapes, the
/// geometry of each axis, and the operations that use them (`forward`, `trace`).
///
/// Creating one checks everything PyTorch checks, so the forward pass and traces cannot fail.
public struct PoolLayer: Hashable, Sendable {
    /// Max or average.
    public let kind: PoolKind
    /// The input shape `N×C×H×W`.
    public let inputShape: [Int]
    /// The hyperparameters as given.
    public let parameters: PoolParameters
    /// The geometry of the rows then the columns, built with `ceilMode`.
    public let axes: [AxisGeometry]

    /// Validates the input shape and hyperparameters the way PyTorch does, with messages that say what would work.
    public init(kind: PoolKind, inputShape: [Int], parameters: PoolParameters) throws(CNNError) {
        let name = kind == .max ? "max pooling" : "average pooling"
        guard inputShape.count == 4 else {
            throw .invalidShape(
                "\(name) needs an N×C×H×W input (4 dimensions), got \(Tensor.describe(inputShape)); add the missing batch or channel dimension"
            )
        }
        guard inputShape[0] >= 0, inputShape[1...].allSatisfy({ $0 >= 1 }) else {
            throw .invalidShape(
                "\(name) needs at least one channel, row and column, got input \(Tensor.describe(inputShape))")
        }
        let kernel = parameters.kernel
        let stride = parameters.effectiveStride
        try AxisNames.validatePositive(kernel, name: "kernel", rank: 2, hint: "a window covers at least one cell")
        try AxisNames.validatePositive(
            stride, name: "stride", rank: 2,
            hint: "use 1 to visit every position, or leave it out to step by the window size")
        try AxisNames.validatePositive(
            parameters.dilation, name: "dilation", rank: 2, hint: "use 1 for a contiguous window")
        let padding = parameters.padding
        guard padding.count == 2 else {
            throw .invalidParameter(
                name: "padding", message: "gives \(padding.count) values for 2 spatial axes; give one per axis")
        }
        if let bad = padding.first(where: { $0 < 0 }) {
            throw .invalidParameter(name: "padding", message: "must be 0 or more, got \(bad)")
        }
        try CoreLimits.checkValues(kernel, name: "kernel")
        try CoreLimits.checkValues(stride, name: "stride")
        try CoreLimits.checkValues(parameters.dilation, name: "dilation")
        try CoreLimits.checkValues(padding, name: "padding")
        try CoreLimits.checkValues(inputShape, name: "input shape")
        if kind == .average, parameters.dilation != [1, 1] {
            throw .invalidParameter(
                name: "dilation",
                message:
                    "average pooling has no dilation, got \(AxisNames.join(parameters.dilation)); use 1×1 or max pooling"
            )
        }
        try PoolLayer.checkPadding(kind: kind, parameters: parameters)
        let axes = (0..<2).map { axis in
            AxisGeometry(
                inputSize: inputShape[2 + axis], kernelSize: kernel[axis], stride: stride[axis],
                dilation: parameters.dilation[axis], padding: AxisPadding(padding[axis]), ceilMode: parameters.ceilMode)
        }
        let outputs = axes.map(\.outputSize)
        if outputs.contains(where: { $0 < 1 }) {
            let spans = axes.map(\.effectiveKernel)
            let padded = axes.map(\.paddedSize)
            let ceilHelps =
                !parameters.ceilMode
                && axes.allSatisfy { axis in
                    AxisGeometry(
                        inputSize: axis.inputSize, kernelSize: axis.kernelSize, stride: axis.stride,
                        dilation: axis.dilation, padding: axis.padding, ceilMode: true
                    ).outputSize >= 1
                }
            throw .outputTooSmall(
                "the \(AxisNames.join(spans)) window (stride \(AxisNames.join(stride)), padding \(AxisNames.join(padding))) does not fit the \(AxisNames.join(padded)) padded input of \(Tensor.describe(inputShape)): the output would be \(AxisNames.join(outputs)); use a smaller window\(ceilHelps ? ", ceil mode" : "") or a larger input"
            )
        }
        self.kind = kind
        self.inputShape = inputShape
        self.parameters = parameters
        self.axes = axes
    }

    /// PyTorch's rule: padding at most half the (effective) window, so no window is all padding.
    private static func checkPadding(kind: PoolKind, parameters: PoolParameters) throws(CNNError) {
        let kernel = parameters.kernel
        let padding = parameters.padding
        let spans = zip(kernel, parameters.dilation).map { k, d in d * (k - 1) + 1 }
        let limits = (kind == .max ? spans : kernel).map { $0 / 2 }
        guard zip(padding, limits).contains(where: { $0 > $1 }) else { return }
        let window =
            kind == .max && spans != kernel
            ? "the \(AxisNames.join(kernel)) window at dilation \(AxisNames.join(parameters.dilation)), which spans \(AxisNames.join(spans)),"
            : "the \(AxisNames.join(kernel)) window"
        throw .invalidParameter(
            name: "padding",
            message:
                "\(AxisNames.join(padding)) is more than half \(window) (at most \(AxisNames.join(limits))); lower the padding or enlarge the window"
        )
    }

    /// The row geometry.
    public var rowAxis: AxisGeometry { axes[0] }
    /// The column geometry.
    public var columnAxis: AxisGeometry { axes[1] }

    /// `N×C×H_out×W_out`.
    public var outputShape: [Int] { [inputShape[0], inputShape[1], axes[0].outputSize, axes[1].outputSize] }

    /// The value padding stands for: −∞ for max (it never wins), 0 for average.
    public var paddingValue: Double { kind == .max ? -.infinity : 0 }

    /// Global pooling as a layer: one window covering each whole channel plane.
    public static func global(_ kind: PoolKind, inputShape: [Int]) throws(CNNError) -> PoolLayer {
        guard inputShape.count == 4 else {
            throw .invalidShape(
                "global pooling needs an N×C×H×W input (4 dimensions), got \(Tensor.describe(inputShape)); add the missing batch or channel dimension"
            )
        }
        return try PoolLayer(
            kind: kind, inputShape: inputShape, parameters: PoolParameters(kernel: [inputShape[2], inputShape[3]]))
    }
}
