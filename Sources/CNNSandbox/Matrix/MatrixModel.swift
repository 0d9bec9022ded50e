import CNNCore

/// The convolution-as-a-matrix sandbox: a setup, the core's matrices (or its refusal), the
/// picture shown (weight matrix, im2col, transposed matrix), names or values, and playback.
/// Step k is output k: row k of the matrix, column k of im2col and of the transposed matrix.
public struct MatrixModel: Hashable, Sendable {
    /// The three pictures.
    public enum Mode: Hashable, Sendable, CaseIterable {
        /// `y = M·x`: one matrix row per output, one column per input cell.
        case matrix
        /// `y = k·P`: the kernel as a row vector times the patch (im2col) matrix.
        case im2col
        /// `r = Mᵀ·v`: the transposed matrix maps an output-sized vector back to input size.
        case transposed

        /// The next mode, wrapping around.
        public var next: Mode {
            return nextCase
        }
    }

    /// The view-specific keys: `m` cycles the picture, `w` switches names and values.
    public static let modeKey: Character = "m"
    public static let namesKey: Character = "w"

    public private(set) var setup: ConvSetup
    /// Whether the kernel is the counting kernel 1…kH·kW (no preset chosen).
    public private(set) var countingKernel: Bool
    public private(set) var mode: Mode
    /// Whether matrix entries are written as tap names (w₀₀) rather than values.
    public private(set) var showNames: Bool
    /// The core's computation, or the message it refused the setup with.
    public private(set) var result: Result<MatrixComputation, CNNError>
    /// Set (and `result` left uncomputed) when the matrix would exceed `MatrixComputation.maximumSide`.
    public private(set) var sizeRefusal: String?
    public private(set) var inputSummary: ValueSummary
    public private(set) var kernelSummary: ValueSummary
    public private(set) var outputSummary: ValueSummary
    public var player: Player
    public var showHelp = false

    /// Creates the sandbox at step 0.
    public init(
        setup: ConvSetup, countingKernel: Bool = true, mode: Mode = .matrix, showNames: Bool = true,
        playing: Bool = true, speed: Double = 2
    ) {
        self.setup = setup
        self.countingKernel = countingKernel
        self.mode = mode
        self.showNames = showNames
        result = .failure(.invalidQuery("not computed"))
        inputSummary = ValueSummary([])
        kernelSummary = ValueSummary([])
        outputSummary = ValueSummary([])
        player = Player(stepCount: 1, playing: playing, speed: speed)
        var copy = setup
        copy.bias = nil
        replaceSetup(copy)
    }

    /// The view's defaults for flags the user did not give: the lecture notes' 4×4 input and
    /// 3×3 kernel (counting kernel 1…9 unless a preset is given).
    public init(from configuration: ExploreConfiguration, playing: Bool = true, speed: Double = 2) {
        var setup = configuration.conv
        if !configuration.gave("input") { (setup.inputRows, setup.inputColumns) = (4, 4) }
        self.init(setup: setup, countingKernel: !configuration.gave("preset"), playing: playing, speed: speed)
    }

    /// The computation when the setup is valid and small enough.
    public var computation: MatrixComputation? { sizeRefusal == nil ? try? result.get() : nil }

    /// The core's refusal, or the size refusal.
    public var errorMessage: String? {
        sizeRefusal ?? result.errorMessage
    }

    /// Applies one action.
    public mutating func apply(_ action: ExploreAction) {
        if player.applyPlayback(action) { return }
        var copy = setup
        if copy.applyEdit(action) {
            if action == .cyclePreset { countingKernel = false }
            replaceSetup(copy)
            return
        }
        switch action {
        case .viewKey(MatrixModel.modeKey): mode = mode.next
        case .viewKey(MatrixModel.namesKey): showNames.toggle()
        case .moveCursor(let rows, let columns):
            guard let computation else { return }
            player.playing = false
            player.go(to: player.step + rows * computation.outputColumns + columns)
        case .selectOutput(let row, let column):
            guard let computation, (0..<computation.outputRows).contains(row),
                (0..<computation.outputColumns).contains(column)
            else { return }
            player.playing = false
            player.go(to: row * computation.outputColumns + column)
        case .toggleHelp: showHelp.toggle()
        default: break
        }
    }

