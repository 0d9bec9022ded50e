import ArgumentParser
import CNNRender
import CNNTerminal

/// Hidden diagnostic: shows decoded key, mouse and resize events until `q` or Esc.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Show the key, mouse and resize events the terminal layer decodes.",
        shouldDisplay: false)

    @Flag(name: .customLong("no-color"), help: "Draw without colours (as NO_COLOR does).")
    var noColor = false

    @Flag(name: .customLong("no-mouse"), help: "Do not ask the terminal for mouse events.")
    var noMouse = false

    @Option(
        name: .customLong("tick"),
        help: ArgumentHelp("Wait at most this many milliseconds for input, showing timeouts.", visibility: .hidden))
    var tickMilliseconds: Int?

    @Option(
        name: .customLong("crash-on"),
        help: ArgumentHelp(
            "Crash (fatalError) when this character is typed, to test terminal restoration.", visibility: .hidden))
    var crashCharacter: String?

    @Option(
        name: .customLong("busy-on"),
        help: ArgumentHelp(
            "Compute for 5 s without reading input when this character is typed, to test that signals still act.",
            visibility: .hidden))
    var busyCharacter: String?

    func validate() throws {
        if let tickMilliseconds, tickMilliseconds < 1 {
            throw ValidationError("--tick must be at least 1 millisecond, got \(tickMilliseconds)")
        }
        if let crashCharacter, crashCharacter.count != 1 {
            throw ValidationError("--crash-on takes one character, got \"\(crashCharacter)\"")
        }
    }

    func run() throws {
        var options = TerminalOptions(color: !noColor && !TerminalOptions.environmentWantsNoColor, mouse: !noMouse)
        options.notATerminalMessage =
            "cnnviz keys needs a terminal: run it with standard input and output on a terminal"
        let signal: Int32?
        do {
            signal = try TerminalSession.run(options: options) { screen in
                try KeysView.loop(
                    screen: screen, tick: tickMilliseconds, crashCharacter: crashCharacter.flatMap(\.first),
                    busyCharacter: busyCharacter.flatMap(\.first))
            }
        } catch let error as TerminalError {
            throw CommandFailure.usage(error.message)
        }
        if let signal { throw ExitCode(TerminalSession.exitStatus(for: signal)) }
    }
}

/// The `cnnviz keys` screen: a title, the terminal's size and capabilities, and recent events.
@MainActor
enum KeysView {
    /// How many events stay on screen.
    static let historyLength = 10

    /// Runs until q/Esc (returns nil) or a terminating signal (returns it).
    static func loop(
        screen: TerminalScreen, tick: Int?, crashCharacter: Character?, busyCharacter: Character? = nil
    ) throws -> Int32? {
        var history: [String] = []
        var count = 0
        while true {
            screen.draw(canvas(screen: screen, history: history))
            let event = screen.nextEvent(timeoutMilliseconds: tick)
            switch event {
            case .key(.character("q")), .key(.escape):
                return nil
            case .key(.character(let character)) where character == busyCharacter:
                let end = ContinuousClock.now.advanced(by: .seconds(5))
                while ContinuousClock.now < end {}  // a long frame: the loop reads no input meanwhile
            case .key(.character(let character)) where character == crashCharacter:
                fatalError("cnnviz keys: crash requested with --crash-on \(character)")
            case .terminate(let signal):
                return signal
            default:
                count += 1
                history.append("#\(count) \(event)")
                if history.count > historyLength { history.removeFirst(history.count - historyLength) }
            }
        }
    }

    /// The screen for the current size.
    static func canvas(screen: TerminalScreen, history: [String]) -> Canvas {
        let (width, height) = screen.size
        let capabilities = screen.capabilities
        var canvas = Canvas(width: width, height: height)
        let dash = capabilities.unicode ? "—" : "-"
        let times = capabilities.unicode ? "×" : "x"
        canvas.put("cnnviz keys \(dash) press keys; q quits", row: 0, column: 0, style: CellStyle(bold: true))
        canvas.put(
            "size \(width)\(times)\(height)   unicode \(capabilities.unicode ? "yes" : "no")   colours \(capabilities.colors)",
            row: 1, column: 0)
        var column = canvas.put("palette ", row: 2, column: 0)
        let palette: [TerminalColor] = [.black, .red, .green, .yellow, .blue, .magenta, .cyan, .white, .gray]
        for color in palette {
            column = canvas.put(
                "  ", row: 2, column: column, style: CellStyle(background: color, reverse: capabilities.colors == 0))
            column += 1
        }
        canvas.put("bold", row: 3, column: 0, style: CellStyle(bold: true))
        canvas.put("dim", row: 3, column: 5, style: CellStyle(dim: true))
        canvas.put("reverse", row: 3, column: 9, style: CellStyle(reverse: true))
        canvas.put("underline", row: 3, column: 17, style: CellStyle(underline: true))
        canvas.put("red on default", row: 3, column: 27, style: CellStyle(foreground: .red))
        canvas.put("last events:", row: 5, column: 0, style: CellStyle(underline: true))
        for (offset, line) in history.enumerated() {
            canvas.put(line, row: 6 + offset, column: 2)
        }
        return canvas
    }
}
