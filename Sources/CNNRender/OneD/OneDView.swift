import CNNCore
import CNNSandbox

/// Draws the 1-D sandbox. Single layer: the signal with its padding, the kernel under the taps
/// it multiplies, their products, and the output growing below — with causal padding, output t
/// sits under input t and everything later is greyed out as the future it never sees. Stack
/// mode is drawn by `OneDStackView`. Every number comes from the core's results and traces.
public enum OneDView {
    /// Draws one frame of the model at a size.
    public static func body(_ model: OneDModel, width: Int, height: Int, options: RenderOptions) -> ViewBody {
        var canvas = Canvas(width: width, height: height)
        let palette = Palette(options: options)
        let glyphs = options.glyphs
        let geometry = OneDGeometryText(setup: model.setup)
        let stack = model.stackComputation

        var row = 0
        let valid = model.errorMessage == nil
        canvas.put(
            glyphs.adapt(geometry.status(glyphs: glyphs, valid: valid, stack: stack)), row: row, column: 1,
            style: CellStyle(bold: true))
        row += 1
        canvas.put(glyphs.adapt(geometry.toggles()), row: row, column: 1, style: palette.dim)
        row += 1
        for line in geometry.formulas(glyphs: glyphs, stack: stack) {
            canvas.put(line, row: row, column: 1)
            row += 1
        }
        for note in geometry.notes(glyphs: glyphs) {
            for line in TextWrap.lines(note, width: width - 2).prefix(2) {
                canvas.put(line, row: row, column: 1, style: palette.note)
                row += 1
            }
        }
        row += 1

        let footerRow = height
        let footer = footer(model, palette: palette, glyphs: glyphs)
        let explanation =
            model.setup.stackMode
            ? OneDStackView.explanation(
                model, width: width - 2, maxLines: height >= 28 ? 5 : 3, palette: palette, glyphs: glyphs)
            : explanation(model, width: width - 2, maxLines: height >= 28 ? 5 : 3, palette: palette, glyphs: glyphs)
        let lowestTop = footerRow - 1 - explanation.count
        let area = (top: row, height: max(3, lowestTop - 1 - row))
        var hits: [HitRegion] = []
        var bottom = area.top
        var refusals: [RefusalBox] = []
        if let message = model.errorMessage {
            let refusal = RefusalBox(
                message, top: area.top, left: 1, width: max(20, min(width - 2, 60)), maxHeight: area.height)
            refusals.append(refusal)
            bottom = area.top + refusal.height(glyphs: glyphs)
        } else if model.setup.stackMode {
            (hits, bottom) = OneDStackView.draw(
                model, area: area, width: width, into: &canvas, palette: palette, options: options)
        } else {
            (hits, bottom) = drawSingle(
                model, geometry: geometry, area: area, width: width, into: &canvas, palette: palette, options: options)
        }
        ExpressionText.draw(explanation, into: &canvas, row: min(lowestTop, bottom + 1), column: 1)

        return ViewBody(canvas: canvas, hits: hits, status: footer.status, hints: footer.hints, refusals: refusals)
    }

    // MARK: Single layer

    /// The dot product of the current output, and which positions it reads.
    static func explanation(_ model: OneDModel, width: Int, maxLines: Int, palette: Palette, glyphs: Glyphs)
        -> [[Segment]]
    {
        guard let trace = model.currentTrace else { return [] }
        let label = "out[\(trace.column)]"
        var lines = DotProduct.lines(
            trace: trace, label: label, width: width, maxLines: max(1, maxLines - 1), palette: palette, glyphs: glyphs)
        let columns = trace.terms.map(\.column)
        if let first = columns.min(), let last = columns.max() {
            let dash = glyphs.ellipsis
            var text = "\(label) reads positions \(first)\(dash)\(last)"
            if model.setup.causal, let computation = model.computation {
                let now = computation.layer.axes[0].inputPosition(output: trace.column, tap: model.setup.kernelSize - 1)
                text += ", all \(glyphs.adapt("≤")) t = \(now): nothing from the future"
            }
            lines.append([Segment(text, palette.dim)])
        }
        return lines
    }

