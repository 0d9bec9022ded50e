/// A stretch of one row whose cells share a style.
struct StyleRun: Hashable, Sendable {
    /// The first column.
    var column: Int
    /// The characters, one per column (a wide character's second cell is skipped).
    var text: [Unicode.Scalar]
    /// Their style.
    var style: CellStyle

    /// The runs of a row, left to right. With `trimmed`, plain spaces at the end are dropped.
    static func runs(of canvas: Canvas, row: Int, trimmed: Bool) -> [StyleRun] {
        var end = canvas.width
        if trimmed {
            while end > 0, canvas[row, end - 1] == Cell() { end -= 1 }
        }
        return runs(of: canvas, row: row, columns: 0..<end)
    }

    /// The runs of some columns of a row, left to right.
    static func runs(of canvas: Canvas, row: Int, columns: Range<Int>) -> [StyleRun] {
        var runs: [StyleRun] = []
        for column in columns {
            let cell = canvas[row, column]
            if cell.isContinuation { continue }
            if let last = runs.last, last.style == cell.style {
                runs[runs.count - 1].text.append(cell.character)
            } else {
                runs.append(StyleRun(column: column, text: [cell.character], style: cell.style))
            }
        }
        return runs
    }

    /// The characters as a string.
    var string: String {
        String(String.UnicodeScalarView(text))
    }
}
