import CNNCore

/// The 1-D sandbox: a setup, the core's single convolution or stack (or its refusal),
/// playback, focus. Pure state; the renderer draws it and the CLI feeds it actions.
///
/// View keys: `a` causal padding on/off, `t` single layer ↔ dilated stack, `n`/`N` fewer/more
/// layers in the stack.
public struct OneDModel: Hashable, Sendable {
    public private(set) var setup: OneDSetup
    /// The signal and the single layer's kernel.
    public private(set) var input: Tensor
    public private(set) var kernel: Tensor
    /// Colour scale and widest text of every number the single layer shows (signal,
    /// kernel, products, output) so that one cell width fits them all.
    public private(set) var summary: ValueSummary
    /// The single layer (single mode).
    public private(set) var single: Result<ConvComputation, CNNError>?
    /// The stack (stack mode).
    public private(set) var stack: Result<OneDStack, CNNError>?
    public var player: Player
    /// Where arrow keys go (shared with the convolution view).
    public private(set) var focus: ConvModel.Focus = .timeline
    public var showHelp = false

    /// Creates the sandbox; stack mode starts at its last output.
    public init(setup: OneDSetup, playing: Bool = true, speed: Double = 2) {
        self.setup = setup
        self.input = setup.input
        self.kernel = setup.kernel
        self.summary = ValueSummary([])
        self.player = Player(stepCount: 1, playing: playing, speed: speed)
        recompute()
        if setup.stackMode { player.go(to: player.stepCount - 1) }
    }

    /// The single convolution when it is shown and valid.
    public var computation: ConvComputation? { single.flatMap { try? $0.get() } }

    /// The stack when it is shown and valid.
    public var stackComputation: OneDStack? { stack.flatMap { try? $0.get() } }

    /// The refusal message of whatever is shown, if the core refused it.
    public var errorMessage: String? {
        single?.errorMessage ?? stack?.errorMessage
    }

    /// Single mode: the trace of the current step.
    public var currentTrace: ConvTrace? { computation?.trace(step: player.step) }

    /// Stack mode: the top-level cell chosen by the current step and what it depends on.
    public var currentDependencies: OneDDependencies? { stackComputation?.dependencies(ofTop: player.step) }

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
        case .inputSize(let delta): edit { $0.changeLength(by: delta) }
        case .cyclePreset: edit { $0.cyclePreset() }
        case .newRandomInput: edit { $0.reseed() }
        case .toggleFocus:
            focus = focus == .timeline ? .outputMap : .timeline
            if focus == .outputMap { player.playing = false }
        case .moveCursor(let rows, let columns):
            player.playing = false
            if focus == .timeline && rows == 0 {
                if columns > 0 { player.forward() } else if columns < 0 { player.backward() }
                return
            }
            focus = .outputMap
            player.go(to: player.step + columns)
        case .selectOutput(let row, let column):
            guard row == 0, column >= 0, column < player.stepCount, errorMessage == nil else { return }
            focus = .outputMap
            player.playing = false
            player.go(to: column)
        case .toggleHelp: showHelp.toggle()
        case .viewKey(let key):
            switch key {
            case "a": edit { $0.causal.toggle() }
            case "t":
                edit { $0.toggleStack() }
                if setup.stackMode { player.go(to: player.stepCount - 1) }
            case "n": edit { $0.changeLayerCount(by: -1) }
            case "N": edit { $0.changeLayerCount(by: +1) }
            default: break
            }
        }
    }

    /// Replaces the setup, recomputes, and keeps the step where it still exists.
    public mutating func replaceSetup(_ newSetup: OneDSetup) {
        setup = newSetup
        input = setup.input
        kernel = setup.kernel
        recompute()
    }

    private mutating func recompute() {
        if setup.stackMode {
            single = nil
            let result = setup.computeStack(input: input)
            stack = result
            let computed = try? result.get()
            summary = ValueSummary(computed?.levels.flatMap(\.data) ?? input.data)
            player.resize(stepCount: computed.map { $0.length(level: $0.depth) } ?? 1)
        } else {
            stack = nil
            let result = setup.computeSingle(input: input, kernel: kernel)
            single = result
            var values = input.data + kernel.data
            if let computation = try? result.get() {
                values += computation.output.data
                for step in 0..<computation.stepCount {
                    values += computation.trace(step: step).terms.map(\.product)
                }
                player.resize(stepCount: computation.stepCount)
            } else {
                player.resize(stepCount: 1)
            }
            summary = ValueSummary(values)
        }
    }

    private mutating func edit(_ change: (inout OneDSetup) -> Void) {
        var copy = setup
        change(&copy)
        replaceSetup(copy)
    }
}
