import CNNCore

/// Everything the convolution sandbox lets a student change: sizes, geometry, and the
/// values in the input and kernel. Edits clamp to legal ranges of each number on its own;
/// combinations the core refuses (a kernel larger than the padded input) stay possible so
/// the student can see the refusal and fix it.
public struct ConvSetup: Hashable, Sendable {
    public var inputRows: Int
    public var inputColumns: Int
    public var kernelRows: Int
    public var kernelColumns: Int
    /// Stride per axis (rows, columns).
    public var stride: [Int]
    public var padding: PaddingSpec
    /// Dilation per axis (rows, columns).
    public var dilation: [Int]
    public var preset: KernelPreset
    public var pattern: InputPattern
    public var seed: UInt64
    /// A bias added to every output, or nil for none.
    public var bias: Double?
    /// Explicit input values (row-major), overriding the pattern when the size matches.
    public var inputValues: [Double]?
    /// Explicit kernel values (row-major), overriding the preset when the size matches.
    public var kernelValues: [Double]?

    /// Largest input side offered by the `I` key (larger inputs can be given with --input).
    public static let maximumInputSide = 64
    /// Largest kernel side offered by the `K` key.
    public static let maximumKernelSide = 9
    /// Largest stride, padding and dilation offered by the keys.
    public static let maximumStep = 9

    /// Creates a setup; the defaults are the sandbox's opening picture (7×7 random input, 3×3 vertical edge).
    public init(
        inputRows: Int = 7, inputColumns: Int = 7, kernelRows: Int = 3, kernelColumns: Int = 3,
        stride: [Int] = [1, 1], padding: PaddingSpec = .explicit([0, 0]), dilation: [Int] = [1, 1],
        preset: KernelPreset = .verticalEdge, pattern: InputPattern = .random, seed: UInt64 = 1,
        bias: Double? = nil, inputValues: [Double]? = nil, kernelValues: [Double]? = nil
    ) {
        self.inputRows = inputRows
        self.inputColumns = inputColumns
        self.kernelRows = kernelRows
        self.kernelColumns = kernelColumns
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.preset = preset
        self.pattern = pattern
        self.seed = seed
        self.bias = bias
        self.inputValues = inputValues
        self.kernelValues = kernelValues
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

    /// The kernel as a `1×1×kH×kW` tensor.
    public var kernel: Tensor {
        let count = kernelRows * kernelColumns
        let values =
            kernelValues.flatMap { $0.count == count ? $0 : nil }
            ?? preset.weights(rows: kernelRows, columns: kernelColumns, seed: seed &+ 1000)
        return Tensor.sized([1, 1, kernelRows, kernelColumns], values)
    }

    /// The bias as a one-value tensor, or nil.
    public var biasTensor: Tensor? {
        bias.map { Tensor.sized([1], [$0]) }
    }

    /// The core's convolution for this setup, or its refusal.
    public func compute() -> Result<ConvComputation, CNNError> {
        compute(input: input, kernel: kernel)
    }

    /// The core's layer for this setup's sizes and geometry, checked against the core's bounds
    /// (no input is made: a refused 4096×4096 setup is refused at once).
    public func checkedLayer() throws(CNNError) -> ConvLayer {
        let layer = try ConvLayer(
            inputShape: [1, 1, inputRows, inputColumns], weightShape: [1, 1, kernelRows, kernelColumns],
            hasBias: bias != nil, parameters: ConvParameters(stride: stride, padding: padding, dilation: dilation))
        try layer.checkComputeBounds()
        return layer
    }

    /// The core's convolution of given input and kernel tensors with this setup's geometry.
    public func compute(input: Tensor, kernel: Tensor) -> Result<ConvComputation, CNNError> {
        do throws(CNNError) {
            let layer = try checkedLayer()
            return .success(try ConvComputation(layer: layer, input: input, weight: kernel, bias: biasTensor))
        } catch {
            return .failure(error)
        }
    }

    // MARK: Edits

    /// Adds `delta` to both strides, keeping them in 1…9.
    public mutating func changeStride(by delta: Int) {
        stride = stride.map { clamp($0 + delta, 1, ConvSetup.maximumStep) }
        if stride != [1, 1] && padding == .same {
            padding = .explicit(sameAsNumbers())
        }
    }

    /// Adds `delta` to the padding of both axes (0…9); a named mode becomes numbers first.
    public mutating func changePadding(by delta: Int) {
        let current: [Int]
        switch padding {
        case .explicit(let values): current = values
        case .asymmetric(let values): current = values.map { max($0.before, $0.after) }
        case .valid: current = [0, 0]
        case .same: current = sameAsNumbers()
        case .full: current = zip([kernelRows, kernelColumns], dilation).map { $1 * ($0 - 1) }
        }
        padding = .explicit(current.map { clamp($0 + delta, 0, ConvSetup.maximumStep) })
    }

    /// Cycles numbers → valid → same → full → numbers (same only at stride 1).
    public mutating func cyclePaddingMode() {
        switch padding {
        case .explicit, .asymmetric: padding = .valid
        case .valid: padding = stride == [1, 1] ? .same : .full
        case .same: padding = .full
        case .full: padding = .explicit([0, 0])
        }
    }

    /// Adds `delta` to both dilations (1…9).
    public mutating func changeDilation(by delta: Int) {
        dilation = dilation.map { clamp($0 + delta, 1, ConvSetup.maximumStep) }
    }

    /// Grows or shrinks the kernel by `delta` on both sides (1…9); explicit values are dropped.
    public mutating func changeKernelSize(by delta: Int) {
        kernelRows = clamp(kernelRows + delta, 1, ConvSetup.maximumKernelSide)
        kernelColumns = clamp(kernelColumns + delta, 1, ConvSetup.maximumKernelSide)
        kernelValues = nil
    }

    /// Grows or shrinks the input by `delta` on both sides (1…64); explicit values are dropped.
    public mutating func changeInputSize(by delta: Int) {
        inputRows = clamp(inputRows + delta, 1, max(ConvSetup.maximumInputSide, inputRows))
        inputColumns = clamp(inputColumns + delta, 1, max(ConvSetup.maximumInputSide, inputColumns))
        inputValues = nil
    }

    /// The next kernel preset; explicit values are dropped.
    public mutating func cyclePreset() {
        preset = preset.next
        kernelValues = nil
    }

    /// New random input values (and a new random kernel when that preset is chosen).
    public mutating func reseed() {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        pattern = .random
        inputValues = nil
    }

    private func sameAsNumbers() -> [Int] {
        zip([kernelRows, kernelColumns], dilation).map { ($1 * ($0 - 1) + 1) / 2 }
    }

    private func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int {
        min(max(value, low), high)
    }
}