    /// Rows t / input / kernel / product / output over the padded signal.
    private static func drawSingle(
        _ model: OneDModel, geometry: OneDGeometryText, area: (top: Int, height: Int), width: Int,
        into canvas: inout Canvas, palette: Palette, options: RenderOptions
    ) -> (hits: [HitRegion], bottom: Int) {
        guard let computation = model.computation, let trace = model.currentTrace else { return ([], area.top) }
        let glyphs = options.glyphs
        let setup = model.setup
        let axis = computation.layer.axes[0]
        let positions = -axis.padding.before..<(axis.inputSize + axis.padding.after)
        let alignTap = setup.causal ? setup.kernelSize - 1 : (setup.kernelSize - 1) / 2
        let step = model.player.step
        let now = axis.inputPosition(output: step, tap: alignTap)
        let labelWidth = 9

        // One strip layout: the five named rows (t, input, kernel, product, output) over the
        // positions, a grid whose rows are lines, so a blank line between rows at most.
        let text = max(
            2, model.summary.textWidth, String(positions.lowerBound).count, String(positions.upperBound - 1).count)
        let layout = StripLayout(
            grids: [StripLayout.Grid(rows: 0..<5, columns: positions, textWidth: text, rowIndices: false)],
            fixedWidth: labelWidth, width: width - 2, height: area.height, classroom: options.classroom,
            maxRowStep: options.classroom ? .max : 2)
        let cell = layout.cellWidths[0]
        let visible = layout.visibleColumns[0]
        let taps = trace.terms.map(\.column)
        let focusLow = min(taps.min() ?? now, now)
        let focusHigh = max(taps.max() ?? now, now)
        let shown = Viewport.follow(total: positions, visible: visible, focus: focusLow..<(focusHigh + 1))
        // Classroom mode: the four value rows are blocks with large digits (a blank line between
        // them), grown into the free rows up to 12 a row; `t` stays a line of text above them.
        let large = options.classroom && layout.zoom.rowStep >= 3
        let pagerRows = shown != positions ? 1 : 0
        let rowStep =
            large
            ? max(3, min(12, (area.height - 1 - pagerRows) / 4)) : min(2, layout.zoom.rowStep)
        let blockHeight = large ? rowStep - 1 : 1

        let top = area.top
        let left = 1
        func x(_ position: Int) -> Int { left + labelWidth + (position - shown.lowerBound) * cell }
        let lettering = CellLettering(
            width: cell - 1, height: blockHeight, texts: letteredTexts(model, trace: trace, computation: computation),
            glyphs: glyphs)
        func put(_ value: String, _ position: Int, _ y: Int, _ style: CellStyle) {
            if large && y != rows.t {
                GridCellBlock(
                    text: value, style: style, width: cell - 1, height: blockHeight, glyphs: glyphs,
                    lettering: lettering
                ).draw(into: &canvas, row: y, column: x(position))
                return
            }
            let padded = String(repeating: " ", count: max(0, cell - 1 - value.unicodeScalars.count)) + value
            canvas.put(padded, row: y, column: x(position), style: style)
        }
        let first = top + (large ? 2 : rowStep)
        let rows = (
            t: top, input: first, kernel: first + rowStep, product: first + 2 * rowStep, output: first + 3 * rowStep
        )
        for (label, y) in [
            ("t", rows.t), ("input", rows.input), ("kernel", rows.kernel), ("product", rows.product),
            ("output", rows.output),
        ] {
            let labelRow = label == "t" ? y : y + (blockHeight - 1) / 2
            canvas.put(label, row: labelRow, column: left, style: label == "t" ? palette.dim : palette.title)
        }
        let tapsByPosition = Dictionary(trace.terms.map { ($0.column, $0) }, uniquingKeysWith: { first, _ in first })
        let unread = axis.unreadInputCells
        let scale = model.summary.scale
        for position in shown {
            let inside = position >= 0 && position < setup.length
            let future = setup.causal && position > now
            put(
                String(position), position, rows.t,
                position == now && setup.causal ? CellStyle(bold: true) : palette.dim)
            let value = inside ? model.input.data[position] : 0
            let style: CellStyle
            if tapsByPosition[position] != nil {
                style = palette.highlight
            } else if !inside {
                style = palette.padding
            } else if future || position >= setup.length - unread {
                style = palette.faint
            } else {
                style = palette.value(value, scale: scale)
            }
            put(NumberText.format(value), position, rows.input, style)
            if let term = tapsByPosition[position] {
                put(NumberText.format(term.weight), position, rows.kernel, palette.value(term.weight, scale: scale))
                put(NumberText.format(term.product), position, rows.product, term.isPadding ? palette.padding : .plain)
            }
        }
        // Outputs sit under the tap they are aligned with (the newest one when causal).
        var hits: [HitRegion] = []
        for output in 0..<computation.outputColumns {
            let position = axis.inputPosition(output: output, tap: alignTap)
            guard shown.contains(position) else { continue }
            let value = computation.value(row: 0, column: output)
            let style: CellStyle
            let shownText: String
            if output == step {
                (shownText, style) = (
                    NumberText.format(value), model.focus == .outputMap ? palette.cursor : palette.highlight
                )
            } else if output > step && model.focus != .outputMap {
                (shownText, style) = (glyphs.pending, palette.faint)
            } else {
                (shownText, style) = (NumberText.format(value), palette.value(value, scale: scale))
            }
            put(shownText, position, rows.output, style)
            hits.append(
                HitRegion(
                    row: rows.output, column: x(position), width: cell, height: blockHeight,
                    target: .outputCell(row: 0, column: output)))
        }
        // Causal: a wall after t; everything right of it is the future out[t] never sees.
        if setup.causal, let last = shown.last, now < last, now >= shown.lowerBound {
            let wall = x(now) + cell - 1
            for y in rows.t...(rows.output + blockHeight - 1) {
                canvas.put(glyphs.vertical, row: y, column: wall, style: CellStyle(bold: true))
            }
            if rowStep > 1 {
                canvas.put(
                    "\(glyphs.arrow) future, not seen by out[\(step)]", row: rows.t - 1, column: wall,
                    style: palette.dim)
            }
        }
        var bottom = rows.output + blockHeight
        if shown != positions {
            let dash = glyphs.rangeDash
            canvas.put(
                "positions \(shown.lowerBound)\(dash)\(shown.upperBound - 1) of \(positions.lowerBound)\(dash)\(positions.upperBound - 1)",
                row: bottom, column: left, style: palette.dim)
            bottom += 1
        }
        return (hits, bottom)
    }

    /// Every value text the single-layer rows show, for one block-font size across them.
    private static func letteredTexts(_ model: OneDModel, trace: ConvTrace, computation: ConvComputation) -> [String] {
        var texts = model.input.data.map(NumberText.format) + ["0"]
        texts += trace.terms.flatMap { [NumberText.format($0.weight), NumberText.format($0.product)] }
        texts += (0..<computation.outputColumns).map { NumberText.format(computation.value(row: 0, column: $0)) }
        return texts
    }

    // MARK: Shared

    private static func footer(_ model: OneDModel, palette: Palette, glyphs: Glyphs)
        -> (status: [Segment], hints: String)
    {
        let label = model.errorMessage == nil ? "out[\(model.player.step)]" : nil
        let status = ViewBody.status(
            player: model.player, label: label, refusal: "cannot compute: change the settings", palette: palette,
            glyphs: glyphs)
        let hints =
            model.errorMessage != nil
            ? "? keys"
            : model.focus == .outputMap ? "arrows pick an output  Tab back  click one" : OneDModel.keyMap.footerHints
        return (status, hints)
    }
}
extension OneDView: ViewRenderer {}
