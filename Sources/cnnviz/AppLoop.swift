import CNNRender
import CNNTerminal

/// The one loop that runs `explore`, `tutorial` and `play` on the terminal: draw, wait for a key
/// or the screen's next clock event, apply, repeat. Resize, signals, mouse and Ctrl-L are handled
/// here once. With nothing due the process sleeps in the terminal's input wait (no CPU).
enum AppLoop {
    /// Runs `screen` until it finishes (exit status 0) or a signal ends it (its conventional status).
    @MainActor
    static func run<Screen: LiveScreen>(_ start: Screen, options: RenderOptions, terminal: TerminalScreen) -> Int32 {
        var screen = start
        var due: UInt64? = nil
        while true {
            let size = terminal.size
            let frame =
                InteractiveLoop.tooSmallFrame(size: size, options: options)
                ?? screen.frame(width: size.width, height: size.height, options: options)
            terminal.draw(frame.canvas)
            if let seconds = screen.timerSeconds {
                due = due ?? InteractiveLoop.due(inSeconds: seconds)
            } else {
                due = nil
            }
            switch terminal.nextEvent(timeoutMilliseconds: due.map(InteractiveLoop.milliseconds(until:))) {
            case .timeout:
                due = nil
                screen.timerFired()
            case .resize:
                continue
            case .terminate(let signal):
                return TerminalSession.exitStatus(for: signal)
            case .mouse(let row, let column):
                if let target = frame.target(row: row, column: column) {
                    screen.click(target)
                    due = nil
                }
            case .key(let key):
                if screen.press(TerminalKeys.press(for: key)) { terminal.forceFullRedraw() }
                due = nil
                if screen.finished { return 0 }
            }
        }
    }
}
