import CNNCore

/// The backpropagation sandbox: a convolution, an upstream gradient `dL/dY` (small whole
/// numbers from a seed), and which gradient is animated — `dL/dK` tap by tap or `dL/dX` cell by
/// cell. Pure state; every number comes from the core.
public struct BackpropModel: Hashable, Sendable {
    /// Which gradient the steps walk through.
    public enum Mode: Hashable, Sendable {
        /// `dL/dK`: one step per kernel tap.
        case weight
        /// `dL/dX`: one step per input cell.
        case input
    }

    /// The view-specific keys: `x` switches dL/dK ↔ dL/dX, `y` draws a new dL/dY.
    public static let modeKey: Character = "x"
    public static let rerollKey: Character = "y"

    public private(set) var setup: ConvSetup
    public private(set) var countingKernel: Bool
    /// The seed of `dL/dY`'s values.
    public private(set) var gradientSeed: UInt64
    public private(set) var mode: Mode
    /// The core's computation, or the message it refused the setup with.
    public private(set) var result: Result<BackpropComputation, CNNError>
    public private(set) var inputSummary: ValueSummary
    public private(set) var kernelSummary: ValueSummary
    public private(set) var gradientSummary: ValueSummary
    /// Colour scale and width of the gradient being built (dL/dK or dL/dX).
    public private(set) var resultSummary: ValueSummary
    public var player: Player
    public var showHelp = false

    /// Creates the sandbox at step 0.
    public init(
        setup: ConvSetup, countingKernel: Bool = true, gradientSeed: UInt64 = 1, mode: Mode = .weight,
        playing: Bool = true, speed: Double = 2
    ) {
        self.setup = setup
        self.countingKernel = countingKernel
        self.gradientSeed = gradientSeed
        self.mode = mode
        result = .failure(.invalidQuery("not computed"))
        inputSummary = ValueSummary([])
        kernelSummary = ValueSummary([])
        gradientSummary = ValueSummary([])
        resultSummary = ValueSummary([])
        player = Player(stepCount: 1, playing: playing, speed: speed)
        var copy = setup
        copy.bias = nil
        replaceSetup(copy)
    }

    /// The view's defaults for flags the user did not give: a 5×5 input and the 3×3 kernel
    /// K = [[1,2,3],[4,5,6],[7,8,9]] of the lecture notes.
    public init(from configuration: ExploreConfiguration, playing: Bool = true, speed: Double = 2) {
        var setup = configuration.conv
        if !configuration.gave("input") { (setup.inputRows, setup.inputColumns) = (5, 5) }
        self.init(
            setup: setup, countingKernel: !configuration.gave("preset"), gradientSeed: setup.seed, playing: playing,
            speed: speed)
    }

    /// The computation when the setup is valid.
    public var computation: BackpropComputation? { try? result.get() }

    /// The refusal message when the setup is invalid.
    public var errorMessage: String? {
        result.errorMessage
    }

    /// `dL/dY`'s values for an output size: whole numbers −2…3 from the gradient seed.
    public static func gradientValues(count: Int, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed &+ 77)
        return (0..<count).map { _ in Double(random.integer(in: -2...3)) }
    }

    /// Steps of a mode: kernel taps or input cells.
    public func stepCount(in mode: Mode) -> Int {
        switch mode {
        case .weight: return setup.kernelRows * setup.kernelColumns
        case .input: return setup.inputRows * setup.inputColumns
        }
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
        case .viewKey(BackpropModel.modeKey):
            mode = mode == .weight ? .input : .weight
            player.go(to: 0)
            replaceSetup(setup)
        case .viewKey(BackpropModel.rerollKey):
            gradientSeed = gradientSeed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            replaceSetup(setup)
        case .moveCursor(let rows, let columns):
            player.playing = false
            let width = mode == .weight ? setup.kernelColumns : setup.inputColumns
            player.go(to: player.step + rows * width + columns)
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
        do throws(CNNError) {
            try ViewLimits.checkPicture(
                rows: setup.inputRows, columns: setup.inputColumns, of: "input", in: "backprop",
                change: "use a smaller input (its traces sum over every output cell)",
                limit: ViewLimits.maxGradientCells)
            let input = setup.input
            let kernel = setup.kernel
            let layer = try ConvLayer(
                inputShape: [1, 1, setup.inputRows, setup.inputColumns],
                weightShape: [1, 1, setup.kernelRows, setup.kernelColumns],
                hasBias: false,
                parameters: ConvParameters(stride: setup.stride, padding: setup.padding, dilation: setup.dilation))
            let gradient = try Tensor(
                shape: layer.outputShape,
                data: BackpropModel.gradientValues(count: layer.outputShape.reduce(1, *), seed: gradientSeed))
            result = .success(try BackpropComputation(layer: layer, input: input, weight: kernel, gradOutput: gradient))
        } catch {
            result = .failure(error)
        }
        inputSummary = ValueSummary(computation?.input.data ?? [])
        kernelSummary = ValueSummary(computation?.weight.data ?? setup.kernel.data)
        gradientSummary = ValueSummary(computation?.gradOutput.data ?? [])
        let built = mode == .weight ? computation?.gradients.weight : computation?.gradients.input
        resultSummary = ValueSummary(built?.data ?? [])
        player.resize(stepCount: computation == nil ? 1 : stepCount(in: mode))
    }
}
