import CNNCore
import CNNSandbox

/// The convolution view drawn as pictures, for an image or an input too large for numbers: the
/// input in greys with the kernel's window outlined and the numbers under it beside, then the
/// feature map in the signed scale with the current cell outlined and its range. Both share one
/// scale, stated once, on the input's title ("1 cell = 4×8 pixels"). The pictures are averaged once per change of
/// values or scale (`PictureCache`); the model computed the feature map once per geometry change.
enum ConvPictureView {
    /// The largest input side drawn as numbers by default (the `I` key's limit); larger inputs,
    /// which only `--input` or an image can give, are drawn as pictures.
    static let largestNumericSide = ConvSetup.maximumInputSide

    /// Whether the model is drawn as pictures at this width: an image, or an input larger than
    /// the numbers are drawn for, unless `z` switched to the other drawing.
    static func wanted(_ model: ConvModel, width: Int) -> Bool {
        let tooLarge = max(model.setup.inputRows, model.setup.inputColumns) > ConvPictureView.largestNumericSide
        return (model.fromImage || tooLarge) != model.pictureToggled
    }

    /// The input's and the feature map's averaged pictures (one per process: one live screen).
    static let inputCache = PictureCache()
    static let outputCache = PictureCache()

    /// Draws the panels into `canvas` from row `top`, above `bottom`; returns the row under them.
    static func drawPanels(
        _ model: ConvModel, trace: ConvTrace?, top: Int, bottom: Int, width: Int, into canvas: inout Canvas,
        options: RenderOptions
    ) -> Int {
        let palette = Palette(options: options)
        let glyphs = options.glyphs
        let setup = model.setup
        let kernelSide = min(PicturePanel.maxNumbers, max(setup.kernelRows, setup.kernelColumns))
        let numbersWidth = max(16, kernelSide * (2 + max(2, model.inputSummary.textWidth)))
        // Two pictures (each with a one-cell margin on both sides) and the numbers between them.
        let pictureColumns = max(4, (width - 2 - numbersWidth - 4) / 2 - 2)
        let pictureRows = max(2, bottom - top - 3)
        let inputShading =
            model.fromImage
            ? Picture.Shading.grey(low: 0, high: model.inputSummary.scale > 1 ? 255 : 1)
            : .signed(scale: model.inputSummary.scale)
        let computation = model.computation
        let factor = max(
            fitFactor(width: setup.inputColumns, height: setup.inputRows, columns: pictureColumns, rows: pictureRows),
            computation.map {
                fitFactor(width: $0.outputColumns, height: $0.outputRows, columns: pictureColumns, rows: pictureRows)
            } ?? 1)
        let x = glyphs.times
        var left = 1
        var lowest = top
        if let input = inputCache.fitted(
            values: model.input.data, width: setup.inputColumns, shading: inputShading, factor: factor)
        {
            let panel = PicturePanel(
                title: "input \(setup.inputRows)\(x)\(setup.inputColumns)", source: input.source,
                fitted: input.fitted, window: trace.map(footprint))
            let size = panel.draw(into: &canvas, row: top, column: left, options: options)
            left += size.width + 2
            lowest = max(lowest, top + size.height)
        }
        guard let computation else { return lowest }
        if let output = outputCache.fitted(
            values: computation.output.data, width: computation.outputColumns,
            shading: .signed(scale: model.outputSummary.scale), factor: factor)
        {
            let (row, column) = computation.position(ofStep: model.player.step)
            // Only the picture: the numbers of the current cell are the dot product's.
            let panel = PicturePanel(
                title: "feature map \(computation.outputRows)\(x)\(computation.outputColumns)",
                source: output.source, fitted: output.fitted)
            canvas.put(
                glyphs.adapt("\(panel.title)  \(panel.rangeText)"), row: top, column: left, style: palette.title)
            let widget = PictureWidget(picture: output.fitted, options: options)
            widget.draw(
                into: &canvas, row: top + 1, column: left,
                window: PictureWidget.Window(row: row, column: column, height: 1, width: 1))
            lowest = max(lowest, top + 1 + widget.size.rows)
        }
        return lowest
    }

    /// The smallest whole scale at which `width`×`height` pixels fit `columns`×`rows` cells.
    private static func fitFactor(width: Int, height: Int, columns: Int, rows: Int) -> Int {
        max(1, (width + columns - 1) / max(1, columns), (height + 2 * rows - 1) / max(1, 2 * rows))
    }

    /// The pixels the kernel covers at a step (padding included, so it may start above or left of 0).
    private static func footprint(_ trace: ConvTrace) -> PictureWidget.Window {
        let rows = trace.terms.map(\.row)
        let columns = trace.terms.map(\.column)
        let top = rows.min() ?? 0
        let left = columns.min() ?? 0
        return PictureWidget.Window(
            row: top, column: left, height: (rows.max() ?? 0) - top + 1, width: (columns.max() ?? 0) - left + 1)
    }
}
