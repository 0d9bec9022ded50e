import ArgumentParser
import CNNRender
import CNNTerminal
import Dispatch

/// What the interactive commands (`explore`, `tutorial`, `play`) share: opening the terminal
/// session, the frame asking for a larger terminal, and turning a due time into a wait.
enum InteractiveLoop {
    /// The smallest screen the views are laid out for.
    static let minimumSize = (width: 40, height: 12)

    /// Runs `body` in a terminal session for `command` (e.g. "explore"); a terminal problem
    /// becomes a usage error, a signal's exit status a non-zero exit.
    static func run(
        command: String, noColor: Bool, notATerminalMessage: String? = nil, _ body: @MainActor (TerminalScreen) -> Int32
    ) throws {
        var options = TerminalOptions(color: !noColor && !TerminalOptions.environmentWantsNoColor)
        if let notATerminalMessage { options.notATerminalMessage = notATerminalMessage }
        let status: Int32
        do {
            status = try TerminalSession.run(options: options, body)
        } catch let error as TerminalError {
            throw CommandFailure.usage("cnnviz \(command): \(error.message)")
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The render options the terminal allows (`--ascii` or a non-UTF-8 terminal: ASCII).
    @MainActor
    static func renderOptions(ascii: Bool, classroom: Bool = false, terminal: TerminalScreen) -> RenderOptions {
        RenderOptions(
            ascii: ascii || !terminal.capabilities.unicode, color: terminal.capabilities.colors > 0,
            classroom: classroom)
    }

    /// A request for a larger terminal when the screen is below `minimumSize`, else nil.
    static func tooSmallFrame(size: (width: Int, height: Int), options: RenderOptions) -> RenderedFrame? {
        guard size.width < minimumSize.width || size.height < minimumSize.height else { return nil }
        var canvas = Canvas(width: size.width, height: size.height)
        let lines = TextWrap.lines(
            "cnnviz needs at least \(minimumSize.width)×\(minimumSize.height); this terminal is \(size.width)×\(size.height). Enlarge it, or press q to quit.",
            width: max(1, size.width - 2))
        for (index, line) in lines.prefix(size.height).enumerated() {
            canvas.put(options.glyphs.adapt(line), row: index, column: 1)
        }
        return RenderedFrame(canvas: canvas)
    }

    /// Now, in nanoseconds of the monotonic clock.
    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// The wait in milliseconds until `due` (0 when it has passed).
    static func milliseconds(until due: UInt64) -> Int {
        let current = now
        return due > current ? Int((due - current) / 1_000_000) : 0
    }

    /// The longest wait a timer asks for: a day (a longer or non-finite hold waits for a key).
    static let longestWait: Double = 86_400

    /// `seconds` from now, in monotonic nanoseconds; negative, NaN or huge values are clamped
    /// to 0…`longestWait`, so no user's number can overflow the conversion.
    static func due(inSeconds seconds: Double) -> UInt64 {
        let clamped = seconds.isNaN ? longestWait : min(max(0, seconds), longestWait)
        return now + UInt64(clamped * 1_000_000_000)
    }
}
