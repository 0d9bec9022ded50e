import CNNSandbox

extension GridPanel {
    /// Screen columns the row indices of `rows` take left of a grid, the rule after them included.
    public static func rowIndexMargin(_ rows: Range<Int>) -> Int {
        guard let first = rows.first, let last = rows.last else { return 0 }
        return max(String(first).count, String(last).count) + 1
    }

    /// Draws row indices in the margin left of the grid (right-aligned, then a vertical rule that
    /// sets them apart from the values; see `rowIndexMargin`) and column indices on the line under it, each under the
    /// value it names. When a column's index is wider than its cell, only every few columns get
    /// one, so that labels never touch. Used for grids that do not show all their rows or columns
    /// of `total`, which the canvas's layout record keeps (`CanvasLayout.pagedGrids`).
    public func drawIndices(
        into canvas: inout Canvas, top: Int, left: Int, style: CellStyle, glyphs: Glyphs,
        total: (rows: Range<Int>, columns: Range<Int>)
    ) {
        canvas.layout.recordPaged(
            CanvasLayout.PagedGrid(
                top: top, shownRows: rows.count, totalRows: total.rows.count, shownColumns: columns.count,
                totalColumns: total.columns.count, cellWidth: cellWidth, rowStep: rowStep,
                margin: Self.rowIndexMargin(rows)))
        let blockHeight = max(1, rowStep - 1)
        for row in rows {
            let origin = cellOrigin(top: top, left: left, row: row, column: columns.lowerBound)
            let label = Self.indexText(row, glyphs: glyphs)
            let line = origin.row + (blockHeight - 1) / 2
            canvas.put(label, row: line, column: left - 1 - label.unicodeScalars.count, style: style)
        }
        for line in (top + 1)..<(top + height) {
            canvas.put(glyphs.vertical, row: line, column: left - 1, style: style)
        }
        let line = top + height
        var free = left
        for column in columns {
            let label = Self.indexText(column, glyphs: glyphs)
            let origin = cellOrigin(top: top, left: left, row: rows.lowerBound, column: column)
            let start = origin.column + cellWidth - 1 - label.unicodeScalars.count
            // One blank column between labels; the first may reach into the margin.
            guard start >= free || column == columns.lowerBound else { continue }
            canvas.put(label, row: line, column: start, style: style)
            free = start + label.unicodeScalars.count + 1
        }
    }

    /// An index as drawn on a grid's edge: padding positions are negative, with the set's minus.
    static func indexText(_ index: Int, glyphs: Glyphs) -> String {
        index < 0 ? glyphs.minus + String(-index) : String(index)
    }
}
