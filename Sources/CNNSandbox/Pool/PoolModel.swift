import CNNCore

/// The pooling sandbox: a setup, the core's result (or refusal), playback, focus.
/// Pure state; the renderer draws it and the CLI feeds it actions.
///
/// View keys: `m` max ↔ average, `e` ceil_mode, `n` count_include_pad, `g` window → global →
/// k-max, `x`/`X` k − / + (in k-max mode `k`/`K` change k too).
public struct PoolModel: Hashable, Sendable {
    public private(set) var setup: PoolSetup
    /// The input of the setup (kept even when the core refuses the geometry).
    public private(set) var input: Tensor
    /// Colour scales and cell widths of the input and output.
    public private(set) var inputSummary: ValueSummary
    public private(set) var outputSummary: ValueSummary
    /// The core's computation, or the message it refused the setup with.
    public private(set) var result: Result<PoolComputation, CNNError>
    public var player: Player
    /// Where arrow keys go (shared with the convolution view).
    public private(set) var focus: ConvModel.Focus = .timeline
    public var showHelp = false
    /// Whether the input came from an image (the view then draws pictures rather than numbers).
    public var fromImage = false
    /// `z`: the other drawing than the automatic one (numbers for an image).
    public private(set) var pictureToggled = false

    /// Creates the sandbox at step 0.
    public init(setup: PoolSetup, playing: Bool = true, speed: Double = 2) {
        self.setup = setup
        (self.input, self.inputSummary) = setup.inputWithSummary
        self.result = setup.compute(input: input)
        let computation = try? result.get()
        self.outputSummary = computation?.outputSummary(input: inputSummary) ?? ValueSummary([])
        self.player = Player(stepCount: computation?.stepCount ?? 1, playing: playing, speed: speed)
    }

    /// The computation when the setup is valid.
    public var computation: PoolComputation? { try? result.get() }

    /// The refusal message when the setup is invalid.
    public var errorMessage: String? {
        result.errorMessage
    }

    /// The trace of the current step (window and global modes).
    public var currentTrace: PoolTrace? { computation?.trace(step: player.step) }

    /// Applies one action.
    public mutating func apply(_ action: ExploreAction) {
        switch action {
        case .togglePlay, .stepForward, .stepBackward, .firstStep, .lastStep, .pageSteps, .faster, .slower, .tick:
            _ = player.applyPlayback(action)
        case .stride(let delta): edit { $0.changeStride(by: delta) }
        case .padding(let delta): edit { $0.changePadding(by: delta) }
        case .cyclePaddingMode: break
        case .dilation(let delta): edit { $0.changeDilation(by: delta) }
        case .kernelSize(let delta):
            edit { setup in
                if setup.mode == .kMax { setup.changeK(by: delta) } else { setup.changeWindow(by: delta) }
            }
        case .inputSize(let delta): edit { $0.changeInputSize(by: delta) }
        case .cyclePreset: break
        case .newRandomInput: edit { $0.reseed() }
        case .toggleFocus:
            focus = focus == .timeline ? .outputMap : .timeline
            if focus == .outputMap { player.playing = false }
        case .moveCursor(let rows, let columns): moveCursor(rows: rows, columns: columns)
        case .selectOutput(let row, let column):
            guard let computation, row >= 0, row < computation.outputRows, column >= 0,
                column < computation.outputColumns
            else { return }
            focus = .outputMap
            player.playing = false
            player.go(to: computation.step(row: row, column: column))
        case .toggleHelp: showHelp.toggle()
        case .viewKey(let key): applyViewKey(key)
        }
    }

    /// The view's own keys.
    private mutating func applyViewKey(_ key: Character) {
        switch key {
        case "m": edit { $0.kind = $0.kind == .max ? .average : .max }
        case "e": edit { $0.ceilMode.toggle() }
        case "n": edit { $0.countIncludePad.toggle() }
        case "g":
            edit { $0.mode = $0.mode.next }
            player.go(to: 0)
        case "x": edit { $0.changeK(by: -1) }
        case "X": edit { $0.changeK(by: +1) }
        case ConvModel.zoomKey: pictureToggled.toggle()
        default: break
        }
    }

    private mutating func moveCursor(rows: Int, columns: Int) {
        guard let computation else { return }
        if player.arrow(
            rows: rows, columns: columns, onTimeline: focus == .timeline,
            gridRows: computation.outputRows, gridColumns: computation.outputColumns)
        {
            focus = .outputMap
        }
    }

    /// Replaces the setup, recomputes, and keeps the step where it still exists.
    public mutating func replaceSetup(_ newSetup: PoolSetup) {
        let old = setup
        setup = newSetup
        if newSetup.inputRows != old.inputRows || newSetup.inputColumns != old.inputColumns
            || newSetup.pattern != old.pattern || newSetup.seed != old.seed || newSetup.inputValues != old.inputValues
        {
            (input, inputSummary) = setup.inputWithSummary
        }
        result = setup.compute(input: input)
        outputSummary = computation?.outputSummary(input: inputSummary) ?? ValueSummary([])
        player.resize(stepCount: computation?.stepCount ?? 1)
    }

    private mutating func edit(_ change: (inout PoolSetup) -> Void) {
        var copy = setup
        change(&copy)
        replaceSetup(copy)
    }
}
