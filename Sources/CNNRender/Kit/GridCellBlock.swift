import CNNSandbox

/// One grid cell as classroom mode draws it: a block of its style's colour, the value centred
/// in it (in the large block font when the block is tall and wide enough), and, for an
/// underlined style (the highlight), a frame around the block in place of the underline.
struct GridCellBlock {
    let text: String
    let style: CellStyle
    /// Columns and rows of the block.
    let width: Int
    let height: Int
    let glyphs: Glyphs

    /// Whether the block is outlined: a highlighted cell with room for a frame and a value inside.
    var framed: Bool { style.underline && height >= 3 && width >= 4 }

    func draw(into canvas: inout Canvas, row: Int, column: Int) {
        guard width > 0, height > 0 else { return }
        var fillStyle = style
        // A one-row cell keeps the underline (it is drawn once); taller blocks are framed or
        // underlined on their last row only.
        if height > 1 { fillStyle.underline = false }
        let blank = String(repeating: " ", count: width)
        for line in 0..<height {
            var lineStyle = fillStyle
            if height > 1 && line == height - 1 && style.underline && !framed { lineStyle.underline = true }
            canvas.put(blank, row: row + line, column: column, style: lineStyle)
        }
        var valueStyle = fillStyle
        valueStyle.bold = true
        // The large font where it fits: inside a full frame, else inside the block with the
        // frame reduced to its corners (the value keeps its size when it is highlighted).
        let bigWidth = glyphs == .ascii ? nil : BigDigits.width(text)
        if let bigWidth, framed, height - 2 >= BigDigits.height, bigWidth <= width - 2 {
            drawFrame(into: &canvas, row: row, column: column, style: fillStyle, cornersOnly: false)
            drawBig(into: &canvas, inside: (row + 1, column + 1, width - 2, height - 2), style: valueStyle)
            return
        }
        // With corners only, two blank columns on each side keep them clear of the digits.
        if let bigWidth, height >= BigDigits.height, bigWidth <= width - (framed ? 4 : 0) {
            if framed { drawFrame(into: &canvas, row: row, column: column, style: fillStyle, cornersOnly: true) }
            let inset = framed ? 2 : 0
            drawBig(into: &canvas, inside: (row, column + inset, width - 2 * inset, height), style: valueStyle)
            return
        }
        var inner = (row: row, column: column, width: width, height: height)
        if framed {
            drawFrame(into: &canvas, row: row, column: column, style: fillStyle, cornersOnly: false)
            inner = (row + 1, column + 1, width - 2, height - 2)
        }
        var shown = text
        if shown.unicodeScalars.count > inner.width {
            shown = String(String.UnicodeScalarView(shown.unicodeScalars.prefix(max(0, inner.width))))
        }
        let middle = inner.row + (inner.height - 1) / 2
        let left = inner.column + (inner.width - shown.unicodeScalars.count + 1) / 2
        var lineStyle = valueStyle
        if height > 1 && middle == row + height - 1 && style.underline && !framed { lineStyle.underline = true }
        canvas.put(shown, row: middle, column: left, style: lineStyle)
    }

    /// The value in the large font, magnified as far as the rectangle allows, centred in it.
    private func drawBig(
        into canvas: inout Canvas, inside box: (row: Int, column: Int, width: Int, height: Int), style: CellStyle
    ) {
        guard let unit = BigDigits.width(text), unit > 0 else { return }
        let scale = max(1, min(box.height / BigDigits.height, (box.width + 1) / (unit + 1)))
        guard let big = BigDigits.rows(text, scale: scale), let bigWidth = big.first?.unicodeScalars.count else {
            return
        }
        let top = box.row + (box.height - big.count) / 2
        let left = box.column + (box.width - bigWidth + 1) / 2
        for (index, line) in big.enumerated() {
            put(line, row: top + index, column: left, style: style, into: &canvas)
        }
    }

    /// Text whose blanks keep the block's colour without counting as written over.
    private func put(_ text: String, row: Int, column: Int, style: CellStyle, into canvas: inout Canvas) {
        for (offset, scalar) in text.unicodeScalars.enumerated() where scalar != " " {
            canvas.put(String(scalar), row: row, column: column + offset, style: style)
        }
    }

    /// A heavy outline on the block's edge rows and columns (or only its four corners).
    private func drawFrame(into canvas: inout Canvas, row: Int, column: Int, style: CellStyle, cornersOnly: Bool) {
        var frame = style
        frame.bold = true
        let ascii = glyphs == .ascii
        let horizontal = ascii ? "=" : "━"
        let vertical = ascii ? "|" : "┃"
        let corners = ascii ? ["+", "+", "+", "+"] : ["┏", "┓", "┗", "┛"]
        if cornersOnly {
            canvas.put(corners[0], row: row, column: column, style: frame)
            canvas.put(corners[1], row: row, column: column + width - 1, style: frame)
            canvas.put(corners[2], row: row + height - 1, column: column, style: frame)
            canvas.put(corners[3], row: row + height - 1, column: column + width - 1, style: frame)
            return
        }
        let inner = String(repeating: horizontal, count: width - 2)
        canvas.put(corners[0] + inner + corners[1], row: row, column: column, style: frame)
        canvas.put(corners[2] + inner + corners[3], row: row + height - 1, column: column, style: frame)
        for line in 1..<(height - 1) {
            canvas.put(vertical, row: row + line, column: column, style: frame)
            canvas.put(vertical, row: row + line, column: column + width - 1, style: frame)
        }
    }
}