    /// Replaces the setup and recomputes, keeping the step where it still exists.
    public mutating func replaceSetup(_ newSetup: ConvSetup) {
        setup = newSetup
        if countingKernel && setup.kernelValues == nil {
            setup.kernelValues = ConvSetup.countingValues(count: setup.kernelRows * setup.kernelColumns)
        }
        // The size is checked before the input is made: a refused 4096×4096 input costs nothing.
        inputSummary = ValueSummary([])
        kernelSummary = ValueSummary(setup.kernel.data)
        sizeRefusal = nil
        do throws(CNNError) {
            let layer = try ConvLayer(
                inputShape: [1, 1, setup.inputRows, setup.inputColumns],
                weightShape: [1, 1, setup.kernelRows, setup.kernelColumns],
                hasBias: false,
                parameters: ConvParameters(stride: setup.stride, padding: setup.padding, dilation: setup.dilation))
            let outputs = layer.axes[0].outputSize * layer.axes[1].outputSize
            let inputs = setup.inputRows * setup.inputColumns
            if max(outputs, inputs) > MatrixComputation.maximumSide {
                let message = MatrixModel.tooLargeMessage(layer: layer, setup: setup)
                sizeRefusal = message
                result = .failure(.invalidQuery(message))
            } else {
                let input = setup.input
                inputSummary = ValueSummary(input.data)
                result = .success(
                    try MatrixComputation(
                        layer: layer, input: input, weight: setup.kernel,
                        vectorValues: ConvSetup.smallRampValues(count: outputs)))
            }
        } catch {
            result = .failure(error)
        }
        outputSummary = ValueSummary(computation?.output.data ?? [])
        player.resize(stepCount: computation?.outputCount ?? 1)
    }

    /// "The weight matrix of a 9×9 input is 49×81 …; use an input of at most 8×8".
    static func tooLargeMessage(layer: ConvLayer, setup: ConvSetup) -> String {
        let outputs = layer.axes[0].outputSize * layer.axes[1].outputSize
        let inputs = setup.inputRows * setup.inputColumns
        let limit = MatrixComputation.maximumSide
        let fits = largestFittingSide(setup: setup) { rows, columns in max(rows, columns) <= limit }
        let advice = fits.map { "use an input of at most \($0)×\($0) (press i)" } ?? "use a smaller input"
        return
            "the weight matrix of a \(setup.inputRows)×\(setup.inputColumns) input is \(outputs)×\(inputs) (outputs × input cells), too large to draw: this view draws at most \(limit) rows and columns; \(advice)"
    }

    /// The largest square input side, below the setup's, whose matrix (outputs × input cells, as
    /// the core sizes it with this geometry) passes `fits`; nil when none does. `fits` must hold
    /// for smaller sizes whenever it holds for larger ones (a limit): the side is found by
    /// bisection, about 24 layers for a 4096×4096 setup rather than one per side.
    public static func largestFittingSide(setup: ConvSetup, fits: (Int, Int) -> Bool) -> Int? {
        func layer(side: Int) -> ConvLayer? {
            try? ConvLayer(
                inputShape: [1, 1, side, side], weightShape: [1, 1, setup.kernelRows, setup.kernelColumns],
                hasBias: false,
                parameters: ConvParameters(stride: setup.stride, padding: setup.padding, dilation: setup.dilation))
        }
        func passes(_ side: Int) -> Bool {
            guard let layer = layer(side: side) else { return false }
            return fits(layer.axes[0].outputSize * layer.axes[1].outputSize, side * side)
        }
        let below = max(setup.inputRows, setup.inputColumns) - 1
        guard below >= 1, layer(side: below) != nil else { return nil }
        // The smallest side the core accepts (a larger input always holds the kernel).
        var low = 1
        var high = below
        while low < high {
            let middle = (low + high) / 2
            if layer(side: middle) != nil { high = middle } else { low = middle + 1 }
        }
        guard passes(low) else { return nil }
        // The largest accepted side that fits.
        high = below
        while low < high {
            let middle = (low + high + 1) / 2
            if passes(middle) { low = middle } else { high = middle - 1 }
        }
        return low
    }
}
