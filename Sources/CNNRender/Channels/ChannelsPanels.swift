import CNNCore
import CNNSandbox

/// The panels of the channels view: input channel grids on the left (wrapped into rows), then
/// one line of blocks per output channel — its kernel's slices, then its output grid. Larger
/// terminals get larger cells; when something does not fit, windows follow the current cell
/// (channels, rows and columns), so the cost of a frame does not grow with the sizes.
enum ChannelsPanels {
    /// How the panels are laid out at one zoom.
    struct Plan {
        var inputCell: Int, kernelCell: Int, outputCell: Int, rowStep: Int
        var inputRows: Range<Int>, inputColumns: Range<Int>
        var outputRows: Range<Int>, outputColumns: Range<Int>
        var gridsPerRow: Int
        /// Blank lines between rows of input grids.
        var gridSpacing: Int
        var inputChannels: Range<Int>
        var outputChannels: Range<Int>
        var slices: Range<Int>
        var fitsWhole: Bool
    }

    static let gap = 5

    static func draw(
        _ model: ChannelsModel, computation: ChannelsComputation,
        position: (stage: Int, channel: Int, row: Int, column: Int),
        area: (top: Int, height: Int), width: Int, into canvas: inout Canvas, palette: Palette, options: RenderOptions
    ) -> [HitRegion] {
        let glyphs = options.glyphs
        let stage = computation.stages[position.stage]
        let summary = model.summaries[position.stage]
        let trace = stage.trace(channel: position.channel, row: position.row, column: position.column)
        let rowsAxis = stage.layer.axes[0]
        let columnsAxis = stage.layer.axes[1]
        let paddedRows = -rowsAxis.padding.before..<(stage.inputRows + rowsAxis.padding.after)
        let paddedColumns = -columnsAxis.padding.before..<(stage.inputColumns + columnsAxis.padding.after)
        let readChannels =
            (trace.terms.map(\.inputChannel).min() ?? 0)..<((trace.terms.map(\.inputChannel).max() ?? 0) + 1)
        let footprintRows = (trace.terms.map(\.row).min() ?? 0)..<((trace.terms.map(\.row).max() ?? 0) + 1)
        let footprintColumns = (trace.terms.map(\.column).min() ?? 0)..<((trace.terms.map(\.column).max() ?? 0) + 1)

        // Zoom: the largest cells at which everything fits whole; else the smallest, with windows.
        func plan(extra: Int, rowStep: Int) -> Plan {
            let inputCell = max(2, summary.input.textWidth) + 1 + extra
            let kernelCell = max(2, summary.weight.textWidth) + 1 + extra
            let outputCell = max(2, summary.output.textWidth) + 1 + extra
            func gridHeight(_ rows: Int) -> Int { 1 + max(0, rows * rowStep - (rowStep > 1 ? 1 : 0)) }
            // Widths, as drawn: inputs, 1 + 3 columns around `⋆`, the kernel block ("kN", then
            // its slices 2 apart), 5 columns around `=`, the output grid (or its title).
            // The input channels come first (wrapped into as many rows of grids as the height
            // holds), the kernel's slices take the width left, the output at most a quarter.
            let sliceWidth = stage.kernelColumns * kernelCell - 1
            func kernelBlockWidth(_ slices: Int) -> Int { 4 + slices * (sliceWidth + 2) - 2 }
            let outputColumnsShown = max(1, min(stage.outputColumns, max(6, (width - 2) / 4) / outputCell))
            let outputTitle = "out\(stage.outputChannels - 1) \(stage.outputRows)×\(stage.outputColumns)"
            let outputWidth = max(outputColumnsShown * outputCell - 1, outputTitle.unicodeScalars.count)
            let fixed = 1 + 1 + 3 + gap + 1
            let blockRows = max(1, area.height - 1)
            let outputRowsShown = min(stage.outputRows, max(1, blockRows / rowStep))
            let kernelRowsShown = min(stage.kernelRows, max(1, blockRows / rowStep))
            let blockHeight = max(gridHeight(kernelRowsShown), gridHeight(outputRowsShown)) + 1
            // When the channels are paged, the last block's spacing row carries the page note,
            // so that row must lie inside the area too.
            let allOutputChannels = stage.outputChannels * blockHeight - 1 <= area.height
            let outputChannelsShown =
                allOutputChannels ? stage.outputChannels : max(1, min(stage.outputChannels, area.height / blockHeight))
            // Inputs: the width left beside one kernel slice, wrapped into rows of grids.
            let inputWidthLeft = max(inputCell, width - fixed - kernelBlockWidth(1) - outputWidth)
            let inputColumnsShown = max(1, min(paddedColumns.count, (inputWidthLeft + 1) / inputCell))
            let gridWidth = max(inputColumnsShown * inputCell - 1, 4)
            let widest = max(1, (inputWidthLeft + 2) / (gridWidth + 2))
            // The input grids, in `free` rows: rows shown, rows of grids, channels shown, and
            // grids per row (as few as the rows of grids allow, leaving width to the kernel).
            // Rows of grids are a blank line apart, or touching (each has its title line) when
            // that shows more channels.
            func inputBlock(free: Int) -> (rows: Int, channels: Int, perRow: Int, spacing: Int) {
                let rows = max(1, min(paddedRows.count, (free - 1) / rowStep))
                func gridRows(spacing: Int) -> Int { max(1, (free + spacing) / (gridHeight(rows) + spacing)) }
                func channels(spacing: Int) -> Int {
                    max(1, min(stage.inputChannels, widest * gridRows(spacing: spacing)))
                }
                let spacing = channels(spacing: 1) < channels(spacing: 0) ? 0 : 1
                let shown = channels(spacing: spacing)
                let used = min(gridRows(spacing: spacing), shown)
                return (rows, shown, (shown + used - 1) / used, spacing)
            }
            // A cut input block names what it shows on the line under it, inside the area.
            var block = inputBlock(free: area.height)
            if block.rows < paddedRows.count || inputColumnsShown < paddedColumns.count
                || block.channels < stage.inputChannels
            {
                block = inputBlock(free: area.height - 1)
            }
            // As many grids per row as leave the kernel all its slices, but no fewer than the
            // rows of grids need.
            func inputsWidth(_ perRow: Int) -> Int { perRow * (gridWidth + 2) - 2 }
            var perRow = min(block.channels, widest)
            while perRow > block.perRow
                && fixed + inputsWidth(perRow) + kernelBlockWidth(stage.slices) + outputWidth > width
            {
                perRow -= 1
            }
            let inputsWidth = inputsWidth(perRow)
            let kernelRoom = width - fixed - inputsWidth - outputWidth
            let sliceCount = max(1, min(stage.slices, (kernelRoom - 2) / (sliceWidth + 2)))
            let inputRowsShown = block.rows
            let inputChannelsShown = block.channels
            let whole =
                sliceCount == stage.slices && outputColumnsShown == stage.outputColumns
                && outputRowsShown == stage.outputRows && kernelRowsShown == stage.kernelRows
                && outputChannelsShown == stage.outputChannels && inputColumnsShown == paddedColumns.count
                && inputRowsShown == paddedRows.count && inputChannelsShown == stage.inputChannels
            return Plan(
                inputCell: inputCell, kernelCell: kernelCell, outputCell: outputCell, rowStep: rowStep,
                inputRows: Viewport.follow(total: paddedRows, visible: inputRowsShown, focus: footprintRows),
                inputColumns: Viewport.follow(
                    total: paddedColumns, visible: inputColumnsShown, focus: footprintColumns),
                outputRows: Viewport.follow(
                    total: 0..<stage.outputRows, visible: outputRowsShown, focus: position.row..<(position.row + 1)),
                outputColumns: Viewport.follow(
                    total: 0..<stage.outputColumns, visible: outputColumnsShown,
                    focus: position.column..<(position.column + 1)),
                gridsPerRow: min(perRow, inputChannelsShown), gridSpacing: block.spacing,
                inputChannels: Viewport.follow(
                    total: 0..<stage.inputChannels, visible: inputChannelsShown, focus: readChannels),
                outputChannels: Viewport.follow(
                    total: 0..<stage.outputChannels, visible: outputChannelsShown,
                    focus: position.channel..<(position.channel + 1)),
                slices: 0..<sliceCount, fitsWhole: whole)
        }
        // Larger terminals get larger cells (a projector in classroom mode larger still): the
        // largest rung of the one ladder at which everything fits whole.
        let zoom = StripZoom.largest(classroom: options.classroom) {
            plan(extra: $0.extra, rowStep: $0.rowStep).fitsWhole
        }
        let chosen = plan(extra: zoom.extra, rowStep: zoom.rowStep)

        let lit = Set(trace.terms.map { Cell3(channel: $0.inputChannel, row: $0.row, column: $0.column) })
        let inputGrid = drawInputs(
            stage: stage, plan: chosen, lit: lit, readChannels: readChannels, summary: summary.input, top: area.top,
            pointwiseInputs: stage.name == "pointwise", into: &canvas, palette: palette, glyphs: glyphs)
        var left = 1 + inputGrid.width + 1
        BigOperator.draw(
            glyphs.star, row: area.top + 1 + (min(chosen.inputRows.count, stage.kernelRows) - 1) * chosen.rowStep / 2,
            column: left + 1, large: BigOperator.wanted(options: options, rowStep: chosen.rowStep),
            style: CellStyle(bold: true), glyphs: glyphs, into: &canvas)
        left += gap - 2
        return drawKernelsAndOutputs(
            stage: stage, plan: chosen, position: position, summary: summary, top: area.top, left: left,
            bottom: area.top + area.height, into: &canvas, palette: palette, glyphs: glyphs)
    }

