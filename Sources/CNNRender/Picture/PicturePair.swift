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
        let besideFactor = max(
            Self.fitFactor(width: input.width, height: input.height, columns: columns, rows: rows),
            output.map { Self.fitFactor(width: $0.width, height: $0.height, columns: columns, rows: rows) } ?? 1)
        // The numbers go below the input picture when that gives the pictures a larger scale:
        // a smaller averaging factor, or a larger zoom.
        let widths = [input.width] + (output.map { [$0.width] } ?? [])
        let heights = [input.height] + (output.map { [$0.height] } ?? [])
        let margins = output == nil ? 2 : 6
        let belowColumns = width - 2 - margins
        let belowRows = rows - (side + 2)
        let belowFactor = (1..<besideFactor).first {
            Self.fits(widths: widths, heights: heights, factor: $0, columns: belowColumns, rows: belowRows)
        }
        let unzoomable = output?.sampler != nil
        let besideZoom =
            besideFactor > 1 || unzoomable
            ? 1
            : Self.fitZoom(
                widths: widths, heights: heights, columns: width - 2 - numbersWidth - 4 - margins, rows: rows)
        let belowZoom =
            besideFactor > 1 || unzoomable
            ? 1 : Self.fitZoom(widths: widths, heights: heights, columns: belowColumns, rows: belowRows)
        let numbersBelow = belowFactor != nil || belowZoom > besideZoom
        let factor = belowFactor ?? besideFactor
        let zoom = numbersBelow ? belowZoom : besideZoom
        var left = 1
        var lowest = top
        if let fitted = inputCache.fitted(
            values: input.values, width: input.width, shading: input.shading, factor: factor, zoom: zoom)
        {
            var panel = PicturePanel(
                title: input.title, source: fitted.source, fitted: fitted.fitted, window: input.window)
            panel.numbersBelow = numbersBelow
            let size = panel.draw(into: &canvas, row: top, column: left, options: options)
            left += size.width + 2
            lowest = max(lowest, top + size.height)
        }
        if let output = output.map({ Self.sampled($0, factor: factor) }),
            let fitted = outputCache.fitted(
                values: output.side.values, width: output.side.width, shading: output.side.shading,
                factor: output.factor, zoom: zoom)
        {
            let output = output.side
            // Only the picture: the numbers of the current cell are the step's expression.
            let panel = PicturePanel(title: output.title, source: fitted.source, fitted: fitted.fitted)
            // A heading wider than the room left ends with an ellipsis, not mid-word.
            let heading = options.glyphs.adapt("\(panel.title)  \(panel.rangeText)")
            canvas.put(
                TextWrap.cut(heading, width: max(1, min(width, canvas.width) - left), glyphs: options.glyphs),
                row: top, column: left, style: palette.title)
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

    /// Whether pictures of these sizes averaged by `factor` fit side by side in `columns` cells
    /// together and `rows` cells each.
    static func fits(widths: [Int], heights: [Int], factor: Int, columns: Int, rows: Int) -> Bool {
        let across = widths.map { ($0 + factor - 1) / factor }.reduce(0, +)
        let down = heights.map { ($0 + 2 * factor - 1) / (2 * factor) }.max() ?? 0
        return across <= columns && down <= rows
    }

    /// The largest even zoom (blocks per pixel side) at which pictures of these sizes, side by
    /// side, fit `columns` cells together and `rows` cells each; 1 when no zoom of 2 or more fits.
    static func fitZoom(widths: [Int], heights: [Int], columns: Int, rows: Int) -> Int {
        let across = widths.reduce(0, +)
        guard across >= 1, let tallest = heights.max(), tallest >= 1 else { return 1 }
        let zoom = min(columns / across, 2 * rows / tallest, FittedPicture.maximumZoom) / 2 * 2
        return zoom >= 2 ? zoom : 1
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
