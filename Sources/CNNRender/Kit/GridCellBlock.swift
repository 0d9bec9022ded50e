import CNNSandbox

/// One grid cell as classroom mode draws it: a block of its style's colour, the value centred
/// in it in the block font of its grid's lettering (one blank column kept inside each edge), a
/// leading marker (the pool winner's star) small in the top-left corner, and, for an underlined
/// style (the highlight), a frame around the block in place of the underline.
struct GridCellBlock {
    let text: String
    let style: CellStyle
    /// Columns and rows of the block.
    let width: Int
    let height: Int
    let glyphs: Glyphs
    /// The grid's face and frame.
    let lettering: CellLettering

    /// A cell lettered with its grid (`lettering` chosen from all the grid's texts).
    init(text: String, style: CellStyle, width: Int, height: Int, glyphs: Glyphs, lettering: CellLettering) {
        self.text = text
        self.style = style
        self.width = width
        self.height = height
        self.glyphs = glyphs
        self.lettering = lettering
    }

    /// A cell lettered on its own (the face chosen from this cell's text alone).
    init(text: String, style: CellStyle, width: Int, height: Int, glyphs: Glyphs) {
        self.init(
            text: text, style: style, width: width, height: height, glyphs: glyphs,
            lettering: CellLettering(width: width, height: height, texts: [text], glyphs: glyphs))
    }

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
        let (marker, value) = CellLettering.split(text, glyphs: glyphs)
        if let face = lettering.face, let big = BigDigits.draw(value, face: face),
            big.width <= width - 2, big.lines.count <= height
        {
            // The digits keep one blank column inside each edge, so the frame's sides are always
            // free; its top and bottom edges are drawn where the digits leave those rows free.
            let top = row + (height - big.lines.count) / 2
            if framed {
                drawFrame(
                    into: &canvas, row: row, column: column, style: fillStyle,
                    edges: (top > row, top + big.lines.count < row + height), topLeft: marker.map { ($0, valueStyle) })
            }
            let left = column + 1 + (width - 2 - big.width) / 2
            for (index, line) in big.lines.enumerated() {
                put(line, row: top + index, column: left, style: valueStyle, into: &canvas)
            }
            if let marker, !framed { canvas.put(marker, row: row, column: column, style: valueStyle) }
            return
        }
        var inner = (row: row, column: column, width: width, height: height)
        if framed {
            drawFrame(into: &canvas, row: row, column: column, style: fillStyle, edges: (true, true))
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

    /// Text whose blanks keep the block's colour without counting as written over.
    private func put(_ text: String, row: Int, column: Int, style: CellStyle, into canvas: inout Canvas) {
        for (offset, scalar) in text.unicodeScalars.enumerated() where scalar != " " {
            canvas.put(String(scalar), row: row, column: column + offset, style: style)
        }
    }

    /// A heavy outline on the block's sides and on its top and bottom edges where `edges` says
    /// (elsewhere only the corners); a marker given for the top-left corner replaces it.
    private func drawFrame(
        into canvas: inout Canvas, row: Int, column: Int, style: CellStyle, edges: (top: Bool, bottom: Bool),
        topLeft: (text: String, style: CellStyle)? = nil
    ) {
        var frame = style
        frame.bold = true
        let ascii = glyphs == .ascii
        let horizontal = ascii ? "=" : "━"
        let vertical = ascii ? "|" : "┃"
        let corners = ascii ? ["+", "+", "+", "+"] : ["┏", "┓", "┗", "┛"]
        let inner = String(repeating: horizontal, count: width - 2)
        let gap = String(repeating: " ", count: width - 2)
        if let topLeft { canvas.put(topLeft.text, row: row, column: column, style: topLeft.style) }
        let topText = (topLeft == nil ? corners[0] : "") + (edges.top ? inner : gap) + corners[1]
        put(topText, row: row, column: column + (topLeft == nil ? 0 : 1), style: frame, into: &canvas)
        put(
            corners[2] + (edges.bottom ? inner : gap) + corners[3], row: row + height - 1, column: column, style: frame,
            into: &canvas)
        for line in 1..<(height - 1) {
            canvas.put(vertical, row: row + line, column: column, style: frame)
            canvas.put(vertical, row: row + line, column: column + width - 1, style: frame)
        }
    }
}
