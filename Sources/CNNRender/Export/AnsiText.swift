/// A canvas as text with SGR escape sequences, for `--format ansi` and recordings.
public enum AnsiText {
    /// The escape that starts a style from the terminal's default (nil for the plain style).
    public static func sgr(_ style: CellStyle) -> String? {
        var codes: [String] = []
        if style.bold { codes.append("1") }
        if style.dim { codes.append("2") }
        if style.underline { codes.append("4") }
        if style.reverse { codes.append("7") }
        if let foreground = style.foreground { codes.append("38;" + color(foreground)) }
        if let background = style.background { codes.append("48;" + color(background)) }
        return codes.isEmpty ? nil : "\u{1B}[0;" + codes.joined(separator: ";") + "m"
    }

    /// `5;N` for a palette colour, `2;R;G;B` for an exact one.
    private static func color(_ color: TerminalColor) -> String {
        guard let rgb = color.rgb else { return "5;\(color.index256)" }
        return "2;\(rgb >> 16);\((rgb >> 8) & 0xFF);\(rgb & 0xFF)"
    }

    /// The reset sequence.
    public static let reset = "\u{1B}[0m"

    /// One row with its styles, reset at its end if any style was on. With `trimmed`, plain
    /// spaces at the end are left out.
    public static func line(_ canvas: Canvas, row: Int, trimmed: Bool = true) -> String {
        styled(StyleRun.runs(of: canvas, row: row, trimmed: trimmed))
    }

    /// Some columns of a row with their styles, reset at the end if any style was on.
    public static func segment(_ canvas: Canvas, row: Int, columns: Range<Int>) -> String {
        styled(StyleRun.runs(of: canvas, row: row, columns: columns))
    }

    private static func styled(_ runs: [StyleRun]) -> String {
        var result = ""
        var styled = false
        for run in runs {
            if let code = sgr(run.style) {
                result += code
                styled = true
            } else if styled {
                result += reset
                styled = false
            }
            result += run.string
        }
        if styled { result += reset }
        return result
    }

    /// Every row, joined by newlines (no newline after the last).
    public static func document(_ canvas: Canvas) -> String {
        (0..<canvas.height).map { line(canvas, row: $0) }.joined(separator: "\n")
    }
}
