import CNNSandbox

/// The title bar across the top of every view.
public enum TitleBar {
    /// Draws `title` on the left and `hint` on the right of row 0.
    public static func draw(title: String, hint: String, into canvas: inout Canvas, palette: Palette) {
        canvas.fill(row: 0, column: 0, width: canvas.width, height: 1, with: Cell(" ", style: palette.bar))
        canvas.put(" " + title, row: 0, column: 0, style: palette.bar)
        let hintWidth = hint.unicodeScalars.count
        if hintWidth + title.unicodeScalars.count + 4 < canvas.width {
            canvas.put(hint + " ", row: 0, column: canvas.width - hintWidth - 1, style: palette.bar)
        }
    }
}
