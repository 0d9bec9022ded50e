import CNNRender
import CNNSandbox
import CNNTerminal

/// The state of one run of `AppLoop`: the screen as last finished by the worker, the frame on
/// the terminal, the events waiting for the worker, and the work in progress.
@MainActor
struct LiveLoop<Screen: LiveScreen, Terminal: LiveTerminal> {
    /// The screen after the last finished work.
    private(set) var screen: Screen
    let options: RenderOptions
    let terminal: Terminal
    /// The last frame drawn and the size it was drawn for.
    private(set) var frame: RenderedFrame?
    private var frameSize: LiveSize?
    /// Events the worker has not seen yet, in order.
    private(set) var pending: [LiveEvent] = []
    /// The work in progress.
    private var task: LiveTask<Screen>?
    /// The notice on the status line of the frame shown.
    private(set) var notice: LiveNotice?
    /// A frame is needed for the current state (at start, after a resize).
    private var needsFrame = true
    /// When the screen's next clock event is due (monotonic nanoseconds).
    private var due: UInt64?

    /// A loop over `screen` on `terminal`.
    init(screen: Screen, options: RenderOptions, terminal: Terminal) {
        self.screen = screen
        self.options = options
        self.terminal = terminal
    }

    /// Runs until the screen finishes (0) or a signal ends it (128 + N).
    mutating func run() -> Int32 {
        var reading = false
        while true {
            if let status = collectOutcome() { return status }
            startWorkIfIdle()
            if let status = actOnCancellingKeys() { return status }
            showWorkingNotice()
            if let task, !reading {
                // A short wait for the worker, ending the moment it is done: then its frame is
                // drawn before anything else; otherwise the terminal is looked at (no waiting).
                task.waitUntilDone(milliseconds: AppLoop.busyWaitMilliseconds)
                if task.isDone { continue }
            }
            let event = terminal.nextEvent(timeoutMilliseconds: waitMilliseconds())
            // While input keeps coming, read all of it before waiting for the worker again.
            reading = task != nil && event != .timeout
            if let status = handle(event) { return status }
        }
    }

    /// The terminal's size now.
    private var currentSize: LiveSize {
        let size = terminal.size
        return LiveSize(width: size.width, height: size.height)
    }

    /// Takes the worker's result when it is done: the new screen and its frame.
    private mutating func collectOutcome() -> Int32? {
        guard let task, task.isDone else { return nil }
        self.task = nil
        guard let outcome = task.outcome else { return nil }  // cancelled
        screen = outcome.screen
        if screen.finished { return 0 }
        if outcome.repaint { terminal.forceFullRedraw() }
        if let drawn = outcome.frame {
            frame = drawn
            frameSize = outcome.size
            notice = nil
            terminal.draw(drawn.canvas)
            if outcome.size != currentSize { needsFrame = true }
        }
        return nil
    }

    /// Hands the waiting events (or a redraw) to the worker when it is free.
    private mutating func startWorkIfIdle() {
        guard task == nil, needsFrame || !pending.isEmpty else { return }
        task = LiveTask(screen: screen, events: pending, size: currentSize, options: options)
        pending = []
        needsFrame = false
    }

    /// Once work has run long enough, the first q or Esc waiting behind it stops it: q quits,
    /// Esc drops the work and what was typed before it and shows the screen as it was.
    private mutating func actOnCancellingKeys() -> Int32? {
        guard let task, task.age() >= AppLoop.cancelAfterMilliseconds else { return nil }
        guard let index = pending.firstIndex(where: { $0 == .key(.character("q")) || $0 == .key(.escape) }) else {
            return nil
        }
        task.cancel()
        if pending[index] == .key(.character("q")) {
            task.waitUntilDone(milliseconds: AppLoop.quitGraceMilliseconds)
            return 0
        }
        self.task = nil
        pending.removeSubrange(...index)
        show(.cancelled)
        return nil
    }

    /// Shows "working…" on the last frame once the work has taken long enough.
    private mutating func showWorkingNotice() {
        guard let task, notice != .working, task.age() >= AppLoop.workingNoticeMilliseconds else { return }
        show(.working)
    }

    /// Redraws the last frame with `notice` on its status line (a blank screen before the first).
    private mutating func show(_ notice: LiveNotice) {
        self.notice = notice
        let size = currentSize
        let canvas = frame?.canvas ?? Canvas(width: size.width, height: size.height)
        terminal.draw(notice.drawn(on: canvas, options: options))
        if frameSize != currentSize && task == nil { needsFrame = true }
    }

    /// How long to wait for input: no wait while there is work (the worker waited for already);
    /// until the clock event when one is due; else without a deadline.
    private mutating func waitMilliseconds() -> Int? {
        if task != nil || needsFrame || !pending.isEmpty { return 0 }
        if let seconds = screen.timerSeconds {
            due = due ?? InteractiveLoop.due(inSeconds: seconds)
        } else {
            due = nil
        }
        // At least 1 ms: a zero timeout is only a look at the terminal, not the clock event.
        return due.map { max(1, InteractiveLoop.milliseconds(until: $0)) }
    }

    /// Reacts to one terminal event; a status when the loop must end.
    private mutating func handle(_ event: InputEvent) -> Int32? {
        switch event {
        case .timeout:
            if task == nil, let due, InteractiveLoop.now >= due {
                self.due = nil
                pending.append(.timer)
            }
        case .resize:
            // The last frame at once (clipped or padded), a new one as soon as the worker is free.
            needsFrame = true
            if let frame {
                terminal.draw(notice.map { $0.drawn(on: frame.canvas, options: options) } ?? frame.canvas)
            }
        case .terminate(let signal):
            task?.cancel()
            task?.waitUntilDone(milliseconds: AppLoop.quitGraceMilliseconds)
            return TerminalSession.exitStatus(for: signal)
        case .mouse(let row, let column):
            if let target = frame?.target(row: row, column: column) {
                pending.append(.click(target))
                due = nil
            }
        case .key(let key):
            pending.append(.key(TerminalKeys.press(for: key)))
            due = nil
        }
        return nil
    }
}
