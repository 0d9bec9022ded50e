import CNNRender

/// A word from the loop itself on the status line (the last row) of the frame shown: that long
/// work is running, or that Esc cancelled it.
enum LiveNotice: Hashable, Sendable {
    /// Work has run for longer than `AppLoop.workingNoticeMilliseconds`.
    case working
    /// Esc stopped the work; the screen is as it was before it.
    case cancelled

    /// The text, with the keys that act on it.
    var text: String {
        switch self {
        case .working: return " working… Esc cancel  q quit "
        case .cancelled: return " cancelled "
        }
    }

    /// `canvas` with the notice written at the right end of its last row (from its left edge when
    /// the row is narrower), in reverse video so it reads without colour.
    func drawn(on canvas: Canvas, options: RenderOptions) -> Canvas {
        var copy = canvas
        guard copy.height > 0, copy.width > 0 else { return copy }
        let text = options.glyphs.adapt(self.text)
        let width = DisplayWidth.of(text)
        copy.put(
            text, row: copy.height - 1, column: max(0, copy.width - width), style: CellStyle(bold: true, reverse: true))
        return copy
    }
}
