/// Draws a fitted picture into a canvas: with colour and Unicode, `▀` half blocks whose
/// foreground is the upper block and background the lower (two blocks per cell); without
/// colour, a shading ramp (Unicode shades, or ASCII with `options.ascii`), one cell per two
/// blocks. The picture keeps a one-cell margin for the outline of a window.
public struct PictureWidget: Sendable {
    /// The picture to draw.
    public let picture: FittedPicture
    /// How to draw.
    public let options: RenderOptions

    /// Creates a widget.
    public init(picture: FittedPicture, options: RenderOptions) {
        self.picture = picture
        self.options = options
    }

    /// The cells the widget takes, margin included.
    public var size: (columns: Int, rows: Int) {
        (picture.columns + 2, picture.rows + 2)
    }

    /// A window in source pixels (e.g. a kernel's footprint), outlined around the cells it covers.
    public struct Window: Hashable, Sendable {
        public var row: Int
        public var column: Int
        public var height: Int
        public var width: Int

        /// Creates a window from its top-left pixel and size.
        public init(row: Int, column: Int, height: Int, width: Int) {
            self.row = row
            self.column = column
            self.height = height
            self.width = width
        }
    }

    /// Draws the picture with its top-left margin cell at `row`, `column`, and the window's outline.
    public func draw(into canvas: inout Canvas, row: Int, column: Int, window: Window? = nil) {
        let palette = Palette(options: options)
        for cellRow in 0..<picture.rows {
            for cellColumn in 0..<picture.columns {
                let upper = picture.block(row: 2 * cellRow, column: cellColumn) ?? 0
                let lower = picture.block(row: 2 * cellRow + 1, column: cellColumn)
                canvas[row + 1 + cellRow, column + 1 + cellColumn] = cell(upper: upper, lower: lower, palette: palette)
            }
        }
        if let window { outline(window, into: &canvas, row: row, column: column, palette: palette) }
    }

    private func cell(upper: Double, lower: Double?, palette: Palette) -> Cell {
        let shading = picture.shading
        if options.color && !options.ascii {
            let top = PictureShades.color(upper, shading, palette: palette)
            let bottom = lower.map { PictureShades.color($0, shading, palette: palette) }
            return Cell("▀", style: CellStyle(foreground: top, background: bottom))
        }
        let mean = lower.map { (upper + $0) / 2 } ?? upper
        let ramp = options.ascii ? PictureShades.asciiRamp : PictureShades.blockRamp
        let negative: Bool = {
            if case .signed = shading { return mean < 0 }
            return false
        }()
        return Cell(PictureShades.character(mean, shading, ramp: ramp), style: CellStyle(dim: negative))
    }

    /// The cell rectangle (relative to the picture's first cell) that a window of pixels covers.
    public func cells(covering window: Window) -> (row: Int, column: Int, rows: Int, columns: Int) {
        // In blocks: a pixel is `zoom` blocks, a block `factor` pixels; a cell is two blocks high.
        let factor = picture.factor
        let zoom = picture.zoom
        let top = max(0, window.row) * zoom / (2 * factor)
        let left = max(0, window.column) * zoom / factor
        let bottom = (max(0, min(picture.pixelHeight, window.row + window.height)) * zoom - 1) / (2 * factor)
        let right = (max(0, min(picture.pixelWidth, window.column + window.width)) * zoom - 1) / factor
        return (top, left, max(1, bottom - top + 1), max(1, right - left + 1))
    }

    private func outline(_ window: Window, into canvas: inout Canvas, row: Int, column: Int, palette: Palette) {
        let covered = cells(covering: window)
        let glyphs = options.glyphs
        let style =
            options.color
            ? CellStyle(foreground: TerminalColor(index256: 226, basic: 3), bold: true) : .init(bold: true)
        // The outline is drawn on top of the picture on purpose: not an overlap.
        let drewOver = canvas.drawsOver
        canvas.drawsOver = true
        defer { canvas.drawsOver = drewOver }
        let top = row + covered.row
        let left = column + covered.column
        let bottom = top + covered.rows + 1
        let right = left + covered.columns + 1
        for x in (left + 1)..<right {
            canvas.put(glyphs.horizontal, row: top, column: x, style: style)
            canvas.put(glyphs.horizontal, row: bottom, column: x, style: style)
        }
        for y in (top + 1)..<bottom {
            canvas.put(glyphs.vertical, row: y, column: left, style: style)
            canvas.put(glyphs.vertical, row: y, column: right, style: style)
        }
        canvas.put(glyphs.topLeft, row: top, column: left, style: style)
        canvas.put(glyphs.topRight, row: top, column: right, style: style)
        canvas.put(glyphs.bottomLeft, row: bottom, column: left, style: style)
        canvas.put(glyphs.bottomRight, row: bottom, column: right, style: style)
    }
}
