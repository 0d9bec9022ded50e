import CNNRender
import CNNCourse
import CNNSandbox
import CNNTerminal

/// Runs the tutorial on the terminal: draw, wait for a key or the player's next clock event
/// (an animation step, the end of a beat's hold, the second-digit window), apply, repeat.
/// With nothing due the process sleeps in the terminal's input wait.
enum InteractiveTutorial {
    static func run(
        session: TutorialSession, command: String, program: String, ascii: Bool, noColor: Bool, classroom: Bool
    ) throws {
        try InteractiveLoop.run(
            command: command, noColor: noColor,
            notATerminalMessage: "\(program) needs a terminal; use --frame SCENE[:BEAT] to print a frame as text"
        ) { terminal in
            loop(session: session, program: program, ascii: ascii, classroom: classroom, terminal: terminal)
        }
    }

    @MainActor
    private static func loop(
        session start: TutorialSession, program: String, ascii: Bool, classroom: Bool, terminal: TerminalScreen
    ) -> Int32 {
        var session = start
        let options = InteractiveLoop.renderOptions(ascii: ascii, classroom: classroom, terminal: terminal)
        var due: UInt64? = nil
        while true {
            let size = terminal.size
            let frame =
                InteractiveLoop.tooSmallFrame(size: size, options: options)
                ?? TutorialScreen.render(
                    session, width: size.width, height: size.height, options: options, program: program)
            terminal.draw(frame.canvas)
            // Wait for a key, or until the player's next clock event.
            if let timer = session.timer {
                due = due ?? InteractiveLoop.due(inSeconds: timer.seconds)
            } else {
                due = nil
            }
            let event = terminal.nextEvent(timeoutMilliseconds: due.map(InteractiveLoop.milliseconds(until:)))
            switch event {
            case .timeout:
                due = nil
                session.timerFired()
            case .resize:
                continue
            case .terminate(let signal):
                return TerminalSession.exitStatus(for: signal)
            case .mouse(let row, let column):
                if let target = frame.target(row: row, column: column) {
                    session.changeView { $0.view.click(target) }
                    due = nil
                }
            case .key(let key):
                if key == .control("l") || key == .control("L") {
                    terminal.forceFullRedraw()
                    continue
                }
                guard let tutorialKey = TutorialKeys.key(for: key) else { continue }
                session.press(tutorialKey)
                due = nil
                if session.finished { return 0 }
            }
        }
    }
}
