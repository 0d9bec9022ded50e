import CNNCore
import CNNSandbox

/// Draws the convolution sandbox: the padded input with the kernel's footprint lit, the
/// kernel, the feature map filling in, the dot product of the current step written out, and
/// the geometry with its output-size formulas. Every number comes from the model's core
/// computation and traces.
public enum ConvView {
    /// Draws one frame of the model at a size.
    public static func body(_ model: ConvModel, width: Int, height: Int, options: RenderOptions) -> ViewBody {
        var canvas = Canvas(width: width, height: height)
        let palette = Palette(options: options)
        let glyphs = options.glyphs
        let geometry = ConvGeometryText(setup: model.setup)
        var hits: [HitRegion] = []

        // Header: title bar, status, formulas, notes.
        var row = 0
        canvas.put(geometry.status(glyphs: glyphs), row: row, column: 1, style: CellStyle(bold: true))
        row += 1
        for line in geometry.formulas(glyphs: glyphs) {
            canvas.put(line, row: row, column: 1)
            row += 1
        }
        for note in geometry.notes(glyphs: glyphs) {
            for line in TextWrap.lines(note, width: width - 2) {
                canvas.put(line, row: row, column: 1, style: palette.note)
                row += 1
            }
        }
        row += 1

        // Footer: the step line at the bottom; the dot product (up to 3–4 lines) under the panels.
        let footerRow = height
        let trace = model.computation.map { $0.trace(step: model.player.step) }
        var dotLines: [[Segment]] = []
        if let trace, let computation = model.computation {
            let (r, c) = computation.position(ofStep: model.player.step)
            dotLines = DotProduct.lines(
                trace: trace, label: "out[\(r),\(c)]", width: width - 2, maxLines: height >= 28 ? 4 : 3,
                palette: palette, glyphs: glyphs, activation: model.activationTrace(step: model.player.step))
        }
        let footer = footer(model, palette: palette, glyphs: glyphs)

        // Panels between the header and the dot product.
        let lowestDotTop = footerRow - 1 - dotLines.count
        let area = (top: row, height: max(3, lowestDotTop - 1 - row))
        let panelsBottom: Int
        var refusals: [RefusalBox] = []
        if ConvPictureView.wanted(model) {
            panelsBottom = ConvPictureView.drawPanels(
                model, trace: trace, top: area.top, bottom: area.top + area.height, width: width, into: &canvas,
                options: options)
        } else {
            let (panelHits, bottom, panelRefusals) = drawPanels(
                model, geometry: geometry, trace: trace, area: area, width: width, into: &canvas, palette: palette,
                options: options)
            hits += panelHits
            refusals = panelRefusals
            panelsBottom = bottom
        }
        ExpressionText.draw(dotLines, into: &canvas, row: min(lowestDotTop, panelsBottom + 1), column: 1)

        // The code overlay lies over everything, the refusal box the host draws included.
        var overlay: Canvas?
        if model.showCode {
            var layer = Canvas(width: width, height: height)
            ConvCodeOverlay.draw(model, into: &layer, options: options)
            overlay = layer
        }
        return ViewBody(
            canvas: canvas, hits: hits, status: footer.status, hints: footer.hints, refusals: refusals,
            overlay: overlay)
    }

    // MARK: Panels

