/// The ways a frame can leave the program (`--format`).
public enum FrameFormat: String, CaseIterable, Hashable, Sendable {
    /// Plain characters, trailing spaces removed: what `Canvas.text` gives.
    case text
    /// Characters with SGR escape sequences (256-colour foreground and background, bold, dim,
    /// reverse, underline), reset at the end of every styled line.
    case ansi
    /// A self-contained HTML page: one `<pre>` of styled spans in a monospace font.
    case html
    /// A self-contained SVG picture: a `<rect>` and a `<text>` per run of same-style cells.
    case svg
}

/// The canvas written in a format, ready to print or save.
public func export(_ canvas: Canvas, format: FrameFormat) -> String {
    switch format {
    case .text: return canvas.text
    case .ansi: return AnsiText.document(canvas)
    case .html: return HTMLFrame.document(canvas)
    case .svg: return SVGFrame.document(canvas)
    }
}

extension FrameFormat {
    /// Parses a `--format` value, or explains which values work.
    public static func parse(_ text: String, flag: String = "--format") -> Result<FrameFormat, FrameFormatError> {
        if let format = FrameFormat(rawValue: text.lowercased()) { return .success(format) }
        let names = allCases.map(\.rawValue).joined(separator: ", ")
        return .failure(FrameFormatError(message: "\(flag): unknown format '\(text)'; choose one of \(names)"))
    }
}

/// A `--format` value that names no format.
public struct FrameFormatError: Error, Hashable, Sendable {
    /// One line naming the flag, the value and the formats that exist.
    public let message: String
}
