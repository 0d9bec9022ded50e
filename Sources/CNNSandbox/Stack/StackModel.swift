import CNNCore

/// The receptive-field sandbox: a stack of layers over an input, one chosen cell of one level,
/// and what that cell depends on in every level below, lit one level per step (step k lights
/// the dependencies k levels down). Pure state; every number comes from the core's `LayerStack`.
public struct StackModel: Hashable, Sendable {
    /// Where arrow keys go.
    public enum Focus: Hashable, Sendable {
        /// ←/→ step through the growth.
        case timeline
        /// Arrows move the chosen cell; `[`/`]` change its level.
        case grid
    }

    public private(set) var setup: StackSetup
    /// The core's stack, or the message it refused the setup with.
    public private(set) var result: Result<LayerStack, CNNError>
    /// The receptive-field rows of the layers, which do not depend on the input size (so they
    /// can be shown even when the input is too small for the stack); nil if the core refuses them.
    public let receptiveFields: [ReceptiveFieldRow]?
    /// The chosen level (0 is the input) and cell.
    public private(set) var level: Int
    public private(set) var row: Int
    public private(set) var column: Int
    /// What the chosen cell depends on, or the core's refusal (e.g. levels too large to mask).
    public private(set) var dependencies: Result<StackDependencies, CNNError>?
    public var player: Player
    public private(set) var focus: Focus = .timeline
    public var showHelp = false

    /// The keys this view adds to the shared ones.
    public static let levelDown: Character = "["
    public static let levelUp: Character = "]"

    /// Opens on the centre cell of the last level, at step 0 (only the chosen cell lit).
    public init(setup: StackSetup, playing: Bool = true, speed: Double = 2) {
        self.setup = setup
        self.result = setup.compute()
        self.receptiveFields = try? ReceptiveField.rows(for: setup.layers)
        let depth = setup.layers.count
        self.level = depth
        self.row = 0
        self.column = 0
        self.player = Player(stepCount: depth + 1, playing: playing, speed: speed)
        if let stack {
            row = (stack.sizes[depth][0] - 1) / 2
            column = (stack.sizes[depth][1] - 1) / 2
        }
        refreshDependencies()
        player.go(to: 0)
    }

    /// The stack when the setup is valid.
    public var stack: LayerStack? { try? result.get() }

    /// The refusal message when the setup (or the dependency query) is invalid.
    public var errorMessage: String? {
        result.errorMessage ?? dependencies?.errorMessage
    }

    /// The dependencies of the chosen cell when the core gave them.
    public var chosen: StackDependencies? { try? dependencies?.get() }

    /// How many levels below the chosen one are lit at the current step.
    public var litDepth: Int { player.step }

    /// Whether level `l`'s dependencies are lit at the current step.
    public func isLit(level l: Int) -> Bool {
        l < level && l >= level - litDepth
    }

    /// Applies one action.
    public mutating func apply(_ action: ExploreAction) {
        switch action {
        case .togglePlay, .stepForward, .stepBackward, .firstStep, .lastStep, .pageSteps, .faster, .slower, .tick:
            _ = player.applyPlayback(action)
        case .inputSize(let delta):
            setup.changeInputSize(by: delta)
            result = setup.compute()
            if let stack {
                row = min(row, stack.sizes[level][0] - 1)
                column = min(column, stack.sizes[level][1] - 1)
            }
            refreshDependencies()
        case .toggleFocus:
            focus = focus == .timeline ? .grid : .timeline
            if focus == .grid { player.playing = false }
        case .moveCursor(let rows, let columns):
            if focus == .timeline && rows == 0 {
                player.playing = false
                if columns > 0 { player.forward() } else if columns < 0 { player.backward() }
                return
            }
            focus = .grid
            select(level: level, row: row + rows, column: column + columns)
        case .selectOutput(let r, let c):
            select(level: level, row: r, column: c)
        case .toggleHelp: showHelp.toggle()
        case .viewKey(let key):
            if key == StackModel.levelDown { changeLevel(by: -1) }
            if key == StackModel.levelUp { changeLevel(by: +1) }
        case .stride, .padding, .cyclePaddingMode, .dilation, .kernelSize, .cyclePreset, .newRandomInput:
            break
        }
    }

    /// Chooses a cell (clamped into its level) and shows everything it depends on.
    public mutating func select(level newLevel: Int, row newRow: Int, column newColumn: Int) {
        guard let stack, (0...stack.depth).contains(newLevel) else { return }
        focus = .grid
        level = newLevel
        row = min(max(0, newRow), stack.sizes[newLevel][0] - 1)
        column = min(max(0, newColumn), stack.sizes[newLevel][1] - 1)
        refreshDependencies()
        player.playing = false
        player.go(to: player.stepCount - 1)
    }

    /// `[`/`]`: the level below or above. Going down picks the middle of what the chosen cell
    /// reads there; going up keeps the cell's relative position.
    mutating func changeLevel(by delta: Int) {
        guard let stack else { return }
        let target = min(max(0, level + delta), stack.depth)
        guard target != level else { return }
        if delta < 0, let below = chosen?.levels[target], let rows = below.boxRows, let columns = below.boxColumns {
            select(
                level: target, row: (rows.lowerBound + rows.upperBound) / 2,
                column: (columns.lowerBound + columns.upperBound) / 2)
        } else {
            let size = stack.sizes[level]
            let newSize = stack.sizes[target]
            select(
                level: target, row: row * newSize[0] / max(1, size[0]), column: column * newSize[1] / max(1, size[1]))
        }
    }

    /// Asks the core again for the chosen cell's dependencies; one step per level below it.
    private mutating func refreshDependencies() {
        guard let stack else {
            dependencies = nil
            player.resize(stepCount: 1)
            return
        }
        do throws(CNNError) {
            dependencies = .success(try StackDependencies(stack: stack, level: level, row: row, column: column))
        } catch {
            dependencies = .failure(error)
        }
        player.resize(stepCount: level + 1)
    }
}
