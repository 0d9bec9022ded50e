import CNNSandbox

/// The `?` overlay: a key map's entries in a box over the screen.
public enum KeyHelp {
    /// Draws the key table as a boxed overlay in the middle of the canvas.
    public static func drawOverlay(
        _ entries: [(keys: String, action: String)], title: String, into canvas: inout Canvas, options: RenderOptions
    ) {
        let glyphs = options.glyphs
        let keyWidth = entries.map { glyphs.adapt($0.keys).unicodeScalars.count }.max() ?? 0
        let lines = entries.map { entry in
            let keys = glyphs.adapt(entry.keys)
            return " " + keys + String(repeating: " ", count: keyWidth - keys.unicodeScalars.count) + "   "
                + glyphs.adapt(entry.action) + " "
        }
        let footer = " any key closes this help "
        // A help that does not fit drops its blank rows first, then goes into columns side by
        // side when the screen is wide enough; only then are the last entries replaced by "…".
        let spacious = lines.count + 4 <= canvas.height
        let padding = spacious ? 1 : 0
        let rowsAvailable = max(1, canvas.height - 2 - 2 * padding)
        let lineWidth = lines.map { $0.unicodeScalars.count }.max() ?? 0
        var columnCount = max(1, (lines.count + rowsAvailable - 1) / rowsAvailable)
        if columnCount * lineWidth + (columnCount - 1) * 2 > canvas.width - 2 { columnCount = 1 }
        let rowsShown = min(rowsAvailable, (lines.count + columnCount - 1) / columnCount)
        let innerWidth = min(
            canvas.width - 2,
            max(columnCount * lineWidth + (columnCount - 1) * 2, footer.count, title.count + 2))
        let height = min(canvas.height, rowsShown + 2 + 2 * padding)
        let top = max(0, (canvas.height - height) / 2)
        let left = max(0, (canvas.width - innerWidth - 2) / 2)
        let box = CellStyle(bold: true)
        let drewOver = canvas.drawsOver
        canvas.drawsOver = true
        defer { canvas.drawsOver = drewOver }
        canvas.fill(row: top, column: left, width: innerWidth + 2, height: height, with: Cell(" "))
        Box.draw(into: &canvas, top: top, left: left, width: innerWidth + 2, height: height, glyphs: glyphs, style: box)
        canvas.put(" \(title) ", row: top, column: left + 2, style: CellStyle(bold: true))
        let capacity = rowsShown * columnCount
        for (index, line) in lines.prefix(capacity).enumerated() {
            let row = top + 1 + padding + index % rowsShown
            let column = left + 1 + (index / rowsShown) * (lineWidth + 2)
            if index == capacity - 1 && lines.count > capacity {
                canvas.put(
                    " \(glyphs.ellipsis) \(lines.count - capacity + 1) more: enlarge the terminal", row: row,
                    column: column)
                break
            }
            let keys = String(String.UnicodeScalarView(line.unicodeScalars.prefix(keyWidth + 1)))
            canvas.put(line, row: row, column: column)
            canvas.put(keys, row: row, column: column, style: CellStyle(bold: true))
        }
        canvas.put(
            footer, row: top + height - 1, column: left + max(1, (innerWidth + 2 - footer.count) / 2),
            style: CellStyle(dim: true))
    }
}

/// A rectangle outline.
public enum Box {
    /// Draws the outline of a rectangle.
    public static func draw(
        into canvas: inout Canvas, top: Int, left: Int, width: Int, height: Int, glyphs: Glyphs, style: CellStyle
    ) {
        guard width >= 2, height >= 2 else { return }
        let inner = String(repeating: glyphs.horizontal, count: width - 2)
        canvas.putBackdrop(glyphs.topLeft + inner + glyphs.topRight, row: top, column: left, style: style)
        canvas.putBackdrop(
            glyphs.bottomLeft + inner + glyphs.bottomRight, row: top + height - 1, column: left, style: style)
        for y in (top + 1)..<(top + height - 1) {
            canvas.putBackdrop(glyphs.vertical, row: y, column: left, style: style)
            canvas.putBackdrop(glyphs.vertical, row: y, column: left + width - 1, style: style)
        }
    }
}
