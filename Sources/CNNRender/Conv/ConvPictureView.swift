import CNNCore
import CNNSandbox

/// The convolution view drawn as pictures, for an image or an input too large for numbers: the
/// input in greys with the kernel's window outlined and the numbers under it beside, then the
/// feature map in the signed scale with the current cell outlined and its range (`PicturePair`).
/// The pictures are averaged once per change of values or scale (`PictureCache`); a feature map
/// too large to compute whole is sampled, one cell per block of the picture.
enum ConvPictureView {
    /// The largest input side drawn as numbers by default (the `I` key's limit); larger inputs,
    /// which only `--input` or an image can give, are drawn as pictures.
    static let largestNumericSide = ConvSetup.maximumInputSide

    /// Whether the model is drawn as pictures: an image, or an input larger than the numbers are
    /// drawn for, unless `z` switched to the other drawing.
    static func wanted(_ model: ConvModel) -> Bool {
        let tooLarge = max(model.setup.inputRows, model.setup.inputColumns) > largestNumericSide
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
        let setup = model.setup
        let x = options.glyphs.times
        let inputShading =
            model.fromImage
            ? Picture.Shading.grey(low: 0, high: model.inputSummary.scale > 1 ? 255 : 1)
            : .signed(scale: model.inputSummary.scale)
        let footprint = trace.flatMap { PicturePair.window(around: $0.terms.map { ($0.row, $0.column) }) }
        let input = PicturePair.Side(
            values: model.input.data, width: setup.inputColumns, height: setup.inputRows, shading: inputShading,
            title: "input \(setup.inputRows)\(x)\(setup.inputColumns)", window: footprint)
        let output = model.computation.map { computation in
            let (row, column) = computation.position(ofStep: model.player.step)
            // A feature map too large to compute whole is drawn from samples, and says so.
            let lazy = computation.isLazy
            return PicturePair.Side(
                values: lazy ? [] : computation.output.data, width: computation.outputColumns,
                height: computation.outputRows, shading: .signed(scale: model.outputSummary.scale),
                title: "feature map \(computation.outputRows)\(x)\(computation.outputColumns)\(lazy ? " sampled" : "")",
                window: PictureWidget.Window(row: row, column: column, height: 1, width: 1),
                sampler: lazy ? { computation.values(rows: $0, columns: $1) } : nil)
        }
        let pair = PicturePair(
            input: input, output: output, windowSide: max(setup.kernelRows, setup.kernelColumns),
            textWidth: model.inputSummary.textWidth, inputCache: inputCache, outputCache: outputCache)
        return pair.draw(top: top, bottom: bottom, width: width, into: &canvas, options: options)
    }
}
