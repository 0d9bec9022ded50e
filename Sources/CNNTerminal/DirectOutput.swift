/// The bytes for a draw, written straight to the terminal instead of through ncurses' refresh,
/// for terminals whose cursor addressing is the ECMA-48 one (xterm, tmux, screen, the Linux
/// console, and nearly every terminal emulator): one `ESC [ row ; column H` per changed run,
/// one SGR per style change (set from a reset, as `DrawCost` counts it), the characters in
/// UTF-8, and a reset at the end. ncurses still reads the keyboard and handles start, resize
/// and exit. Pure.
struct DirectOutput {
    /// The terminfo `cup` string this output is the same as.
    static let ecmaCursorAddressing = "\u{1B}[%i%p1%d;%p2%dH"

    /// Whether a terminal with this `cup` capability can take direct output.
    static func isUsable(cursorAddressing: String?) -> Bool {
        cursorAddressing == ecmaCursorAddressing
    }

    /// Colours in use: 0, 8 or 256.
    let colors: Int
    /// The bytes so far.
    private(set) var bytes: [UInt8] = []
    /// The style in effect (the plain style after a reset).
    private var current: ResolvedStyle
    /// The plain style.
    private let plain: ResolvedStyle

    /// Starts a draw whose terminal is in the `plain` style.
    init(colors: Int, plain: ResolvedStyle) {
        self.colors = colors
        self.plain = plain
        self.current = plain
        bytes.reserveCapacity(4096)
    }

    /// Starts a full repaint: resets attributes and the scrolling region (ncurses sets one for
    /// the size it started with). The screen is cleared (`ESC [ 2 J`) only when the canvas
    /// does not cover it (`beyondCanvas`): otherwise the repaint writes every cell anyway.
    mutating func clearScreen(beyondCanvas: Bool) {
        append(beyondCanvas ? "\u{1B}[m\u{1B}[r\u{1B}[H\u{1B}[2J" : "\u{1B}[m\u{1B}[r")
        current = plain
    }

    /// Moves the cursor to a 0-based cell.
    mutating func move(row: Int, column: Int) {
        append("\u{1B}[\(row + 1);\(column + 1)H")
    }

    /// Writes one character in a style, changing the style first when it differs.
    mutating func put(_ scalar: Unicode.Scalar, style: ResolvedStyle) {
        if style != current {
            append(Self.sgr(style, colors: colors))
            current = style
        }
        bytes.append(contentsOf: UTF8.encode(scalar).map { Array($0) } ?? [0x3F])
    }

    /// Ends the draw in the plain style.
    mutating func finish() {
        if current != plain {
            append(Self.sgr(plain, colors: colors))
            current = plain
        }
    }

    /// The SGR sequence that sets `style` from a reset: `ESC [ 0 ; attributes ; colours m`, or
    /// `ESC [ m` for the plain style; its length is `DrawCost.sgrBytes`.
    static func sgr(_ style: ResolvedStyle, colors: Int) -> String {
        var parameters: [String] = []
        if style.bold { parameters.append("1") }
        if style.dim { parameters.append("2") }
        if style.reverse { parameters.append("7") }
        if style.underline { parameters.append("4") }
        if let pair = style.colors {
            if pair.foreground >= 0 {
                parameters.append(colors >= 256 ? "38;5;\(pair.foreground)" : "3\(pair.foreground)")
            }
            if pair.background >= 0 {
                parameters.append(colors >= 256 ? "48;5;\(pair.background)" : "4\(pair.background)")
            }
        }
        guard !parameters.isEmpty else { return "\u{1B}[m" }
        return "\u{1B}[0;" + parameters.joined(separator: ";") + "m"
    }

    /// Appends text as UTF-8.
    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }
}
