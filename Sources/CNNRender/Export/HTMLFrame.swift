/// A canvas as a self-contained HTML page: a `<pre>` of spans with inline colours.
enum HTMLFrame {
    /// The whole page.
    static func document(_ canvas: Canvas) -> String {
        var body = ""
        for row in 0..<canvas.height {
            for run in StyleRun.runs(of: canvas, row: row, trimmed: true) {
                body += span(run)
            }
            body += "\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>cnnviz \(canvas.width)×\(canvas.height)</title>
            <style>
            pre.cnnviz { display: inline-block; margin: 0; padding: 0.5em; line-height: 1.2; font-size: 14px;
              font-family: "DejaVu Sans Mono", "Menlo", "Consolas", monospace;
              color: \(MarkupText.defaultForeground); background: \(MarkupText.defaultBackground); }
            pre.cnnviz .b { font-weight: bold; }
            pre.cnnviz .d { opacity: 0.6; }
            pre.cnnviz .u { text-decoration: underline; }
            </style>
            </head>
            <body>
            <pre class="cnnviz">\(body)</pre>
            </body>
            </html>

            """
    }

    private static func span(_ run: StyleRun) -> String {
        let text = MarkupText.escape(run.string)
        var classes: [String] = []
        if run.style.bold { classes.append("b") }
        if run.style.dim { classes.append("d") }
        if run.style.underline { classes.append("u") }
        let (foreground, background) = MarkupText.colors(run.style)
        var css: [String] = []
        if let foreground { css.append("color: \(foreground)") }
        if let background { css.append("background: \(background)") }
        guard !classes.isEmpty || !css.isEmpty else { return text }
        var attributes = ""
        if !classes.isEmpty { attributes += " class=\"\(classes.joined(separator: " "))\"" }
        if !css.isEmpty { attributes += " style=\"\(css.joined(separator: "; "))\"" }
        return "<span\(attributes)>\(text)</span>"
    }
}
