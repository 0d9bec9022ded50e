/// The playback state shared by every view: which step is shown, whether it plays, how fast.
public struct Player: Hashable, Sendable {
    /// Speeds offered by `+`/`−`, in steps per second.
    public static let speeds: [Double] = [0.25, 0.5, 1, 2, 4, 8, 16, 32]
    /// The slowest speed offered.
    public static let slowest = 0.25
    /// The fastest speed offered.
    public static let fastest: Double = 32

    /// How many steps the timeline has (at least 1).
    public private(set) var stepCount: Int
    /// The step shown, `0..<stepCount`.
    public private(set) var step: Int
    /// Whether the timeline advances on its own.
    public var playing: Bool
    /// Steps per second while playing.
    public private(set) var speed: Double

    /// Creates a player at step 0.
    public init(stepCount: Int, step: Int = 0, playing: Bool = true, speed: Double = 2) {
        self.stepCount = max(1, stepCount)
        self.step = min(max(0, step), max(1, stepCount) - 1)
        self.playing = playing
        self.speed = speed.isNaN ? 2 : max(Player.slowest, min(Player.fastest, speed))
    }

    /// Milliseconds between steps at the current speed.
    public var interval: Int { Int((1000 / speed).rounded()) }

    /// Steps in a page (PgUp / PgDn): a tenth of the timeline, at least one step.
    public var pageLength: Int { max(1, (stepCount + 9) / 10) }

    /// Whether the last step is shown.
    public var atEnd: Bool { step == stepCount - 1 }

    /// Changes the number of steps, keeping the current step where it still exists.
    public mutating func resize(stepCount count: Int) {
        stepCount = max(1, count)
        step = min(step, stepCount - 1)
    }

    /// Moves to a step (clamped).
    public mutating func go(to target: Int) {
        step = min(max(0, target), stepCount - 1)
    }

    /// One step forward; playing stops at the last step.
    public mutating func forward() {
        if step < stepCount - 1 { step += 1 }
        if atEnd { playing = false }
    }

    /// One step back.
    public mutating func backward() {
        if step > 0 { step -= 1 }
    }

    /// Space: play or pause; playing from the last step starts over.
    public mutating func togglePlay() {
        if !playing && atEnd { step = 0 }
        playing.toggle()
    }

    /// `+`: the next faster speed.
    public mutating func faster() {
        speed = Player.speeds.first { $0 > speed } ?? speed
    }

    /// `−`: the next slower speed.
    public mutating func slower() {
        speed = Player.speeds.last { $0 < speed } ?? speed
    }
}

extension Player {
    /// Applies a playback action (play, step, first/last, speed, clock tick).
    /// Returns false, changing nothing, for any other action.
    public mutating func applyPlayback(_ action: ExploreAction) -> Bool {
        switch action {
        case .togglePlay: togglePlay()
        case .stepForward:
            playing = false
            forward()
        case .stepBackward:
            playing = false
            backward()
        case .firstStep: go(to: 0)
        case .lastStep: go(to: stepCount - 1)
        case .pageSteps(let pages):
            playing = false
            go(to: step + pages * pageLength)
        case .faster: faster()
        case .slower: slower()
        case .tick: if playing { forward() }
        default: return false
        }
        return true
    }
}

extension Player {
    /// Arrow keys over a view whose steps are the cells of a `rows × columns` grid in reading
    /// order. On the timeline, ←/→ step and the result is false. Otherwise the current cell
    /// moves by the arrow, clamped to the grid, and the result is true: the grid takes the focus.
    /// Either way playback pauses.
    public mutating func arrow(
        rows deltaRows: Int, columns deltaColumns: Int, onTimeline: Bool, gridRows: Int, gridColumns: Int
    ) -> Bool {
        playing = false
        if onTimeline && deltaRows == 0 {
            if deltaColumns > 0 { forward() } else if deltaColumns < 0 { backward() }
            return false
        }
        guard gridRows > 0, gridColumns > 0 else { return true }
        let row = min(max(0, step / gridColumns + deltaRows), gridRows - 1)
        let column = min(max(0, step % gridColumns + deltaColumns), gridColumns - 1)
        go(to: row * gridColumns + column)
        return true
    }
}
