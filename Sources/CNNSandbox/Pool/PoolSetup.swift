import CNNCore

/// Everything the pooling sandbox lets a student change. Edits clamp each number to a legal
/// range on its own; combinations the core refuses (padding above half the window, a dilated
/// average) stay possible so the student sees the refusal and can fix it.
public struct PoolSetup: Hashable, Sendable {
    /// Max or average (global mode too; k-max ignores it).
    public var kind: PoolKind
    /// Window, global or k-max.
    public var mode: PoolMode
    public var inputRows: Int
    public var inputColumns: Int
    /// Window size (rows, columns).
    public var window: [Int]
    /// Stride (rows, columns); nil means "the window size", PyTorch's default.
    public var stride: [Int]?
    /// Padding per axis, the same before and after (−∞ for max, 0 for average).
    public var padding: [Int]
    /// Dilation per axis (max only: the core refuses a dilated average).
    public var dilation: [Int]
    /// PyTorch's `ceil_mode`.
    public var ceilMode: Bool
    /// PyTorch's `count_include_pad` (average only).
    public var countIncludePad: Bool
    /// How many values k-max pooling keeps.
    public var k: Int
    public var pattern: InputPattern
    public var seed: UInt64
    /// Explicit input values (row-major), overriding the pattern when the size matches.
    public var inputValues: [Double]?

    /// Largest window side, stride, padding and dilation offered by the keys.
    public static let maximumStep = 9
    /// Largest k offered by the keys.
    public static let maximumK = 64

    /// Creates a setup; the defaults are max pooling with a 2×2 window at its own stride.
    public init(
        kind: PoolKind = .max, mode: PoolMode = .window, inputRows: Int = 4, inputColumns: Int = 4,
        window: [Int] = [2, 2], stride: [Int]? = nil, padding: [Int] = [0, 0], dilation: [Int] = [1, 1],
        ceilMode: Bool = false, countIncludePad: Bool = true, k: Int = 3, pattern: InputPattern = .poolExample,
        seed: UInt64 = 1, inputValues: [Double]? = nil
    ) {
        self.kind = kind
        self.mode = mode
        self.inputRows = inputRows
        self.inputColumns = inputColumns
        self.window = window
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.ceilMode = ceilMode
        self.countIncludePad = countIncludePad
        self.k = k
        self.pattern = pattern
        self.seed = seed
        self.inputValues = inputValues
    }

    /// The setup the `explore` flags describe. The window is `--kernel` (2×2 when not given), the
    /// stride `--stride` (the window when not given). Pooling pads both sides of an axis alike,
    /// so a padding the flags give unevenly is refused.
    public init(configuration: ExploreConfiguration) throws(CNNError) {
        let conv = configuration.conv
        self.init(
            kind: configuration.poolKind, inputRows: conv.inputRows, inputColumns: conv.inputColumns,
            window: configuration.gave("kernel") ? [conv.kernelRows, conv.kernelColumns] : [2, 2],
            stride: configuration.gave("stride") ? conv.stride : nil, dilation: conv.dilation,
            ceilMode: configuration.ceilMode, countIncludePad: configuration.countIncludePad,
            pattern: conv.pattern, seed: conv.seed, inputValues: conv.inputValues)
        padding = try PoolSetup.symmetricPadding(
            conv.padding, window: window, dilation: dilation, stride: effectiveStride)
    }

    /// The padding numbers of a padding spec, refused when an axis is padded unevenly.
    static func symmetricPadding(_ spec: PaddingSpec, window: [Int], dilation: [Int], stride: [Int]) throws(CNNError)
        -> [Int]
    {
        let axes = try spec.resolve(kernel: window, dilation: dilation, stride: stride)
        if let uneven = axes.first(where: { !$0.isSymmetric }) {
            throw .invalidParameter(
                name: "padding",
                message:
                    "pooling pads both sides of an axis alike, but '\(spec)' asks for \(uneven.before) before and \(uneven.after) after; give one number per axis, e.g. \(max(uneven.before, uneven.after))"
            )
        }
        return axes.map(\.before)
    }

    /// The stride in use: the given one, or the window.
    public var effectiveStride: [Int] { stride ?? window }

    /// The core's hyperparameters for window mode.
    public var parameters: PoolParameters {
        PoolParameters(
            kernel: window, stride: stride, padding: padding, dilation: dilation, ceilMode: ceilMode,
            countIncludePad: countIncludePad)
    }

    /// The input as a `1×1×H×W` tensor.
    public var input: Tensor { inputWithSummary.input }

    /// The input and its summary (`ValueSummary(input.data)`, found while a pattern is made).
    public var inputWithSummary: (input: Tensor, summary: ValueSummary) {
        let count = inputRows * inputColumns
        if let values = inputValues, values.count == count {
            return (Tensor.sized([1, 1, inputRows, inputColumns], values), ValueSummary(values))
        }
        let made = pattern.valuesWithSummary(rows: inputRows, columns: inputColumns, seed: seed)
        return (Tensor.sized([1, 1, inputRows, inputColumns], made.values), made.summary)
    }

    /// The core's pooling of an input in this setup's mode, or its refusal.
    public func compute(input: Tensor) -> Result<PoolComputation, CNNError> {
        do throws(CNNError) {
            switch mode {
            case .window:
                let layer = try PoolLayer(kind: kind, inputShape: input.shape, parameters: parameters)
                return .success(try PoolComputation(window: layer, input: input))
            case .global:
                return .success(try PoolComputation(global: kind, input: input))
            case .kMax:
                return .success(try PoolComputation(kMax: k, input: input))
            }
        } catch {
            return .failure(error)
        }
    }

    // MARK: Edits

    /// Adds `delta` to both strides (1…9), starting from the window when no stride was set.
    public mutating func changeStride(by delta: Int) {
        stride = effectiveStride.map { clamp($0 + delta, 1, PoolSetup.maximumStep) }
    }

    /// Adds `delta` to the padding of both axes (0…9).
    public mutating func changePadding(by delta: Int) {
        padding = padding.map { clamp($0 + delta, 0, PoolSetup.maximumStep) }
    }

    /// Adds `delta` to both dilations (1…9).
    public mutating func changeDilation(by delta: Int) {
        dilation = dilation.map { clamp($0 + delta, 1, PoolSetup.maximumStep) }
    }

    /// Grows or shrinks the window by `delta` on both sides (1…9); a stride left at its default follows it.
    public mutating func changeWindow(by delta: Int) {
        window = window.map { clamp($0 + delta, 1, PoolSetup.maximumStep) }
    }

    /// Adds `delta` to k (1…64; the core refuses a k larger than the plane).
    public mutating func changeK(by delta: Int) {
        k = clamp(k + delta, 1, PoolSetup.maximumK)
    }

    /// Grows or shrinks the input by `delta` on both sides (1…64); explicit values are dropped.
    public mutating func changeInputSize(by delta: Int) {
        inputRows = clamp(inputRows + delta, 1, max(ConvSetup.maximumInputSide, inputRows))
        inputColumns = clamp(inputColumns + delta, 1, max(ConvSetup.maximumInputSide, inputColumns))
        inputValues = nil
    }

    /// New random input values.
    public mutating func reseed() {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        pattern = .random
        inputValues = nil
    }

    private func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int {
        min(max(value, low), high)
    }
}
