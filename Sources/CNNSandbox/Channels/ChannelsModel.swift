import CNNCore

/// Weight counts (no biases) of the ways to map `C_in` channels to `C_out` with a `K₁×K₂`
/// kernel, from the core's `Costs`: standard `K₁K₂·C_in·C_out`, grouped
/// `K₁K₂·(C_in/g)·C_out`, and depthwise separable `K₁K₂·C_in + C_in·C_out`.
public struct ChannelsCosts: Hashable, Sendable {
    public let standard: Int
    public let depthwise: Int
    public let pointwise: Int
    public let separable: Int
    /// The grouped convolution's weights, or the core's refusal of the groups.
    public let grouped: Result<Int, CNNError>

    /// Asks the core.
    public init(setup: ChannelsSetup) {
        let kernel = [setup.conv.kernelRows, setup.conv.kernelColumns]
        let split = Costs.depthwiseSeparable(
            inputChannels: setup.inputChannels, outputChannels: setup.outputChannels, kernel: kernel)
        standard = split.standard
        depthwise = split.depthwise
        pointwise = split.pointwise
        separable = split.total
        do throws(CNNError) {
            // Weights do not depend on the input size, stride or padding: count them on an input
            // as large as the kernel's span (the core's effectiveKernel), which always fits.
            let spans = zip(kernel, setup.conv.dilation).map {
                AxisGeometry(inputSize: 1, kernelSize: $0, dilation: $1).effectiveKernel
            }
            let cost = try Costs.convolution(
                inputShape: [setup.inputChannels] + spans, outputChannels: setup.outputChannels, kernel: kernel,
                stride: [1, 1], padding: [0, 0], dilation: setup.conv.dilation, groups: setup.groups, bias: false)
            grouped = .success(cost.weights)
        } catch {
            grouped = .failure(error)
        }
    }
}

/// The channels sandbox: a multi-channel input, one kernel per output channel (each with
/// `C_in/groups` slices), the output channels filling in cell by cell, the per-channel partial
/// sums of the current cell, and the parameter counts of standard, grouped and depthwise
/// separable convolutions. Pure state; every value comes from the core.
public struct ChannelsModel: Hashable, Sendable {
    /// Where arrow keys go.
    public enum Focus: Hashable, Sendable {
        case timeline
        case outputMap
    }

    public private(set) var setup: ChannelsSetup
    /// The core's computation, or the message it refused the setup with.
    public private(set) var result: Result<ChannelsComputation, CNNError>
    public private(set) var costs: ChannelsCosts
    /// Colour scales and cell widths per stage: input, weights, output.
    public private(set) var summaries: [(input: ValueSummary, weight: ValueSummary, output: ValueSummary)]
    public var player: Player
    public private(set) var focus: Focus = .timeline
    public var showHelp = false

    /// The keys this view adds to the shared ones.
    public enum Key {
        public static let mode: Character = "m"
        public static let nextOutput: Character = "n"
        public static let previousOutput: Character = "N"
        public static let fewerInputs: Character = "["
        public static let moreInputs: Character = "]"
        public static let fewerOutputs: Character = "{"
        public static let moreOutputs: Character = "}"
        public static let groups: Character = "g"
    }

    /// Creates the sandbox at step 0.
    public init(setup: ChannelsSetup, playing: Bool = true, speed: Double = 2) {
        self.setup = setup
        self.result = setup.compute()
        self.costs = ChannelsCosts(setup: setup)
        self.summaries = []
        self.player = Player(stepCount: 1, playing: playing, speed: speed)
        refresh()
    }

    /// The computation when the setup is valid.
    public var computation: ChannelsComputation? { try? result.get() }

    /// The refusal message when the setup is invalid.
    public var errorMessage: String? {
        result.errorMessage
    }

    /// The stage, output channel and cell of the current step.
    public var position: (stage: Int, channel: Int, row: Int, column: Int)? {
        computation?.position(ofStep: player.step)
    }

