import CNNCore

/// The convolution sandbox: a setup, the core's result (or refusal), playback, focus.
/// Pure state; the renderer draws it and the CLI feeds it actions.
public struct ConvModel: Hashable, Sendable {
    /// Where arrow keys go.
    public enum Focus: Hashable, Sendable {
        /// ←/→ step through the timeline.
        case timeline
        /// Arrows pick an output cell; its input cells light up.
        case outputMap
    }

    public private(set) var setup: ConvSetup
    /// The input and kernel of the setup (kept even when the core refuses the geometry).
    public private(set) var input: Tensor
    public private(set) var kernel: Tensor
    /// Colour scales and cell widths of the input, kernel and output.
    public private(set) var inputSummary: ValueSummary
    public private(set) var kernelSummary: ValueSummary
    public private(set) var outputSummary: ValueSummary
    /// The core's computation, or the message it refused the setup with.
    public private(set) var result: Result<ConvComputation, CNNError>
    public var player: Player
    public private(set) var focus: Focus = .timeline
    public var showHelp = false
    /// Whether the input came from an image (the view then draws pictures rather than numbers).
    public var fromImage = false
    /// `z`: the other drawing than the automatic one (numbers for an image, a picture for numbers).
    public private(set) var pictureToggled = false
    /// `T`: whether the PyTorch code of the setup is shown over the view.
    public private(set) var showCode = false
    /// `a`: the activation after the sum (ConvModel+Activation.swift).
    public internal(set) var activation = Activation.none

    /// Creates the sandbox at step 0.
    public init(setup: ConvSetup, playing: Bool = true, speed: Double = 2) {
        self.setup = setup
        (self.input, self.inputSummary) = setup.inputWithSummary
        self.kernel = setup.kernel
        self.result = setup.compute(input: input, kernel: kernel)
        self.kernelSummary = ValueSummary(kernel.data)
        let computation = try? result.get()
        self.outputSummary =
            computation?.outputSummary(input: inputSummary, kernel: kernelSummary) ?? ValueSummary([])
        let steps = computation?.stepCount ?? 1
        self.player = Player(stepCount: steps, playing: playing, speed: speed)
    }

    /// The computation when the setup is valid.
    public var computation: ConvComputation? { try? result.get() }

    /// The refusal message when the setup is invalid.
    public var errorMessage: String? {
        result.errorMessage
    }

    /// Applies one action.
    public mutating func apply(_ action: ExploreAction) {
        switch action {
        case .togglePlay, .stepForward, .stepBackward, .firstStep, .lastStep, .pageSteps, .faster, .slower, .tick:
            _ = player.applyPlayback(action)
        case .stride(let delta): edit { $0.changeStride(by: delta) }
        case .padding(let delta): edit { $0.changePadding(by: delta) }
        case .cyclePaddingMode: edit { $0.cyclePaddingMode() }
        case .dilation(let delta): edit { $0.changeDilation(by: delta) }
        case .kernelSize(let delta): edit { $0.changeKernelSize(by: delta) }
        case .inputSize(let delta): edit { $0.changeInputSize(by: delta) }
        case .cyclePreset: edit { $0.cyclePreset() }
        case .newRandomInput: edit { $0.reseed() }
        case .toggleFocus:
            focus = focus == .timeline ? .outputMap : .timeline
            if focus == .outputMap { player.playing = false }
        case .moveCursor(let rows, let columns):
            guard let computation else { return }
            if player.arrow(
                rows: rows, columns: columns, onTimeline: focus == .timeline,
                gridRows: computation.outputRows, gridColumns: computation.outputColumns)
            {
                focus = .outputMap
            }
        case .selectOutput(let row, let column):
            guard let computation, row >= 0, row < computation.outputRows, column >= 0,
                column < computation.outputColumns
            else { return }
            focus = .outputMap
            player.playing = false
            player.go(to: computation.step(row: row, column: column))
        case .toggleHelp: showHelp.toggle()
        case .viewKey(ConvModel.zoomKey): pictureToggled.toggle()
        case .viewKey(ConvModel.codeKey): showCode.toggle()
        case .viewKey(ConvModel.activationKey): activation = activation == .none ? .relu : .none
        case .viewKey: break
        }
    }

    /// Replaces the setup, recomputes, and keeps the step where it still exists.
    public mutating func replaceSetup(_ newSetup: ConvSetup) {
        let old = setup
        setup = newSetup
        if newSetup.inputRows != old.inputRows || newSetup.inputColumns != old.inputColumns
            || newSetup.pattern != old.pattern || newSetup.seed != old.seed || newSetup.inputValues != old.inputValues
        {
            (input, inputSummary) = setup.inputWithSummary
        }
        if newSetup.kernelRows != old.kernelRows || newSetup.kernelColumns != old.kernelColumns
            || newSetup.preset != old.preset || newSetup.seed != old.seed || newSetup.kernelValues != old.kernelValues
        {
            kernel = setup.kernel
            kernelSummary = ValueSummary(kernel.data)
        }
        result = setup.compute(input: input, kernel: kernel)
        outputSummary = computation?.outputSummary(input: inputSummary, kernel: kernelSummary) ?? ValueSummary([])
        player.resize(stepCount: computation?.stepCount ?? 1)
    }

    private mutating func edit(_ change: (inout ConvSetup) -> Void) {
        var copy = setup
        change(&copy)
        replaceSetup(copy)
    }
}