    /// A cell of one channel.
    struct Cell3: Hashable {
        let channel: Int
        let row: Int
        let column: Int
    }

    /// Draws the input channel grids; returns the width used.
    private static func drawInputs(
        stage: ChannelsStage, plan: Plan, lit: Set<Cell3>, readChannels: Range<Int>, summary: ValueSummary, top: Int,
        pointwiseInputs: Bool, into canvas: inout Canvas, palette: Palette, glyphs: Glyphs
    ) -> (width: Int, height: Int) {
        let gridWidth = max(plan.inputColumns.count * plan.inputCell - 1, 4)
        var used = (width: 0, height: 0)
        for (index, channel) in plan.inputChannels.enumerated() {
            let gridRow = index / plan.gridsPerRow
            let gridColumn = index % plan.gridsPerRow
            let panel = GridPanel(
                title: pointwiseInputs ? "dw\(channel)" : "ch\(channel)", rows: plan.inputRows,
                columns: plan.inputColumns,
                cellWidth: plan.inputCell, rowStep: plan.rowStep)
            let panelTop = top + gridRow * (panel.height + plan.gridSpacing)
            let panelLeft = 1 + gridColumn * (gridWidth + 2)
            let read = readChannels.contains(channel)
            panel.draw(
                into: &canvas, top: panelTop, left: panelLeft, titleStyle: read ? palette.title : palette.dim,
                options: palette.options
            ) {
                r, c in
                let isLit = lit.contains(Cell3(channel: channel, row: r, column: c))
                guard r >= 0, c >= 0, r < stage.inputRows, c < stage.inputColumns else {
                    return ("0", isLit ? palette.highlight : palette.padding)
                }
                let value = stage.inputValue(channel: channel, row: r, column: c)
                if isLit { return (NumberText.format(value), palette.highlight) }
                return (NumberText.format(value), read ? palette.value(value, scale: summary.scale) : palette.faint)
            }
            used.width = max(used.width, panelLeft - 1 + gridWidth)
            used.height = max(used.height, panelTop - top + panel.height)
        }
        var notes: [String] = []
        let dash = glyphs.rangeDash
        if plan.inputChannels.count < stage.inputChannels {
            let shown =
                plan.inputChannels.count == 1
                ? "\(plan.inputChannels.lowerBound)"
                : "\(plan.inputChannels.lowerBound)\(dash)\(plan.inputChannels.upperBound - 1)"
            notes.append("ch \(shown) of \(stage.inputChannels)")
        }
        if plan.inputRows.count < stage.inputRows || plan.inputColumns.count < stage.inputColumns {
            notes.append(
                "r\(plan.inputRows.lowerBound)\(dash)\(plan.inputRows.upperBound - 1) c\(plan.inputColumns.lowerBound)\(dash)\(plan.inputColumns.upperBound - 1)"
            )
        }
        if !notes.isEmpty {
            canvas.put(notes.joined(separator: " "), row: top + used.height, column: 1, style: palette.dim)
        }
        return used
    }