    /// Applies one action.
    public mutating func apply(_ action: ExploreAction) {
        switch action {
        case .togglePlay, .stepForward, .stepBackward, .firstStep, .lastStep, .pageSteps, .faster, .slower, .tick:
            _ = player.applyPlayback(action)
        case .stride(let delta): edit { $0.conv.changeStride(by: delta) }
        case .padding(let delta): edit { $0.conv.changePadding(by: delta) }
        case .cyclePaddingMode: edit { $0.conv.cyclePaddingMode() }
        case .dilation(let delta): edit { $0.conv.changeDilation(by: delta) }
        case .kernelSize(let delta): edit { $0.conv.changeKernelSize(by: delta) }
        case .inputSize(let delta): edit { $0.conv.changeInputSize(by: delta) }
        case .cyclePreset: edit { $0.conv.cyclePreset() }
        case .newRandomInput: edit { $0.conv.reseed() }
        case .toggleFocus:
            focus = focus == .timeline ? .outputMap : .timeline
            if focus == .outputMap { player.playing = false }
        case .moveCursor(let rows, let columns):
            if focus == .timeline && rows == 0 {
                player.playing = false
                if columns > 0 { player.forward() } else if columns < 0 { player.backward() }
                return
            }
            guard let position else { return }
            focus = .outputMap
            select(channel: position.channel, row: position.row + rows, column: position.column + columns)
        case .selectOutput(let row, let column):
            guard let position else { return }
            focus = .outputMap
            select(channel: position.channel, row: row, column: column)
        case .toggleHelp: showHelp.toggle()
        case .viewKey(let key): applyKey(key)
        }
    }

    /// Shows a cell of an output channel of the current stage (clamped).
    public mutating func select(channel: Int, row: Int, column: Int) {
        guard let computation, let position else { return }
        let stage = computation.stages[position.stage]
        player.playing = false
        player.go(
            to: computation.step(
                stage: position.stage, channel: min(max(0, channel), stage.outputChannels - 1),
                row: min(max(0, row), stage.outputRows - 1), column: min(max(0, column), stage.outputColumns - 1)))
    }

    private mutating func applyKey(_ key: Character) {
        switch key {
        case Key.mode: edit { $0.mode = $0.mode.next }
        case Key.groups: edit { $0.cycleGroups() }
        case Key.fewerInputs: edit { $0.changeInputChannels(by: -1) }
        case Key.moreInputs: edit { $0.changeInputChannels(by: +1) }
        case Key.fewerOutputs: edit { $0.changeOutputChannels(by: -1) }
        case Key.moreOutputs: edit { $0.changeOutputChannels(by: +1) }
        case Key.nextOutput, Key.previousOutput:
            guard let computation, let position else { return }
            let count = computation.stages[position.stage].outputChannels
            let next = (position.channel + (key == Key.nextOutput ? 1 : count - 1)) % count
            select(channel: next, row: position.row, column: position.column)
        default: break
        }
    }

    /// Replaces the setup, recomputes, and keeps the step where it still exists.
    public mutating func replaceSetup(_ newSetup: ChannelsSetup) {
        setup = newSetup
        result = setup.compute()
        costs = ChannelsCosts(setup: setup)
        refresh()
    }

    private mutating func refresh() {
        summaries = (computation?.stages ?? []).map {
            (ValueSummary($0.input.data), ValueSummary($0.weight.data), ValueSummary($0.output.data))
        }
        player.resize(stepCount: computation?.stepCount ?? 1)
    }

    private mutating func edit(_ change: (inout ChannelsSetup) -> Void) {
        var copy = setup
        change(&copy)
        replaceSetup(copy)
    }

    public static func == (a: ChannelsModel, b: ChannelsModel) -> Bool {
        a.setup == b.setup && a.player == b.player && a.focus == b.focus && a.showHelp == b.showHelp
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(setup)
        hasher.combine(player)
    }
}
