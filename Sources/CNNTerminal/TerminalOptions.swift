/// What the caller asks of the terminal session.
public struct TerminalOptions: Sendable {
    /// Whether to use colours at all (false for `--no-color` or NO_COLOR).
    public var color: Bool
    /// Whether to report left-button presses as `.mouse` events.
    public var mouse: Bool
    /// The message thrown when standard input or output is not a terminal.
    public var notATerminalMessage: String = "cnnviz explore needs a terminal; use --frame N to print a frame as text"

    /// What works without a terminal, for refusals: the part of `notATerminalMessage` after its
    /// first "; " (e.g. "use --frame N to print a frame as text").
    public var withoutTerminalHint: String {
        guard let range = notATerminalMessage.range(of: "; ") else {
            return "use --frame to print frames as text without a terminal"
        }
        return String(notATerminalMessage[range.upperBound...])
    }

    /// Creates options; colour and mouse are on unless turned off.
    public init(color: Bool = true, mouse: Bool = true) {
        self.color = color
        self.mouse = mouse
    }

    /// Whether the NO_COLOR convention (https://no-color.org) asks for no colour:
    /// the variable is set and not empty.
    public static var environmentWantsNoColor: Bool {
        wantsNoColor(noColorValue: ProcessEnvironment.value(of: "NO_COLOR"))
    }

    /// Whether a NO_COLOR value (nil when unset) asks for no colour: set and not empty.
    public static func wantsNoColor(noColorValue: String?) -> Bool {
        guard let noColorValue else { return false }
        return !noColorValue.isEmpty
    }
}

/// What the running terminal can show, decided when the session starts.
public struct TerminalCapabilities: Sendable, Equatable {
    /// Whether the locale is UTF-8, so box-drawing and block characters display.
    public let unicode: Bool
    /// Colours in use: 0 (no colour, NO_COLOR or `--no-color`), 8 or 256.
    public let colors: Int

    /// Creates capabilities.
    public init(unicode: Bool, colors: Int) {
        self.unicode = unicode
        self.colors = colors
    }

    /// The colour count the layer uses for a terminal reporting `terminalColors` colours
    /// (ncurses' COLORS), when colour is wanted: 256 or more → 256, 8 to 255 → 8, fewer → 0.
    public static func usableColors(terminalColors: Int, wanted: Bool) -> Int {
        guard wanted else { return 0 }
        if terminalColors >= 256 { return 256 }
        if terminalColors >= 8 { return 8 }
        return 0
    }
}
