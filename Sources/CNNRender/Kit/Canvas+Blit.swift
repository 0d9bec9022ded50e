import CNNSandbox

extension Canvas {
    /// Copies rows `sourceRows` of `source` (all of them by default) onto this canvas with their
    /// top-left corner at (`row`, `column`); whatever falls outside this canvas is clipped. The
    /// source's layout record comes along, and its text landing on text here is an overlap.
    public mutating func blit(_ source: Canvas, sourceRows: Range<Int>? = nil, row: Int, column: Int) {
        let rows = (sourceRows ?? 0..<source.height).clamped(to: 0..<source.height)
        for sourceRow in rows {
            let y = row + sourceRow - rows.lowerBound
            guard y >= 0 && y < height else { continue }
            for x in 0..<source.width where column + x >= 0 && column + x < width {
                let wrote = source.written(row: sourceRow, column: x)
                copyCell(source[sourceRow, x], wroteText: wrote.text, wroteFill: wrote.fill, row: y, column: column + x)
            }
        }
        layout.merge(source.layout, rows: row - rows.lowerBound, columns: column)
    }
}