    /// Draws one block per shown output channel: its kernel's slices, `=`, its output grid.
    private static func drawKernelsAndOutputs(
        stage: ChannelsStage, plan: Plan, position: (stage: Int, channel: Int, row: Int, column: Int),
        summary: (input: ValueSummary, weight: ValueSummary, output: ValueSummary), top: Int, left: Int, bottom: Int,
        into canvas: inout Canvas, palette: Palette, glyphs: Glyphs
    ) -> [HitRegion] {
        let kernelRowsShown = min(
            stage.kernelRows,
            plan.outputRows.count > 0 ? max(plan.outputRows.count, stage.kernelRows) : stage.kernelRows)
        func gridHeight(_ rows: Int) -> Int { 1 + max(0, rows * plan.rowStep - (plan.rowStep > 1 ? 1 : 0)) }
        let blockHeight = max(gridHeight(kernelRowsShown), gridHeight(plan.outputRows.count)) + 1
        let sliceWidth = stage.kernelColumns * plan.kernelCell - 1
        let kernelWidth = 4 + plan.slices.count * (sliceWidth + 2) - 2
        var hits: [HitRegion] = []
        let dash = glyphs.rangeDash
        let x = glyphs.times
        for (index, kernel) in plan.outputChannels.enumerated() {
            let blockTop = top + index * blockHeight
            let current = kernel == position.channel
            let firstChannel = stage.firstInputChannel(ofKernel: kernel)
            canvas.put("k\(kernel)", row: blockTop + 1, column: left, style: current ? palette.highlight : palette.dim)
            for slice in plan.slices {
                let sliceLeft = left + 4 + (slice - plan.slices.lowerBound) * (sliceWidth + 2)
                let panel = GridPanel(
                    title: "ch\(firstChannel + slice)", rows: 0..<min(stage.kernelRows, kernelRowsShown),
                    columns: 0..<stage.kernelColumns,
                    cellWidth: plan.kernelCell, rowStep: plan.rowStep)
                panel.draw(
                    into: &canvas, top: blockTop, left: sliceLeft, titleStyle: current ? palette.title : palette.dim,
                    options: palette.options
                ) { r, c in
                    let value = stage.weightValue(kernel: kernel, slice: slice, row: r, column: c)
                    return (NumberText.format(value), palette.value(value, scale: summary.weight.scale))
                }
            }
            if plan.slices.count < stage.slices {
                // The slices that do not fit are counted under the kernel's name.
                canvas.put("+\(stage.slices - plan.slices.count)", row: blockTop + 2, column: left, style: palette.dim)
            }
            let outputLeft = left + kernelWidth + gap
            let largeEquals = BigOperator.wanted(options: palette.options, rowStep: plan.rowStep)
            BigOperator.draw(
                "=", row: blockTop + 1 + (largeEquals ? (plan.rowStep - 2) / 2 : 0), column: outputLeft - 3,
                large: largeEquals,
                style: current ? CellStyle(bold: true) : palette.dim, glyphs: glyphs, into: &canvas)
            let panel = GridPanel(
                title: "out\(kernel) \(stage.outputRows)\(x)\(stage.outputColumns)", rows: plan.outputRows,
                columns: plan.outputColumns,
                cellWidth: plan.outputCell, rowStep: plan.rowStep)
            let done = kernel < position.channel
            let blockHits = panel.draw(
                into: &canvas, top: blockTop, left: outputLeft, titleStyle: current ? palette.title : palette.dim,
                options: palette.options,
                content: { r, c in
                    let value = stage.value(channel: kernel, row: r, column: c)
                    if current && r == position.row && c == position.column {
                        return (NumberText.format(value), palette.highlight)
                    }
                    let computed = done || (current && (r < position.row || (r == position.row && c < position.column)))
                    return computed
                        ? (NumberText.format(value), palette.value(value, scale: summary.output.scale))
                        : (glyphs.pending, palette.faint)
                },
                target: { r, c in current ? .outputCell(row: r, column: c) : nil })
            hits += blockHits
        }
        var notes: [String] = []
        if plan.outputChannels.count < stage.outputChannels {
            let shown =
                plan.outputChannels.count == 1
                ? "\(plan.outputChannels.lowerBound)"
                : "\(plan.outputChannels.lowerBound)\(dash)\(plan.outputChannels.upperBound - 1)"
            notes.append("out \(shown) of \(stage.outputChannels)")
        }
        if plan.outputRows.count < stage.outputRows || plan.outputColumns.count < stage.outputColumns {
            notes.append(
                "r\(plan.outputRows.lowerBound)\(dash)\(plan.outputRows.upperBound - 1) c\(plan.outputColumns.lowerBound)\(dash)\(plan.outputColumns.upperBound - 1)"
            )
        }
        // The page note goes under the last block, never below the area (the sum is there).
        if !notes.isEmpty && top + plan.outputChannels.count * blockHeight - 1 < bottom {
            canvas.put(
                notes.joined(separator: " "), row: top + plan.outputChannels.count * blockHeight - 1, column: left,
                style: palette.dim)
        }
        return hits
    }
}
