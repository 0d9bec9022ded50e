import CNNCore

/// `cnnviz explore`'s state, pure: the view shown, its help overlay, and whether the user quit.
/// Keys, clicks and clock events are its only inputs and it says when the next clock event is
/// due, so the same sequence always gives the same screens (like `TutorialPlayer`); the app loop
/// only draws it and waits.
public struct ExploreSession: Sendable {
    /// The view shown.
    public private(set) var view: any SandboxModel
    /// The settings every view is built from (`v` builds the next view from them).
    public let configuration: ExploreConfiguration
    /// Whether the user asked to quit.
    public private(set) var finished = false

    /// Starts on `view`.
    public init(view: any SandboxModel, configuration: ExploreConfiguration) {
        self.view = view
        self.configuration = configuration
    }

    /// Whether the key overlay is shown (any key closes it).
    public var showHelp: Bool { view.showHelp }

    /// The view's key map.
    public var keyMap: KeyMap<SandboxCommand> { type(of: view).keyMap }

    /// Seconds until the next animation step; nil while paused (the loop then sleeps until a key).
    public var timer: Double? {
        view.player.playing ? Double(view.player.interval) / 1000 : nil
    }

    /// The clock: the step `timer` announced is due.
    public mutating func timerFired() {
        view.apply(.tick)
    }

    /// A key press. Returns true when the screen must be repainted from scratch (Ctrl-L).
    @discardableResult
    public mutating func press(_ key: KeyPress) -> Bool {
        if view.showHelp {
            view.showHelp = false
            return false
        }
        switch SandboxKeys.program.command(for: key) ?? keyMap.command(for: key) {
        case .quit: finished = true
        case .nextView: view = ExploreSession.nextView(after: view, configuration: configuration)
        case .redraw: return true
        case .toggleHelp: view.apply(.toggleHelp)
        case .action(let action): view.apply(action)
        case nil: break
        }
        return false
    }

    /// A click on a drawn cell.
    public mutating func click(_ target: HitTarget) {
        view.click(target)
    }

    /// The next view that accepts the settings, wrapping around (views that refuse them are
    /// skipped); it keeps playing or paused as the current one, at the same speed.
    static func nextView(after view: any SandboxModel, configuration: ExploreConfiguration) -> any SandboxModel {
        let current = type(of: view)
        var candidate = SandboxViews.next(after: current)
        while candidate.kind != current.kind {
            if var next = try? candidate.init(configuration: configuration, playing: false, speed: view.player.speed) {
                next.player.playing = view.player.playing
                return next
            }
            candidate = SandboxViews.next(after: candidate)
        }
        return view
    }
}
