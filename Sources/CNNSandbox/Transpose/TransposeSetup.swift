import CNNCore

/// What the transposed-convolution view lets a student change: the convolution settings
/// (input and kernel size and values, stride, padding, dilation) plus `output_padding`.
/// Combinations the core refuses stay possible, so the refusal can be read and fixed.
public struct TransposeSetup: Hashable, Sendable {
    /// Input size and values, kernel size and values, stride, padding (numbers), dilation.
    public var conv: ConvSetup
    /// Extra rows and columns at the bottom/right of the output (rows, columns).
    public var outputPadding: [Int]
    /// Whether the kernel is the counting kernel 1…kH·kW (no preset chosen).
    public var countingKernel: Bool
    /// Whether the input is the small ramp 1…9 (no fill chosen, no new random input drawn).
    public var smallRampInput: Bool

    /// Creates a setup from explicit settings.
    public init(
        conv: ConvSetup, outputPadding: [Int] = [0, 0], countingKernel: Bool = true, smallRampInput: Bool = true
    ) {
        self.conv = conv
        self.outputPadding = outputPadding
        self.countingKernel = countingKernel
        self.smallRampInput = smallRampInput
        refreshValues()
    }

    /// The view's defaults for flags the user did not give: a 2×2 input 1 2 / 3 4, the 3×3
    /// counting kernel, stride 2.
    public init(configuration: ExploreConfiguration) {
        var conv = configuration.conv
        if !configuration.gave("input") { (conv.inputRows, conv.inputColumns) = (2, 2) }
        if !configuration.gave("stride") { conv.stride = [2, 2] }
        conv.bias = nil
        self.init(
            conv: conv, outputPadding: configuration.outputPadding, countingKernel: !configuration.gave("preset"),
            smallRampInput: !configuration.gave("fill"))
    }

    /// The input as a `1×1×H×W` tensor.
    public var input: Tensor { conv.input }
    /// The kernel as a `1×1×kH×kW` tensor (a transposed weight is `Cin×Cout×kH×kW`; both are 1 here).
    public var kernel: Tensor { conv.kernel }

    /// The padding of each axis as numbers (a transposed convolution crops both sides equally).
    public func paddingNumbers() throws(CNNError) -> [Int] {
        let pads = try conv.padding.resolve(
            kernel: [conv.kernelRows, conv.kernelColumns], dilation: conv.dilation, stride: conv.stride)
        if let uneven = pads.first(where: { !$0.isSymmetric }) {
            throw .invalidParameter(
                name: "padding",
                message:
                    "a transposed convolution crops both sides equally, but this padding is \(uneven.before) before and \(uneven.after) after; give one number per axis"
            )
        }
        return pads.map(\.before)
    }

    /// The core's transposed convolution of this setup, or its refusal.
    public func compute() -> Result<TransposeComputation, CNNError> {
        do throws(CNNError) {
            let parameters = TransposedConvParameters(
                stride: conv.stride, padding: try paddingNumbers(), outputPadding: outputPadding,
                dilation: conv.dilation)
            let layer = try TransposedConvLayer(
                inputShape: [1, 1, conv.inputRows, conv.inputColumns],
                weightShape: [1, 1, conv.kernelRows, conv.kernelColumns],
                hasBias: false, parameters: parameters)
            try ViewLimits.checkPicture(
                rows: layer.outputShape[2], columns: layer.outputShape[3], of: "output", in: "transpose",
                change: "use a smaller input, stride, dilation or kernel", limit: ViewLimits.maxTwoWayPictureCells)
            return .success(try TransposeComputation(layer: layer, input: input, weight: kernel))
        } catch {
            return .failure(error)
        }
    }

    /// Largest output padding offered by the `U` key.
    public static let maximumOutputPadding = 8

    /// Adds `delta` to the output padding of both axes (0…8); the core says when it is too large.
    public mutating func changeOutputPadding(by delta: Int) {
        outputPadding = outputPadding.map { min(max(0, $0 + delta), TransposeSetup.maximumOutputPadding) }
    }

    /// Applies a generic edit; the padding-mode key does nothing here (the padding is a number).
    /// Returns whether the action was an edit.
    public mutating func applyEdit(_ action: ExploreAction) -> Bool {
        if action == .cyclePaddingMode { return false }
        guard conv.applyEdit(action) else { return false }
        if action == .newRandomInput { smallRampInput = false }
        if action == .cyclePreset { countingKernel = false }
        refreshValues()
        return true
    }

    /// Refills the counting kernel and the small ramp input after a size change.
    private mutating func refreshValues() {
        if countingKernel && conv.kernelValues == nil {
            conv.kernelValues = ConvSetup.countingValues(count: conv.kernelRows * conv.kernelColumns)
        }
        // Each output side is at least the input side less both paddings ((n−1)·s − 2p + d(k−1) +
        // output_padding + 1 ≥ n − 2p), so an input whose sides less the padding already exceed the
        // view's output limit is refused: its ramp is not made (a refused 4096×4096 setup costs nothing).
        let cells = conv.inputRows * conv.inputColumns
        let pads = (try? paddingNumbers()) ?? [0, 0]
        let least = max(0, conv.inputRows - 2 * (pads.first ?? 0)) * max(0, conv.inputColumns - 2 * (pads.last ?? 0))
        if smallRampInput && conv.inputValues == nil && least <= ViewLimits.maxTwoWayPictureCells {
            conv.inputValues = ConvSetup.smallRampValues(count: cells)
        }
    }
}
