import CNNCore
import CNNSandbox

/// Draws the pooling sandbox: the input (padding as −∞ for max, 0 for average) with the
/// current window lit and its winner marked, the output filling in, the pooling written out,
/// and the geometry with its output-size formulas. Global and k-max pooling light the whole
/// plane or the kept cells. Every number comes from the model's core computation and traces.
public enum PoolView {
    /// Draws one frame of the model at a size.
    public static func body(_ model: PoolModel, width: Int, height: Int, options: RenderOptions) -> ViewBody {
        var canvas = Canvas(width: width, height: height)
        let palette = Palette(options: options)
        let glyphs = options.glyphs
        let geometry = PoolGeometryText(setup: model.setup)

        var row = 0
        canvas.put(
            glyphs.adapt(geometry.status(glyphs: glyphs, valid: model.computation != nil)), row: row, column: 1,
            style: CellStyle(bold: true))
        row += 1
        canvas.put(glyphs.adapt(geometry.toggles()), row: row, column: 1, style: palette.dim)
        row += 1
        for line in geometry.formulas(glyphs: glyphs) {
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
        let trace = model.currentTrace
        let explanation = explanationLines(
            model, trace: trace, width: width - 2, maxLines: height >= 28 ? 5 : 3, palette: palette, glyphs: glyphs)
        let footer = footer(model, palette: palette, glyphs: glyphs)

        // The written-out rows are reserved for the step that needs the most (a tie note takes a
        // second line), so the grids keep one zoom while the steps play.
        let reserved = reservedExplanationRows(
            model, width: width - 2, maxLines: height >= 28 ? 5 : 3, palette: palette, glyphs: glyphs)
        let lowestTop = footerRow - 1 - max(explanation.count, reserved)
        let area = (top: row, height: max(3, lowestTop - 1 - row))
        var (hits, bottom, refusals): ([HitRegion], Int, [RefusalBox]) = ([], area.top, [])
        if PoolPictureView.wanted(model) {
            bottom = PoolPictureView.drawPanels(
                model, trace: trace, top: area.top, bottom: area.top + area.height, width: width, into: &canvas,
                options: options)
        } else {
            (hits, bottom, refusals) = drawPanels(
                model, geometry: geometry, trace: trace, area: area, width: width, into: &canvas, palette: palette,
                options: options)
        }
        ExpressionText.draw(explanation, into: &canvas, row: min(lowestTop, bottom + 1), column: 1)

        return ViewBody(
            canvas: canvas, hits: hits, status: footer.status, hints: footer.hints, refusals: refusals)
    }

    // MARK: Written-out result

    /// Window pooling traces more steps than this are not all written out to size the rows.
    static let reservedStepLimit = 64

    /// The most rows the written-out pooling takes over the steps of window pooling (at most
    /// `reservedStepLimit` steps are measured; 0 for longer runs and the other modes, whose line
    /// count does not change from step to step).
    static func reservedExplanationRows(
        _ model: PoolModel, width: Int, maxLines: Int, palette: Palette, glyphs: Glyphs
    ) -> Int {
        guard let computation = model.computation, computation.mode == .window,
            model.player.stepCount <= reservedStepLimit
        else { return 0 }
        return (0..<model.player.stepCount).map { step in
            guard let trace = computation.trace(step: step) else { return 0 }
            return PoolExpression.lines(
                trace: trace, label: "out[\(trace.row),\(trace.column)]", width: width, maxLines: maxLines,
                palette: palette, glyphs: glyphs
            ).count
        }.max() ?? 0
    }

    /// The pooling of the current step written out (window, global) or the kept values (k-max).
    static func explanationLines(
        _ model: PoolModel, trace: PoolTrace?, width: Int, maxLines: Int, palette: Palette, glyphs: Glyphs
    ) -> [[Segment]] {
        guard let computation = model.computation else { return [] }
        switch computation.mode {
        case .window:
            guard let trace else { return [] }
            return PoolExpression.lines(
                trace: trace, label: "out[\(trace.row),\(trace.column)]", width: width, maxLines: maxLines,
                palette: palette, glyphs: glyphs)
        case .global:
            let label = "global \(PoolGeometryText.word(computation.kind ?? .max))"
            if let trace {
                return PoolExpression.lines(
                    trace: trace, label: label, region: "plane", width: width, maxLines: maxLines, palette: palette,
                    glyphs: glyphs)
            }
            let x = glyphs.times
            return [
                [
                    Segment(
                        "\(label) of the \(computation.inputRows)\(x)\(computation.inputColumns) plane = ", palette.dim),
                    Segment(NumberText.format(computation.value(row: 0, column: 0)), palette.result),
                    Segment(" (too many cells to write out)", palette.dim),
                ]
            ]
        case .kMax:
            let kept = computation.keptCells
            let step = model.player.step
            let terms = kept.indices.map { slot in
                Segment(
                    NumberText.format(computation.value(row: 0, column: slot)),
                    slot == step ? CellStyle(bold: true, underline: true) : (slot > step ? palette.faint : .plain))
            }
            let count = computation.inputRows * computation.inputColumns
            var lines = ExpressionText.lines(
                opening: [
                    Segment(
                        "\(kept.count)-max keeps the \(kept.count) largest of \(count), in reading order: ", palette.dim
                    ), Segment("["),
                ],
                terms: terms, separator: ", ", closing: [Segment("]")], width: width, maxLines: max(1, maxLines - 1),
                glyphs: glyphs)
            if step < kept.count {
                let cell = kept[step]
                lines.append([
                    Segment(glyphs.star, palette.winner),
                    Segment(" kept value \(step + 1) = input[\(cell.row),\(cell.column)] = ", palette.dim),
                    Segment(NumberText.format(computation.value(row: 0, column: step)), palette.result),
                ])
            }
            return lines
        }
    }

    // MARK: Panels

    /// How an input position appears in the current step.
    private enum Role {
        case window(index: Int)
        case kept(slot: Int)
        case none
    }

    private static func drawPanels(
        _ model: PoolModel, geometry: PoolGeometryText, trace: PoolTrace?, area: (top: Int, height: Int),
        width: Int, into canvas: inout Canvas, palette: Palette, options: RenderOptions
    ) -> (hits: [HitRegion], bottom: Int, refusals: [RefusalBox]) {
        let glyphs = options.glyphs
        let setup = model.setup
        let computation = model.computation
        let windowMode = setup.mode == .window
        let rowsAxis = geometry.axes[0]
        let columnsAxis = geometry.axes[1]
        let inputRows = windowMode ? extent(rowsAxis) : 0..<setup.inputRows
        let inputColumns = windowMode ? extent(columnsAxis) : 0..<setup.inputColumns
        let isMax = setup.mode == .kMax || setup.kind == .max
        let padText = setup.kind == .max ? glyphs.negativeInfinity : "0"
        let showsPadding = windowMode && setup.padding != [0, 0]
        let showsOverhang =
            windowMode
            && (inputRows.upperBound > setup.inputRows + setup.padding[0]
                || inputColumns.upperBound > setup.inputColumns + setup.padding[1])

        // Cell widths: values, the padding symbol, and a column for the winner's marker.
        var inputText = max(2, model.inputSummary.textWidth)
        if showsPadding || showsOverhang { inputText = max(inputText, padText.unicodeScalars.count) }
        if isMax { inputText += 1 }
        let outputText = max(2, model.outputSummary.textWidth)
        let operatorLabel: String
        switch setup.mode {
        case .window: operatorLabel = PoolGeometryText.word(setup.kind)
        case .global: operatorLabel = "global \(PoolGeometryText.word(setup.kind))"
        case .kMax: operatorLabel = "\(setup.k)-max"
        }
        let gap = operatorLabel.unicodeScalars.count + glyphs.arrow.unicodeScalars.count + 5
        // One strip layout: input → output (a refusal box in the output's place).
        let errorWidth = computation == nil ? min(46, max(24, width / 3)) : 0
        var grids = [StripLayout.Grid(rows: inputRows, columns: inputColumns, textWidth: inputText, labelWidth: 9)]
        if let computation {
            grids.append(
                StripLayout.Grid(
                    rows: 0..<computation.outputRows, columns: 0..<computation.outputColumns, textWidth: outputText,
                    labelWidth: setup.mode == .kMax ? 9 : 12))  // "output 3", "output 4×4"
        }
        let layout = StripLayout(
            grids: grids, fixedWidth: gap + errorWidth, width: width - 2, height: area.height, slack: 1,
            classroom: options.classroom)
        let rowStep = layout.zoom.rowStep
        let visibleRows = layout.visibleRows

        // Which input positions the current step lights.
        var roles: [Key: Role] = [:]
        if let trace, windowMode || trace.cells.count <= 4096 {
            for (index, cell) in trace.cells.enumerated() {
                roles[Key(row: cell.row, column: cell.column)] = .window(index: index)
            }
        }
        let kept = computation?.keptCells ?? []
        for (slot, cell) in kept.enumerated() { roles[Key(row: cell.row, column: cell.column)] = .kept(slot: slot) }
        let focusCells: [(row: Int, column: Int)]
        if let trace, windowMode {
            focusCells = trace.cells.map { ($0.row, $0.column) }
        } else if setup.mode == .kMax, model.player.step < kept.count {
            focusCells = [kept[model.player.step]]
        } else if let trace, let winner = trace.winner {
            focusCells = [(trace.cells[winner].row, trace.cells[winner].column)]
        } else {
            focusCells = []
        }
        let focusRows = (focusCells.map(\.row).min() ?? 0)..<((focusCells.map(\.row).max() ?? 0) + 1)
        let focusColumns = (focusCells.map(\.column).min() ?? 0)..<((focusCells.map(\.column).max() ?? 0) + 1)
        let (shownInputRows, shownInputColumns) = layout.shown(0, focusRows: focusRows, focusColumns: focusColumns)

        let input = model.input
        let inputScale = model.inputSummary.scale
        let unreadRows = windowMode ? rowsAxis.unreadInputCells : 0
        let unreadColumns = windowMode ? columnsAxis.unreadInputCells : 0
        let padEnd = (
            rows: setup.inputRows + (windowMode ? setup.padding[0] : 0),
            columns: setup.inputColumns + (windowMode ? setup.padding[1] : 0)
        )
        let x = glyphs.times
        let marker = glyphs.star
        let winnerIndex = trace?.winner
        let step = model.player.step
        let countsPadding = setup.kind == .max || setup.countIncludePad
        let inputPanel = GridPanel(
            title:
                "input \(setup.inputRows)\(x)\(setup.inputColumns)\(showsPadding ? " + pad" : "")\(showsOverhang ? " + overhang" : "")",
            rows: shownInputRows,
            columns: shownInputColumns, cellWidth: layout.cellWidths[0], rowStep: rowStep)
        let top = area.top
        var left = 1 + layout.margins[0]
        inputPanel.draw(
            into: &canvas, top: top, left: left, titleStyle: palette.title, titleLimit: inputPanel.width + gap - 2,
            options: options
        ) { r, c in
            let inside = r >= 0 && c >= 0 && r < setup.inputRows && c < setup.inputColumns
            let beyond = r >= padEnd.rows || c >= padEnd.columns
            let text =
                inside ? NumberText.format(input.data[r * setup.inputColumns + c]) : (beyond ? glyphs.pending : padText)
            switch roles[Key(row: r, column: c)] ?? .none {
            case .window(let index):
                if index == winnerIndex { return (marker + text, palette.winner) }
                if beyond || (!inside && !countsPadding) { return (text, palette.uncounted) }
                return (text, palette.highlight)
            case .kept(let slot):
                if slot == step { return (marker + text, palette.winner) }
                return (
                    text,
                    slot < step
                        ? palette.highlight : palette.value(input.data[r * setup.inputColumns + c], scale: inputScale)
                )
            case .none:
                if beyond || !inside { return (text, beyond ? palette.faint : palette.padding) }
                let value = input.data[r * setup.inputColumns + c]
                let unread = r >= setup.inputRows - unreadRows || c >= setup.inputColumns - unreadColumns
                return (text, unread ? palette.faint : palette.value(value, scale: inputScale))
            }
        }
        if shownInputRows != inputRows || shownInputColumns != inputColumns {
            inputPanel.drawIndices(
                into: &canvas, top: top, left: left, style: palette.dim, glyphs: glyphs,
                total: (inputRows, inputColumns))
        }
        left += max(inputPanel.width, 9) + 1
        let middleRow = top + 1 + (min(visibleRows, shownInputRows.count) - 1) * rowStep / 2 + (rowStep - 1) / 2
        let operatorText = "\(operatorLabel) \(glyphs.arrow)"
        canvas.put(operatorText, row: middleRow, column: left + 1, style: CellStyle(bold: true))
        // A minimap above the operator when the input is larger than its panel.
        if shownInputRows != inputRows || shownInputColumns != inputColumns, middleRow - top >= 3 {
            let map = Minimap(
                total: (inputRows, inputColumns), shown: (shownInputRows, shownInputColumns),
                window: focusCells.isEmpty ? (0..<0, 0..<0) : (focusRows, focusColumns), maxRows: middleRow - top - 2,
                maxColumns: operatorText.unicodeScalars.count)
            map.draw(into: &canvas, top: top + 1, left: left + 1, palette: palette, glyphs: glyphs)
        }
        left += gap - 1

        guard let computation else {
            let refusal = RefusalBox(
                model.errorMessage ?? "invalid setup", top: top, left: left, width: max(20, min(width - left - 1, 46)),
                maxHeight: area.height)
            return ([], max(top + refusal.height(glyphs: glyphs), top + inputPanel.height + 1), [refusal])
        }

        let (currentRow, currentColumn) = computation.position(ofStep: step)
        let (shownOutputRows, shownOutputColumns) = layout.shown(
            1, focusRows: currentRow..<(currentRow + 1), focusColumns: currentColumn..<(currentColumn + 1))
        let outputScale = model.outputSummary.scale
        let showAll = model.focus == .outputMap
        let outputTitle =
            setup.mode == .kMax
            ? "output \(computation.outputColumns)" : "output \(computation.outputRows)\(x)\(computation.outputColumns)"
        let outputPanel = GridPanel(
            title: outputTitle, rows: shownOutputRows, columns: shownOutputColumns, cellWidth: layout.cellWidths[1],
            rowStep: rowStep)
        left += layout.margins[1]
        let hits = outputPanel.draw(
            into: &canvas, top: top, left: left, titleStyle: palette.title, options: options,
            content: { r, c in
                let cellStep = computation.step(row: r, column: c)
                let value = computation.value(row: r, column: c)
                if cellStep == step { return (NumberText.format(value), showAll ? palette.cursor : palette.highlight) }
                if cellStep > step && !showAll { return (glyphs.pending, palette.faint) }
                return (NumberText.format(value), palette.value(value, scale: outputScale))
            },
            target: { r, c in .outputCell(row: r, column: c) })
        if shownOutputRows.count < computation.outputRows || shownOutputColumns.count < computation.outputColumns {
            outputPanel.drawIndices(
                into: &canvas, top: top, left: left, style: palette.dim, glyphs: glyphs,
                total: (0..<computation.outputRows, 0..<computation.outputColumns))
        }
        return (hits, max(top + inputPanel.height + 1, top + outputPanel.height + 1), [])
    }

    /// The positions drawn along an axis: the padding before, the input, the padding after,
    /// and any ceil-mode overhang past it.
    static func extent(_ axis: AxisGeometry) -> Range<Int> {
        let low = -axis.padding.before
        var high = axis.inputSize + axis.padding.after
        if axis.outputSize > 0 {
            high = max(high, axis.inputPosition(output: axis.outputSize - 1, tap: axis.kernelSize - 1) + 1)
        }
        return low..<max(low + 1, high)
    }

    // MARK: Footer

    private static func footer(_ model: PoolModel, palette: Palette, glyphs: Glyphs)
        -> (status: [Segment], hints: String)
    {
        let label = model.computation.map { computation -> String in
            guard computation.mode == .window else { return "" }
            let (r, c) = computation.position(ofStep: model.player.step)
            return "out[\(r),\(c)]"
        }
        let status = ViewBody.status(
            player: model.player, label: label, refusal: "cannot compute: change the settings", palette: palette,
            glyphs: glyphs)
        let hints =
            model.errorMessage != nil
            ? "? keys"
            : model.focus == .outputMap ? "arrows pick a cell  Tab back  click a cell" : PoolModel.keyMap.footerHints
        return (status, hints)
    }

    /// A cell position, hashable for lookups.
    private struct Key: Hashable {
        let row: Int
        let column: Int
    }
}
extension PoolView: ViewRenderer {}
