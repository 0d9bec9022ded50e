import CNNSandbox

/// Draws a grid of values: a title line, then one cell per position, each `cellWidth`
/// columns wide (value right-aligned, one blank column after it) and `rowStep` rows tall.
/// Only the visible window is visited, so the cost of a frame does not grow with the grid.
public struct GridPanel {
    /// The title line above the grid.
    public var title: String
    /// Logical rows and columns to draw (may start below 0, e.g. for padding).
    public var rows: Range<Int>
    public var columns: Range<Int>
    /// Screen columns per cell, including the blank separator.
    public var cellWidth: Int
    /// Screen rows per grid row (2 leaves a blank line between rows).
    public var rowStep: Int

    /// Creates a panel.
    public init(title: String, rows: Range<Int>, columns: Range<Int>, cellWidth: Int, rowStep: Int = 1) {
        self.title = title
        self.rows = rows
        self.columns = columns
        self.cellWidth = max(2, cellWidth)
        self.rowStep = max(1, rowStep)
    }

    /// Screen width of the grid (the title may be wider; see `draw`).
    public var width: Int { columns.count * cellWidth - 1 }

    /// Screen height including the title line.
    public var height: Int { 1 + max(0, rows.count * rowStep - (rowStep > 1 ? 1 : 0)) }

    /// The screen rectangle of a cell (its text part), relative to the canvas.
    public func cellOrigin(top: Int, left: Int, row: Int, column: Int) -> (row: Int, column: Int) {
        (top + 1 + (row - rows.lowerBound) * rowStep, left + (column - columns.lowerBound) * cellWidth)
    }

    /// Draws the title and every cell; `content` gives each cell's text and style.
    /// Returns the hit regions of the cells when `target` is given. In classroom mode (`options`)
    /// tall cells show their value in the large block font (`BigDigits`) when it fits, centred,
    /// and an underlined style (the highlight) is drawn as a frame around the cell instead of
    /// an underline on every row of its block.
    @discardableResult
    public func draw(
        into canvas: inout Canvas, top: Int, left: Int, titleStyle: CellStyle, titleLimit: Int = 0,
        options: RenderOptions? = nil,
        content: (Int, Int) -> (text: String, style: CellStyle),
        target: ((Int, Int) -> HitTarget?)? = nil
    ) -> [HitRegion] {
        canvas.put(title, row: top, column: left, style: titleStyle)
        canvas.layout.recordGrid(
            title: title, rows: rows, columns: columns, cellWidth: cellWidth, rowStep: rowStep)
        if titleLimit > 0 && title.unicodeScalars.count > titleLimit {
            canvas.fill(
                row: top, column: left + titleLimit, width: title.unicodeScalars.count - titleLimit, height: 1,
                with: Cell())
        }
        var hits: [HitRegion] = []
        let textWidth = cellWidth - 1
        let blockHeight = max(1, rowStep - 1)
        // Classroom mode letters every cell of the grid in one face, chosen from all its texts.
        let classroom = options?.classroom == true
        let cells = classroom ? rows.flatMap { row in columns.map { content(row, $0) } } : []
        let lettering = options.flatMap { options in
            classroom
                ? CellLettering(
                    width: textWidth, height: blockHeight, texts: cells.lazy.map(\.text), glyphs: options.glyphs) : nil
        }
        for row in rows {
            for column in columns {
                let origin = cellOrigin(top: top, left: left, row: row, column: column)
                let (text, style) =
                    classroom
                    ? cells[(row - rows.lowerBound) * columns.count + column - columns.lowerBound]
                    : content(row, column)
                if let options, let lettering, classroom {
                    GridCellBlock(
                        text: text, style: style, width: textWidth, height: blockHeight, glyphs: options.glyphs,
                        lettering: lettering
                    ).draw(into: &canvas, row: origin.row, column: origin.column)
                } else {
                    var shown = text
                    if shown.unicodeScalars.count > textWidth {
                        shown = String(String.UnicodeScalarView(shown.unicodeScalars.prefix(textWidth)))
                    }
                    let padded = String(repeating: " ", count: textWidth - shown.unicodeScalars.count) + shown
                    // Tall cells are filled as blocks, with the value on the middle line.
                    let blank = String(repeating: " ", count: textWidth)
                    for line in 0..<blockHeight {
                        let text = line == (blockHeight - 1) / 2 ? padded : blank
                        canvas.put(text, row: origin.row + line, column: origin.column, style: style)
                    }
                }
                if let target, let hit = target(row, column) {
                    hits.append(
                        HitRegion(
                            row: origin.row, column: origin.column, width: cellWidth, height: blockHeight,
                            target: hit))
                }
            }
        }
        return hits
    }
}
