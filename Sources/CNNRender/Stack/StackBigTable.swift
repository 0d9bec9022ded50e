import CNNSandbox

/// The stack view's table as classroom mode draws it on a projector: every number in the
/// block-glyph font (`BigDigits`, three rows tall), the words (layer names, shapes with `×`) on
/// the middle row of their line, one blank row between lines, and the chosen level's numbers in
/// the highlight's hue, so the r, params and mults columns the narration reads are legible from
/// the back of a room.
struct StackBigTable {
    let table: StackTable
    let columns: [Int]

    /// Screen rows of one table line (the font's height) and the blank row under it.
    static let lineHeight = BigDigits.height + 1
    /// Blank columns between table columns.
    static let gap = 5

    /// Whether a cell is drawn in the large font.
    static func isBig(_ text: String) -> Bool {
        !text.isEmpty && BigDigits.width(text) != nil
    }

    /// The width of one cell's text as drawn.
    static func cellWidth(_ text: String) -> Int {
        isBig(text) ? (BigDigits.width(text) ?? 0) : text.unicodeScalars.count
    }

    /// Column widths as drawn.
    var widths: [Int] {
        columns.map { column in
            ([StackTable.header[column]] + table.rows.map { $0[column] }).map(StackBigTable.cellWidth).max() ?? 0
        }
    }

    /// The screen width of the table.
    var width: Int { widths.reduce(0, +) + StackBigTable.gap * max(0, columns.count - 1) }

    /// The screen height of the header and `rows` lines.
    static func height(rows: Int) -> Int { 1 + rows * lineHeight - 1 }

    /// Draws the header and the rows `shown` from `top`.
    func draw(
        into canvas: inout Canvas, top: Int, left: Int, shown: [Int], chosenLevel: Int?, palette: Palette,
        options: RenderOptions
    ) {
        let widths = self.widths
        var x = left
        for (slot, column) in columns.enumerated() {
            let title = StackTable.header[column]
            let pad = StackTable.rightAligned.contains(column) ? widths[slot] - title.unicodeScalars.count : 0
            canvas.put(title, row: top, column: x + pad, style: palette.title)
            x += widths[slot] + StackBigTable.gap
        }
        for (line, index) in shown.enumerated() {
            let rowTop = top + 1 + line * StackBigTable.lineHeight
            if rowTop + 1 < canvas.height { canvas.layout.recordRow(table.recordName(ofRow: index)) }
            let chosen = chosenLevel != nil && table.levels[index] == chosenLevel
            let isTotal = index == table.rows.count - 1 && table.hasTotal
            var style = CellStyle(bold: true)
            if chosen {
                style.foreground = options.color ? TerminalColor(index256: 213, basic: 5) : nil
                style.underline = !options.color
            } else if isTotal {
                style.foreground = options.color ? TerminalColor(index256: 117, basic: 6) : nil
            }
            var x = left
            for (slot, column) in columns.enumerated() {
                let text = table.rows[index][column]
                let pad =
                    StackTable.rightAligned.contains(column) ? widths[slot] - StackBigTable.cellWidth(text) : 0
                if StackBigTable.isBig(text), let rows = BigDigits.rows(text) {
                    for (offset, glyphRow) in rows.enumerated() {
                        put(glyphRow, row: rowTop + offset, column: x + pad, style: style, into: &canvas)
                    }
                } else {
                    canvas.put(text, row: rowTop + 1, column: x + pad, style: style)
                }
                x += widths[slot] + StackBigTable.gap
            }
        }
    }

    /// Writes the glyph's ink only, so blanks inside the font do not count as text.
    private func put(_ text: String, row: Int, column: Int, style: CellStyle, into canvas: inout Canvas) {
        for (offset, scalar) in text.unicodeScalars.enumerated() where scalar != " " {
            canvas.put(String(scalar), row: row, column: column + offset, style: style)
        }
    }
}
