/// A canvas as a self-contained SVG picture: a background `<rect>` and a `<text>` for each
/// run of same-style cells, in a monospace font, on a fixed cell grid.
enum SVGFrame {
    /// Cell width in pixels (0.6 em of a 14 px monospace font).
    static let cellWidth = 8.4
    /// Row height in pixels.
    static let cellHeight = 17.0
    /// Font size in pixels.
    static let fontSize = 14.0

    /// The whole picture.
    static func document(_ canvas: Canvas) -> String {
        let width = number(Double(canvas.width) * cellWidth)
        let height = number(Double(canvas.height) * cellHeight)
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" \
            viewBox="0 0 \(width) \(height)" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" \
            font-size="\(number(fontSize))" xml:space="preserve">
            <rect x="0" y="0" width="\(width)" height="\(height)" fill="\(MarkupText.defaultBackground)"/>

            """
        for row in 0..<canvas.height {
            for run in StyleRun.runs(of: canvas, row: row, trimmed: true) {
                out += elements(run, row: row)
            }
        }
        out += "</svg>\n"
        return out
    }

    private static func elements(_ run: StyleRun, row: Int) -> String {
        let x = number(Double(run.column) * cellWidth)
        let y = number(Double(row) * cellHeight)
        let runWidth = number(Double(run.text.count) * cellWidth)
        let (foreground, background) = MarkupText.colors(run.style)
        var out = ""
        if let background {
            out += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(runWidth)\" height=\"\(number(cellHeight))\" "
            out += "fill=\"\(background)\"/>\n"
        }
        guard run.text.contains(where: { $0 != " " }) else { return out }
        let baseline = number(Double(row) * cellHeight + cellHeight * 0.78)
        var attributes = "x=\"\(x)\" y=\"\(baseline)\" textLength=\"\(runWidth)\" lengthAdjust=\"spacingAndGlyphs\""
        attributes += " fill=\"\(foreground ?? MarkupText.defaultForeground)\""
        if run.style.bold { attributes += " font-weight=\"bold\"" }
        if run.style.dim { attributes += " opacity=\"0.6\"" }
        if run.style.underline { attributes += " text-decoration=\"underline\"" }
        out += "<text \(attributes)>\(MarkupText.escape(run.string))</text>\n"
        return out
    }

    /// A coordinate with at most one decimal, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(abs(tenths % 10))"
    }
}
