import CNNCore
import CNNSandbox

/// The pooling view drawn as pictures when its input is an image (window mode): the image with
/// the pooling window outlined and its pixels beside, and the pooled image at the same scale, so
/// the shrinking by the stride shows (`PicturePair`). `z` switches to the numbers.
enum PoolPictureView {
    /// Whether the model is drawn as pictures: an image in window mode, unless `z` asked for numbers.
    static func wanted(_ model: PoolModel) -> Bool {
        model.setup.mode == .window && model.fromImage != model.pictureToggled
    }

    static let inputCache = PictureCache()
    static let outputCache = PictureCache()

    /// Draws the panels into `canvas` from row `top`, above `bottom`; returns the row under them.
    static func drawPanels(
        _ model: PoolModel, trace: PoolTrace?, top: Int, bottom: Int, width: Int, into canvas: inout Canvas,
        options: RenderOptions
    ) -> Int {
        let setup = model.setup
        let x = options.glyphs.times
        let shading = Picture.Shading.grey(low: 0, high: model.inputSummary.scale > 1 ? 255 : 1)
        let window = trace.flatMap { PicturePair.window(around: $0.cells.map { ($0.row, $0.column) }) }
        let input = PicturePair.Side(
            values: model.input.data, width: setup.inputColumns, height: setup.inputRows, shading: shading,
            title: "input \(setup.inputRows)\(x)\(setup.inputColumns)", window: window)
        let output = model.computation.map { computation in
            let (row, column) = computation.position(ofStep: model.player.step)
            // An output too large to compute whole is drawn from samples, and says so.
            let lazy = computation.isLazy
            return PicturePair.Side(
                values: lazy ? [] : computation.output.data, width: computation.outputColumns,
                height: computation.outputRows, shading: shading,
                title:
                    "\(setup.kind.rawValue) pooled \(computation.outputRows)\(x)\(computation.outputColumns)\(lazy ? " sampled" : "")",
                window: PictureWidget.Window(row: row, column: column, height: 1, width: 1),
                sampler: lazy ? { computation.values(rows: $0, columns: $1) } : nil)
        }
        let pair = PicturePair(
            input: input, output: output, windowSide: setup.window.max() ?? 2, textWidth: model.inputSummary.textWidth,
            inputCache: inputCache, outputCache: outputCache)
        return pair.draw(top: top, bottom: bottom, width: width, into: &canvas, options: options)
    }
}
