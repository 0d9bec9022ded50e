import CNNCore

/// The transposed-convolution sandbox: a setup, the core's result (or refusal), the picture
/// shown (scattered kernels or zero insertion), and playback. Pure state.
public struct TransposeModel: Hashable, Sendable {
    /// The two ways of seeing a transposed convolution.
    public enum Mode: Hashable, Sendable {
        /// Each input cell scatters `value × kernel` into the output; one step per input cell.
        case scatter
        /// Zeros inserted between input cells, then a stride-1 convolution with the flipped
        /// kernel; one step per output cell.
        case zeroInsertion
    }

    /// The view-specific keys: `t` switches the picture, `u`/`U` change output_padding.
    public static let modeKey: Character = "t"
    public static let outputPaddingDownKey: Character = "u"
    public static let outputPaddingUpKey: Character = "U"

    public private(set) var setup: TransposeSetup
    public private(set) var mode: Mode
    /// The core's computation, or the message it refused the setup with.
    public private(set) var result: Result<TransposeComputation, CNNError>
    /// Colour scales and cell widths of the input, kernel, output and zero-inserted input.
    public private(set) var inputSummary: ValueSummary
    public private(set) var kernelSummary: ValueSummary
    public private(set) var outputSummary: ValueSummary
    public var player: Player
    public var showHelp = false

    /// Creates the sandbox at step 0.
    public init(setup: TransposeSetup, mode: Mode = .scatter, playing: Bool = true, speed: Double = 2) {
        self.setup = setup
        self.mode = mode
        result = setup.compute()
        inputSummary = ValueSummary((try? result.get())?.input.data ?? [])
        kernelSummary = ValueSummary(setup.kernel.data)
        outputSummary = ValueSummary([])
        player = Player(stepCount: 1, playing: playing, speed: speed)
        refresh()
    }

    /// The computation when the setup is valid.
    public var computation: TransposeComputation? { try? result.get() }

    /// The refusal message when the setup is invalid.
    public var errorMessage: String? {
        result.errorMessage
    }

    /// Steps of a mode: input cells (scatter) or output cells (zero insertion).
    public func stepCount(in mode: Mode) -> Int {
        guard let computation else { return 1 }
        switch mode {
        case .scatter: return computation.inputRows * computation.inputColumns
        case .zeroInsertion: return computation.outputRows * computation.outputColumns
        }
    }

    /// Applies one action.
    public mutating func apply(_ action: ExploreAction) {
        if player.applyPlayback(action) { return }
        var copy = setup
        if copy.applyEdit(action) {
            replaceSetup(copy)
            return
        }
        switch action {
        case .viewKey(TransposeModel.modeKey):
            mode = mode == .scatter ? .zeroInsertion : .scatter
            player.go(to: 0)
            refresh()
        case .viewKey(TransposeModel.outputPaddingDownKey):
            copy.changeOutputPadding(by: -1)
            replaceSetup(copy)
        case .viewKey(TransposeModel.outputPaddingUpKey):
            copy.changeOutputPadding(by: +1)
            replaceSetup(copy)
        case .moveCursor(let rows, let columns):
            guard let computation else { return }
            player.playing = false
            let width = mode == .scatter ? computation.inputColumns : computation.outputColumns
            player.go(to: player.step + rows * width + columns)
        case .selectOutput(let row, let column):
            guard mode == .zeroInsertion, let computation, (0..<computation.outputRows).contains(row),
                (0..<computation.outputColumns).contains(column)
            else { return }
            player.playing = false
            player.go(to: row * computation.outputColumns + column)
        case .toggleHelp: showHelp.toggle()
        default: break
        }
    }

    /// Replaces the setup and recomputes, keeping the step where it still exists.
    public mutating func replaceSetup(_ newSetup: TransposeSetup) {
        setup = newSetup
        result = setup.compute()
        inputSummary = ValueSummary(computation?.input.data ?? [])
        kernelSummary = ValueSummary(setup.kernel.data)
        refresh()
    }

    private mutating func refresh() {
        outputSummary = ValueSummary(computation?.output.data ?? [])
        player.resize(stepCount: stepCount(in: mode))
    }
}