    private static func drawPanels(
        _ model: ConvModel, geometry: ConvGeometryText, trace: ConvTrace?, area: (top: Int, height: Int),
        width: Int, into canvas: inout Canvas, palette: Palette, options: RenderOptions
    ) -> (hits: [HitRegion], bottom: Int, refusals: [RefusalBox]) {
        let glyphs = options.glyphs
        let setup = model.setup
        let input = model.input
        let kernel = model.kernel
        let rowsAxis = geometry.axes[0]
        let columnsAxis = geometry.axes[1]
        let inputRows = -rowsAxis.padding.before..<(setup.inputRows + rowsAxis.padding.after)
        let inputColumns = -columnsAxis.padding.before..<(setup.inputColumns + columnsAxis.padding.after)
        let computation = model.computation

        // One strip layout: input ⋆ kernel = output (a refusal box in the output's place).
        // The kernel's column is as wide as its grid or its preset's name, whichever is wider.
        let kernelName = setup.kernelValues == nil ? setup.preset.title : ""
        let gap = 5
        var grids = [
            StripLayout.Grid(
                rows: inputRows, columns: inputColumns, textWidth: max(2, model.inputSummary.textWidth), labelWidth: 9),
            StripLayout.Grid(
                rows: 0..<setup.kernelRows, columns: 0..<setup.kernelColumns,
                textWidth: max(2, model.kernelSummary.textWidth), labelWidth: kernelName.unicodeScalars.count,
                captionRows: setup.bias == nil ? 1 : 2, pages: false),
        ]
        if let computation {
            grids.append(
                StripLayout.Grid(
                    rows: 0..<computation.outputRows, columns: 0..<computation.outputColumns,
                    textWidth: max(2, model.outputSummary.textWidth)))
        }
        let errorWidth = computation == nil ? min(44, max(24, width / 3)) : 0
        let layout = StripLayout(
            grids: grids, fixedWidth: 2 * gap + errorWidth, width: width - 2, height: area.height, slack: 1,
            classroom: options.classroom)
        let rowStep = layout.zoom.rowStep
        let visibleRows = layout.visibleRows
        let lit = Set((trace?.terms ?? []).map { Key(row: $0.row, column: $0.column) })
        let footprintRows = (trace?.terms.map(\.row).min() ?? 0)..<((trace?.terms.map(\.row).max() ?? 0) + 1)
        let footprintColumns = (trace?.terms.map(\.column).min() ?? 0)..<((trace?.terms.map(\.column).max() ?? 0) + 1)
        let (shownInputRows, shownInputColumns) = layout.shown(
            0, focusRows: footprintRows, focusColumns: footprintColumns)

        let inputScale = model.inputSummary.scale
        let unreadRows = rowsAxis.unreadInputCells
        let unreadColumns = columnsAxis.unreadInputCells
        let x = glyphs.times
        let padNote = rowsAxis.padding == AxisPadding(0) && columnsAxis.padding == AxisPadding(0) ? "" : " + pad"
        let inputPanel = GridPanel(
            title: "input \(setup.inputRows)\(x)\(setup.inputColumns)\(padNote)", rows: shownInputRows,
            columns: shownInputColumns,
            cellWidth: layout.cellWidths[0], rowStep: rowStep)
        var left = 1 + layout.margins[0]
        let top = area.top
        inputPanel.draw(
            into: &canvas, top: top, left: left, titleStyle: palette.title, titleLimit: inputPanel.width + gap - 2,
            options: options
        ) { r, c in
            let isPadding = r < 0 || c < 0 || r >= setup.inputRows || c >= setup.inputColumns
            let isLit = lit.contains(Key(row: r, column: c))
            if isPadding {
                return ("0", isLit ? palette.highlight : palette.padding)
            }
            let value = input.data[r * setup.inputColumns + c]
            if isLit { return (NumberText.format(value), palette.highlight) }
            let unread = r >= setup.inputRows - unreadRows || c >= setup.inputColumns - unreadColumns
            return (NumberText.format(value), unread ? palette.faint : palette.value(value, scale: inputScale))
        }
        let inputCut = shownInputRows != inputRows || shownInputColumns != inputColumns
        if inputCut {
            inputPanel.drawIndices(
                into: &canvas, top: top, left: left, style: palette.dim, glyphs: glyphs,
                total: (inputRows, inputColumns))
        }
        left += max(inputPanel.width, 9) + 1
        let middleRow =
            top + 1 + (min(visibleRows, max(shownInputRows.count, setup.kernelRows)) - 1) * rowStep / 2 + (rowStep - 1)
            / 2
        let largeOperators = BigOperator.wanted(options: options, rowStep: rowStep)
        BigOperator.draw(
            glyphs.star, row: middleRow, column: left + 1, large: largeOperators, style: CellStyle(bold: true),
            glyphs: glyphs, into: &canvas)
        left += gap - 1

        let kernelScale = model.kernelSummary.scale
        let kernelPanel = GridPanel(
            title: "kernel \(setup.kernelRows)\(x)\(setup.kernelColumns)", rows: 0..<setup.kernelRows,
            columns: 0..<setup.kernelColumns, cellWidth: layout.cellWidths[1], rowStep: rowStep)
        kernelPanel.draw(into: &canvas, top: top, left: left, titleStyle: palette.title, options: options) { r, c in
            let value = kernel.data[r * setup.kernelColumns + c]
            return (NumberText.format(value), palette.value(value, scale: kernelScale))
        }
        // Explicit weights (a scene's `weights:`) are no preset; the preset's name would mislead.
        canvas.put(kernelName, row: top + kernelPanel.height, column: left, style: palette.dim)
        if let bias = setup.bias {
            canvas.put(
                "bias \(NumberText.format(bias))", row: top + kernelPanel.height + 1, column: left, style: palette.dim)
        }
        var minimapBottom = top
        if inputCut {
            let mapTop = top + kernelPanel.height + (setup.bias == nil ? 2 : 3)
            let map = Minimap(
                total: (inputRows, inputColumns), shown: (shownInputRows, shownInputColumns),
                window: (footprintRows, footprintColumns), maxRows: area.top + area.height - mapTop,
                maxColumns: max(kernelPanel.width, kernelName.unicodeScalars.count))
            if mapTop < area.top + area.height {
                map.draw(into: &canvas, top: mapTop, left: left, palette: palette, glyphs: glyphs)
                minimapBottom = mapTop + map.size.rows
            }
        }
        left += max(kernelPanel.width, kernelName.unicodeScalars.count) + 1
        BigOperator.draw(
            "=", row: middleRow, column: left + 1, large: largeOperators, style: CellStyle(bold: true), glyphs: glyphs,
            into: &canvas)
        left += gap - 1

        guard let computation else {
            let refusal = RefusalBox(
                model.errorMessage ?? "invalid setup", top: top, left: left, width: max(20, min(width - left - 1, 46)),
                maxHeight: area.height)
            let bottom = max(
                top + refusal.height(glyphs: glyphs), top + inputPanel.height, top + kernelPanel.height + 2)
            return ([], bottom, [refusal])
        }

        let (currentRow, currentColumn) = computation.position(ofStep: model.player.step)
        let (shownOutputRows, shownOutputColumns) = layout.shown(
            2, focusRows: currentRow..<(currentRow + 1), focusColumns: currentColumn..<(currentColumn + 1))
        let outputScale = model.outputSummary.scale
        let showAll = model.focus == .outputMap
        let outputPanel = GridPanel(
            title: "\(model.outputName) \(computation.outputRows)\(x)\(computation.outputColumns)",
            rows: shownOutputRows, columns: shownOutputColumns, cellWidth: layout.cellWidths[2], rowStep: rowStep)
        left += layout.margins[2]
        let hits = outputPanel.draw(
            into: &canvas, top: top, left: left, titleStyle: palette.title, options: options,
            content: { r, c in
                let step = computation.step(row: r, column: c)
                if step == model.player.step {
                    return (
                        NumberText.format(model.shownValue(row: r, column: c) ?? 0),
                        showAll ? palette.cursor : palette.highlight
                    )
                }
                if step > model.player.step && !showAll { return (glyphs.pending, palette.faint) }
                let value = model.shownValue(row: r, column: c) ?? 0
                return (NumberText.format(value), palette.value(value, scale: outputScale))
            },
            target: { r, c in .outputCell(row: r, column: c) })
        if shownOutputRows.count < computation.outputRows || shownOutputColumns.count < computation.outputColumns {
            outputPanel.drawIndices(
                into: &canvas, top: top, left: left, style: palette.dim, glyphs: glyphs,
                total: (0..<computation.outputRows, 0..<computation.outputColumns))
        }
        let bottom = max(
            top + inputPanel.height + 1, top + kernelPanel.height + (setup.bias == nil ? 1 : 2),
            top + outputPanel.height + 1, minimapBottom)
        return (hits, bottom, [])
    }

