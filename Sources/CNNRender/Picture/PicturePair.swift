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
        if let output,
            let fitted = outputCache.fitted(
                values: output.values, width: output.width, shading: output.shading, factor: factor)
        {
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
