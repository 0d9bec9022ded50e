import CNNSandbox

/// An input and what a layer made of it, side by side as pictures at one scale: the input with
/// the layer's window outlined and the exact values under it beside (`PicturePanel`), then the
/// output with the current cell outlined. The scale is stated once, on the input's title. Used
/// by the conv and pool views when their input is an image.
struct PicturePair {
    /// One side: values row by row, their width, shading and title, and the outlined window.
    struct Side {
        var values: [Double]
        var width: Int
        var height: Int
        var shading: Picture.Shading
        var title: String
        var window: PictureWidget.Window?
        /// For an output too large to compute whole: its values at given rows and columns, asked
        /// for one per block of the picture (the block's middle cell) instead of averaging `values`.
        var sampler: ((_ rows: [Int], _ columns: [Int]) -> [Double])?
    }

    var input: Side
    var output: Side?
    /// The largest window side, and the widest value text, for the numbers beside the input.
    var windowSide: Int
    var textWidth: Int
    /// Where the averaged pictures are kept between frames.
    var inputCache: PictureCache
    var outputCache: PictureCache

    /// Draws the pair from row `top`, above `bottom`, in `width` columns; returns the row under it.
    func draw(top: Int, bottom: Int, width: Int, into canvas: inout Canvas, options: RenderOptions) -> Int {
        let palette = Palette(options: options)
        let side = min(PicturePanel.maxNumbers, windowSide)
        let numbersWidth = max(16, side * (2 + max(2, textWidth)))
        // Two pictures (each with a one-cell margin on both sides) and the numbers between them.
        let columns = max(4, (width - 2 - numbersWidth - 4) / 2 - 2)
        let rows = max(2, bottom - top - 3)
        let factor = max(
            Self.fitFactor(width: input.width, height: input.height, columns: columns, rows: rows),
            output.map { Self.fitFactor(width: $0.width, height: $0.height, columns: columns, rows: rows) } ?? 1)
        var left = 1
        var lowest = top
        if let fitted = inputCache.fitted(
            values: input.values, width: input.width, shading: input.shading, factor: factor)
        {
            let panel = PicturePanel(
                title: input.title, source: fitted.source, fitted: fitted.fitted, window: input.window)
            let size = panel.draw(into: &canvas, row: top, column: left, options: options)
            left += size.width + 2
            lowest = max(lowest, top + size.height)
        }
        if let output = output.map({ Self.sampled($0, factor: factor) }),
            let fitted = outputCache.fitted(
                values: output.side.values, width: output.side.width, shading: output.side.shading,
                factor: output.factor)
        {
            let output = output.side
            // Only the picture: the numbers of the current cell are the step's expression.
            let panel = PicturePanel(title: output.title, source: fitted.source, fitted: fitted.fitted)
            canvas.put(
                options.glyphs.adapt("\(panel.title)  \(panel.rangeText)"), row: top, column: left,
                style: palette.title)
            let widget = PictureWidget(picture: fitted.fitted, options: options)
            widget.draw(into: &canvas, row: top + 1, column: left, window: output.window)
            lowest = max(lowest, top + 1 + widget.size.rows)
        }
        return lowest
    }

    /// A side as drawn at `factor` pixels per block: itself, or for a sampled side one value per
    /// block (the block's middle cell) drawn at one pixel per block, its window scaled to match.
    static func sampled(_ side: Side, factor: Int) -> (side: Side, factor: Int) {
        guard let sampler = side.sampler else { return (side, factor) }
        let rows = stride(from: 0, to: side.height, by: factor).map { min(side.height - 1, $0 + factor / 2) }
        let columns = stride(from: 0, to: side.width, by: factor).map { min(side.width - 1, $0 + factor / 2) }
        var drawn = side
        drawn.values = sampler(rows, columns)
        drawn.width = columns.count
        drawn.height = rows.count
        drawn.window = side.window.map {
            PictureWidget.Window(
                row: $0.row / factor, column: $0.column / factor, height: max(1, $0.height / factor),
                width: max(1, $0.width / factor))
        }
        return (drawn, 1)
    }

    /// The smallest whole scale at which `width`×`height` pixels fit `columns`×`rows` cells.
    static func fitFactor(width: Int, height: Int, columns: Int, rows: Int) -> Int {
        max(1, (width + columns - 1) / max(1, columns), (height + 2 * rows - 1) / max(1, 2 * rows))
    }

    /// The smallest window holding every `(row, column)` given.
    static func window(around cells: [(row: Int, column: Int)]) -> PictureWidget.Window? {
        guard let top = cells.map(\.row).min(), let left = cells.map(\.column).min(),
            let bottom = cells.map(\.row).max(), let right = cells.map(\.column).max()
        else { return nil }
        return PictureWidget.Window(row: top, column: left, height: bottom - top + 1, width: right - left + 1)
    }
}
