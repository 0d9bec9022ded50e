import CNNCore
import CNNSandbox

/// Draws the channels sandbox: the input channels, one kernel per output channel (its slices
/// side by side, one per input channel it reads), each output channel beside its kernel, the
/// current cell's sum split by input channel, and the parameter counts of standard, grouped and
/// depthwise separable convolutions. Every value comes from the model's core stages and traces.
public enum ChannelsView {

    /// Draws one frame of the model at a size.
    public static func body(_ model: ChannelsModel, width: Int, height: Int, options: RenderOptions) -> ViewBody {
        var canvas = Canvas(width: width, height: height)
        let palette = Palette(options: options)
        let glyphs = options.glyphs
        canvas.put(
            glyphs.adapt(ChannelsText.modeLine(model.setup, glyphs: glyphs)), row: 0, column: 1,
            style: CellStyle(bold: true))
        canvas.put(ConvGeometryText(setup: model.setup.conv).status(glyphs: glyphs), row: 1, column: 1)
        var top = 2
        if let computation = model.computation, let position = model.position,
            let line = ChannelsText.stageLine(computation, stage: position.stage, glyphs: glyphs)
        {
            canvas.put(glyphs.adapt(line), row: top, column: 1, style: palette.note)
            top += 1
        }
        top += 1

        // Bottom up: footer, parameter counts, the written-out sum; panels fill the rest.
        let footerRow = height
        let footer = footer(model, palette: palette, glyphs: glyphs)
        let costLines = ChannelsText.costLines(model.setup, costs: model.costs, glyphs: glyphs)
        let costTop = footerRow - costLines.count
        canvas.put("weights (no bias):", row: costTop - 1, column: 1, style: palette.title)
        for (index, line) in costLines.enumerated() {
            let marker =
                line.active ? glyphs.arrow + " " : String(repeating: " ", count: glyphs.arrow.unicodeScalars.count + 1)
            canvas.put(
                glyphs.adapt(marker + line.text), row: costTop + index, column: 1,
                style: line.active ? CellStyle(bold: true) : .plain)
        }
        var sumLines: [[Segment]] = []
        var noteLine: String?
        if let computation = model.computation, let position = model.position {
            let trace = computation.trace(step: model.player.step)
            let stage = computation.stages[position.stage]
            sumLines = ChannelsText.sumLines(
                trace: trace, label: "out\(position.channel)[\(position.row),\(position.column)]", width: width - 2,
                maxLines: height >= 28 ? 4 : 2, palette: palette, glyphs: glyphs)
            if stage.kernelRows == 1 && stage.kernelColumns == 1 && stage.slices > 1 {
                noteLine =
                    "1\(glyphs.times)1 kernel: a weighted sum across the \(stage.slices) channels at (\(position.row),\(position.column)) \(glyphs.dash) channel mixing"
            }
        }
        let sumTop = costTop - 2 - sumLines.count - (noteLine == nil ? 0 : 1)
        if let noteLine {
            canvas.put(glyphs.adapt(noteLine), row: sumTop - 0, column: 1, style: palette.note)
        }
        ExpressionText.draw(sumLines, into: &canvas, row: sumTop + (noteLine == nil ? 0 : 1), column: 1)

        let area = (top: top, height: max(3, sumTop - top))
        var hits: [HitRegion] = []
        var refusals: [RefusalBox] = []
        if let computation = model.computation, let position = model.position {
            hits = ChannelsPanels.draw(
                model, computation: computation, position: position, area: area, width: width, into: &canvas,
                palette: palette, options: options)
        } else {
            refusals.append(
                StackView.refusal(
                    model.errorMessage ?? "invalid setup", top: area.top, left: 1, width: min(width - 2, 76),
                    height: max(3, costTop - 2 - area.top)))
        }
        return ViewBody(
            canvas: canvas, hits: hits, status: footer.status, hints: footer.hints, refusals: refusals)
    }

    private static func footer(_ model: ChannelsModel, palette: Palette, glyphs: Glyphs)
        -> (status: [Segment], hints: String)
    {
        let label = model.position.map { "out\($0.channel)[\($0.row),\($0.column)]" }
        let status = ViewBody.status(
            player: model.player, label: label, refusal: "fix it with g [ ] { } m or s/S p/P d/D k/K i/I",
            palette: palette, glyphs: glyphs)
        let hints =
            model.focus == .outputMap ? "arrows pick a cell  n N channel  Tab back" : ChannelsModel.keyMap.footerHints
        return (status, hints)
    }
}
extension ChannelsView: ViewRenderer {}