    // MARK: Footer

    private static func footer(_ model: ConvModel, palette: Palette, glyphs: Glyphs)
        -> (status: [Segment], hints: String)
    {
        let label = model.computation.map { computation in
            let (r, c) = computation.position(ofStep: model.player.step)
            return "out[\(r),\(c)]"
        }
        let status = ViewBody.status(
            player: model.player, label: label, refusal: "fix the geometry with s/S p/P d/D k/K i/I o",
            palette: palette, glyphs: glyphs)
        let hints =
            model.focus == .outputMap
            ? "arrows pick a cell  Tab back  click a cell" : ConvModel.keyMap.footerHints
        return (status, hints)
    }

    /// A cell position, hashable for the footprint set.
    private struct Key: Hashable {
        let row: Int
        let column: Int
    }
}

/// The written-out dot product of a convolution trace: `0×0 + 1×1 + 3×2 + 4×3 = 19`.
public enum DotProduct {
    /// Lines of segments: padding terms dim, the result bold, the bias named; with an activation,
    /// the sum then its activation (`= -15, relu(-15) = 0`).
    public static func lines(
        trace: ConvTrace, label: String, width: Int, maxLines: Int, palette: Palette, glyphs: Glyphs,
        activation: ActivationTrace? = nil
    ) -> [[Segment]] {
        let terms = trace.terms.map { term in
            Segment(
                "\(NumberText.factor(term.inputValue))\(glyphs.times)\(NumberText.factor(term.weight))",
                term.isPadding ? palette.padding : .plain)
        }
        var closing: [Segment] = []
        if let bias = trace.bias {
            closing.append(Segment(" + \(NumberText.factor(bias))"))
            closing.append(Segment(" (bias)", palette.dim))
        }
        closing.append(Segment(" = "))
        if let activation {
            closing.append(Segment(NumberText.format(trace.value)))
            closing.append(Segment(", \(activation.activation.rawValue)(\(NumberText.format(activation.input))) = "))
            closing.append(Segment(NumberText.format(activation.output), palette.result))
        } else {
            closing.append(Segment(NumberText.format(trace.value), palette.result))
        }
        return ExpressionText.lines(
            opening: [Segment("\(label): ", palette.dim)], terms: terms, separator: " + ", closing: closing,
            width: width, maxLines: maxLines, glyphs: glyphs)
    }
}
extension ConvView: ViewRenderer {}
