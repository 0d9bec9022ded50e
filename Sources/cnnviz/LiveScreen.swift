import CNNCourse
import CNNRender
import CNNSandbox

/// What the app loop runs: a pure state that draws itself, takes keys and clicks, and says when
/// its next clock event is due. `explore` and the tutorial both conform. A value: the loop hands
/// a copy to its worker thread, which applies the events and draws, and keeps the copy from
/// before, which Esc restores when it cancels long work.
protocol LiveScreen: Sendable {
    /// Draws the current state.
    func frame(width: Int, height: Int, options: RenderOptions) -> RenderedFrame
    /// Seconds until the next clock event; nil when nothing is due.
    var timerSeconds: Double? { get }
    /// The clock event is due.
    mutating func timerFired()
    /// A key; returns true when the screen must be repainted from scratch.
    mutating func press(_ key: KeyPress) -> Bool
    /// A click on a drawn target.
    mutating func click(_ target: HitTarget)
    /// Whether the user asked to quit.
    var finished: Bool { get }
}

extension ExploreSession: LiveScreen {
    func frame(width: Int, height: Int, options: RenderOptions) -> RenderedFrame {
        view.render(width: width, height: height, options: options)
    }

    var timerSeconds: Double? { timer }
}

/// The tutorial player with the program name its header shows.
struct TutorialLiveScreen: LiveScreen {
    var session: TutorialSession
    let program: String

    func frame(width: Int, height: Int, options: RenderOptions) -> RenderedFrame {
        TutorialScreen.render(session, width: width, height: height, options: options, program: program)
    }

    var timerSeconds: Double? { session.timer?.seconds }

    mutating func timerFired() { session.timerFired() }

    mutating func press(_ key: KeyPress) -> Bool {
        if SandboxKeys.program.command(for: key) == .redraw { return true }
        session.press(key)
        return false
    }

    mutating func click(_ target: HitTarget) {
        session.changeView { $0.click(target) }
    }

    var finished: Bool { session.finished }
}
