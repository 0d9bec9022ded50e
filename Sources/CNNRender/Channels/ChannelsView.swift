import CNNCore
import CNNSandbox

/// Draws the channels sandbox: the input channels, one kernel per output channel (its slices
/// side by side, one per input channel it reads), each output channel beside its kernel, the
/// current cell's sum split by input channel, and the parameter counts of standard, grouped and
/// depthwise separable convolutions. Every value comes from the model's core stages and traces.
public enum ChannelsView {
    /// The keys of this view, as shown by `?`.
    public static let keys: [(keys: String, action: String)] = [
        ("space", "play / pause"),
        ("← → or h l", "step back / forward"),
        ("Home End", "first / last step"),
        ("+ -", "faster / slower"),
        ("n N", "next / previous output channel"),
        ("[ ]", "input channels − / +"),
        ("{ }", "output channels − / +"),
        ("g", "groups: next divisor of C_in"),
        ("m", "mode: convolution / depthwise separable"),
        ("s S  p P  d D", "stride, padding, dilation − / +"),
        ("k K  i I", "kernel size, input size − / +"),
        ("c  r", "next kernel preset, new random input"),
        ("Tab, arrows", "pick an output cell (or click it)"),
        ("v  ?  q", "next view, this help, quit"),
    ]

    /// Draws one frame of the model at a size.
    public static func render(_ model: ChannelsModel, width: Int, height: Int, options: RenderOptions)
        -> RenderedFrame
    {
        var canvas = Canvas(width: width, height: height)
        let palette = Palette(options: options)
        let glyphs = options.glyphs
        TitleBar.draw(
            title: "cnnviz explore \(glyphs.dot) channels", hint: "? keys  q quit", into: &canvas, palette: palette)
        canvas.put(
            glyphs.adapt(ChannelsText.modeLine(model.setup, glyphs: glyphs)), row: 1, column: 1,
            style: CellStyle(bold: true))
        canvas.put(ConvGeometryText(setup: model.setup.conv).status(glyphs: glyphs), row: 2, column: 1)
        var top = 3
        if let computation = model.computation, let position = model.position,
            let line = ChannelsText.stageLine(computation, stage: position.stage, glyphs: glyphs)
        {
            canvas.put(glyphs.adapt(line), row: top, column: 1, style: palette.note)
            top += 1
        }
        top += 1

        // Bottom up: footer, parameter counts, the written-out sum; panels fill the rest.
        let footerRow = height - 1
        drawFooter(model, row: footerRow, into: &canvas, palette: palette, glyphs: glyphs)
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
                maxLines: height >= 30 ? 4 : 2, palette: palette, glyphs: glyphs)
            if stage.kernelRows == 1 && stage.kernelColumns == 1 && stage.slices > 1 {
                noteLine =
                    "1\(glyphs.times)1 kernel: a weighted sum across the \(stage.slices) channels at (\(position.row),\(position.column)) \(glyphs == .ascii ? "-" : "—") channel mixing"
            }
        }
        let sumTop = costTop - 2 - sumLines.count - (noteLine == nil ? 0 : 1)
        if let noteLine {
            canvas.put(glyphs.adapt(noteLine), row: sumTop - 0, column: 1, style: palette.note)
        }
        ExpressionText.draw(sumLines, into: &canvas, row: sumTop + (noteLine == nil ? 0 : 1), column: 1)

        let area = (top: top, height: max(3, sumTop - top))
        var hits: [HitRegion] = []
        if let computation = model.computation, let position = model.position {
            hits = ChannelsPanels.draw(
                model, computation: computation, position: position, area: area, width: width, into: &canvas,
                palette: palette, options: options)
        } else {
            StackView.drawRefusal(
                model.errorMessage ?? "invalid setup", top: area.top, left: 1, width: min(width - 2, 76),
                height: max(3, costTop - 2 - area.top), into: &canvas, palette: palette, glyphs: glyphs)
        }
        if model.showHelp {
            KeyHelp.drawOverlay(keys, title: "channels keys", into: &canvas, options: options)
        }
        return RenderedFrame(canvas: canvas, hits: hits)
    }

    private static func drawFooter(
        _ model: ChannelsModel, row: Int, into canvas: inout Canvas, palette: Palette, glyphs: Glyphs
    ) {
        let player = model.player
        var segments: [Segment] = []
        if let position = model.position {
            segments.append(Segment("step \(player.step + 1)/\(player.stepCount)", CellStyle(bold: true)))
            segments.append(Segment("  out\(position.channel)[\(position.row),\(position.column)]"))
            let state =
                player.playing ? "\(glyphs.play) \(NumberText.format(player.speed))/s" : "\(glyphs.pause) paused"
            segments.append(Segment("  \(state)"))
        } else {
            segments.append(Segment("fix it with g [ ] { } m or s/S p/P d/D k/K i/I", palette.error))
        }
        let hints =
            model.focus == .outputMap
            ? "  arrows pick a cell  n N channel  Tab back"
            : "  space play  \(glyphs.adapt("← →")) step  n channel  g groups  m mode  ? keys"
        segments.append(Segment(hints, palette.dim))
        ExpressionText.draw([segments], into: &canvas, row: row, column: 1)
    }
}
extension ChannelsView: ViewRenderer {}
