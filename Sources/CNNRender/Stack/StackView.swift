import CNNCore
import CNNSandbox

/// Draws the receptive-field sandbox: every level of the stack as a grid of small cells
/// (the input first, then each layer's output), the chosen cell, the cells it reads lit level
/// by level down to the input with the span's box around them, and the summary table.
/// Every mark comes from the core's dependency masks and spans.
public enum StackView {
    /// Gap between level grids: room for an arrow with a blank on each side.
    static func gap(_ glyphs: Glyphs) -> Int { glyphs.arrow.unicodeScalars.count + 2 }

    /// Draws one frame of the model at a size.
    public static func body(_ model: StackModel, width: Int, height: Int, options: RenderOptions) -> ViewBody {
        var canvas = Canvas(width: width, height: height)
        let palette = Palette(options: options)
        let glyphs = options.glyphs
        let stack = model.stack
        let x = glyphs.times
        let inputShape = [model.setup.inputChannels, model.setup.inputRows, model.setup.inputColumns]
        var status = "layers \(model.setup.layersText) on \(inputShape.map(String.init).joined(separator: x))"
        if let stack, let top = try? stack.shape(level: stack.depth) {
            status += " \(glyphs.arrow) \(top.map(String.init).joined(separator: x))"
        } else {
            status += " \(glyphs.arrow) none"
        }
        canvas.put(glyphs.adapt(status), row: 0, column: 1, style: CellStyle(bold: true))
        if let line = chosenLine(model, glyphs: glyphs) {
            for (index, text) in TextWrap.lines(line, width: width - 2).prefix(2).enumerated() {
                canvas.put(text, row: 1 + index, column: 1)
            }
        }

        // From the top: the grids, the legend, the table; the footer on the last row. The
        // table keeps at least its header and two rows; the grids get the rest.
        let footerRow = height
        let table = StackTable(
            stack: stack, layers: model.setup.layers, fields: model.receptiveFields, inputShape: inputShape,
            glyphs: glyphs, tableOnly: model.setup.tableOnlyRows)
        let tableRowsWanted = table.rows.count
        let tallest = stack.map { $0.sizes.map { $0[0] }.max() ?? 1 } ?? 4
        let gridMinimum = 2 + min(tallest, max(3, (height - 6) / 2))
        let tableRowsShown = min(tableRowsWanted, max(2, footerRow - 3 - gridMinimum - 2 - 1))
        let area = (top: 3, height: max(3, footerRow - 3 - 2 - 1 - tableRowsShown))
        var hits: [HitRegion] = []
        var refusals: [RefusalBox] = []
        var used: Int
        if let stack, let chosen = model.chosen {
            (hits, used) = drawLevels(
                model, stack: stack, chosen: chosen, area: area, width: width, into: &canvas, palette: palette,
                glyphs: glyphs)
            canvas.put(legend(glyphs), row: area.top + used, column: 1, style: palette.dim)
            used += 1
        } else {
            let box = refusal(
                model.errorMessage ?? "invalid stack", top: area.top, left: 1, width: min(width - 2, 76),
                height: area.height + 1)
            refusals.append(box)
            used = box.height(glyphs: glyphs)
        }
        let tableTop = min(area.top + used + 1, footerRow - 1 - tableRowsShown)
        let chosenRow = table.row(ofLevel: model.level)
        let shownRows = Viewport.follow(
            total: 0..<tableRowsWanted, visible: tableRowsShown, focus: chosenRow..<(chosenRow + 1))
        table.draw(
            into: &canvas, top: tableTop, left: 1, shown: shownRows, chosenLevel: stack == nil ? nil : model.level,
            palette: palette)
        if shownRows.count < tableRowsWanted {
            let note =
                "rows \(shownRows.lowerBound)\(glyphs.rangeDash)\(shownRows.upperBound - 1) of \(tableRowsWanted)"
            canvas.put(note, row: tableTop, column: max(1, width - note.count - 1), style: palette.dim)
        }
        let footer = footer(model, palette: palette, glyphs: glyphs)
        return ViewBody(
            canvas: canvas, hits: hits, status: footer.status, hints: footer.hints, refusals: refusals)
    }

    // MARK: Text

    /// The name of a level: `input` or `L2 conv3`.
    static func levelName(_ level: Int, layers: [LayerSpec]) -> String {
        level == 0 ? "input" : "L\(level) \(layers[level - 1].label)"
    }

    /// What the chosen cell reads at the lowest level lit so far, from the core's masks and spans.
    static func chosenLine(_ model: StackModel, glyphs: Glyphs) -> String? {
        guard let chosen = model.chosen else { return nil }
        let x = glyphs.times
        let name = model.level == 0 ? "input" : "L\(model.level)"
        var text = "\(name) cell (\(model.row),\(model.column))"
        if model.level > 0, let field = model.receptiveFields?[model.level - 1] {
            text += " (r \(field.size), jump \(field.jump))"
        }
        let lowest = model.level - model.litDepth
        guard model.litDepth > 0, lowest >= 0 else {
            return text
                + (model.level == 0
                    ? " (the input reads nothing; pick a higher level with ])" : "; step on to light what it reads")
        }
        let below = chosen.levels[lowest]
        let levelName = lowest == 0 ? "the input" : "L\(lowest)"
        text += " reads \(below.count) cell\(below.count == 1 ? "" : "s") of \(levelName)"
        if let rows = below.boxRows, let columns = below.boxColumns {
            // "an 8×8", "an 11×11": the article follows how the number is read.
            let spoken = String(rows.count)
            let article =
                spoken.hasPrefix("8") || (spoken.count % 3 == 2 && ["11", "18"].contains(spoken.prefix(2))) ? "an" : "a"
            text += " in \(article) \(rows.count)\(x)\(columns.count) box"
        }
        let dash = glyphs.pick(unicode: "…", ascii: "..")
        text +=
            "; its span is \(below.spanRows.count)\(x)\(below.spanColumns.count): rows \(below.spanRows.lowerBound)\(dash)\(below.spanRows.upperBound), cols \(below.spanColumns.lowerBound)\(dash)\(below.spanColumns.upperBound)"
        return text
    }

    /// The marks' meanings.
    static func legend(_ glyphs: Glyphs) -> String {
        let g = StackGlyphs(glyphs)
        return
            "\(g.read) read   \(g.skipped) in the span, not read (holes, padding)   \(g.chosen) chosen cell   \(g.other) other"
    }

    // MARK: Grids

    /// One level's grid as laid out: which rows and columns it draws (the grid plus any
    /// padding its span reaches) and which of those fit on screen.
    struct LevelLayout {
        let level: Int
        let title: String
        let size: String
        let rows: Range<Int>
        let columns: Range<Int>
        var shownRows: Range<Int>
        var shownColumns: Range<Int>
    }

    private static func drawLevels(
        _ model: StackModel, stack: LayerStack, chosen: StackDependencies, area: (top: Int, height: Int),
        width: Int,
        into canvas: inout Canvas, palette: Palette, glyphs: Glyphs
    ) -> (hits: [HitRegion], height: Int) {
        let x = glyphs.times
        let gap = gap(glyphs)
        var layouts: [LevelLayout] = (0...stack.depth).map { level in
            let size = stack.sizes[level]
            var rows = 0..<size[0]
            var columns = 0..<size[1]
            if level < chosen.level {
                let span = chosen.levels[level]
                rows =
                    min(rows.lowerBound, span.spanRows.lowerBound)..<max(rows.upperBound, span.spanRows.upperBound + 1)
                columns =
                    min(
                        columns.lowerBound, span.spanColumns.lowerBound)..<max(
                        columns.upperBound, span.spanColumns.upperBound + 1)
            }
            let channels = stack.channels[level]
            let sizeText = (channels > 1 ? "\(channels)\(x)" : "") + "\(size[0])\(x)\(size[1])"
            return LevelLayout(
                level: level, title: glyphs.adapt(levelName(level, layers: stack.layers)), size: sizeText, rows: rows,
                columns: columns, shownRows: rows, shownColumns: columns)
        }
        // Zoom: the largest cells at which every level fits whole.
        let titleWidth = { (layout: LevelLayout) in
            max(layout.title.unicodeScalars.count, layout.size.unicodeScalars.count)
        }
        func totalWidth(_ cell: Int) -> Int {
            layouts.reduce(0) { $0 + max(gridWidth($1.columns.count, cell: cell), min(titleWidth($1), 12)) } + gap
                * (layouts.count - 1)
        }
        let tallest = layouts.map(\.rows.count).max() ?? 1
        let zooms = [(4, 2), (2, 1), (1, 1)]
        let fitting = zooms.first { cell, lines in totalWidth(cell) <= width - 2 && 2 + tallest * lines <= area.height }
        let (cell, lines) = fitting ?? (totalWidth(2) <= width - 2 ? (2, 1) : (1, 1))
        // Viewports: levels that do not fit show the part around what the chosen cell reads.
        let visibleRows = max(1, (area.height - 2) / lines)
        let fixed =
            layouts.reduce(0) { $0 + max(0, min(titleWidth($1), 12) - gridWidth($1.columns.count, cell: cell)) } + gap
            * (layouts.count - 1)
        let available = max(layouts.count, width - 2 - fixed)
        let wanted = layouts.reduce(0) { $0 + gridWidth($1.columns.count, cell: cell) }
        for index in layouts.indices {
            let layout = layouts[index]
            let focus = focusRange(layout.level, chosen: chosen, model: model)
            layouts[index].shownRows = Viewport.follow(total: layout.rows, visible: visibleRows, focus: focus.rows)
            if wanted > available {
                let share = Double(gridWidth(layout.columns.count, cell: cell)) / Double(max(1, wanted))
                let columns = max(1, Int(Double(available) * share) / cell)
                layouts[index].shownColumns = Viewport.follow(
                    total: layout.columns, visible: columns, focus: focus.columns)
            }
        }
        var hits: [HitRegion] = []
        var left = 1
        let gridTop = area.top + 2
        var bottom = gridTop
        for (index, layout) in layouts.enumerated() {
            let grid = gridWidth(layout.shownColumns.count, cell: cell)
            let panel = max(grid, min(titleWidth(layout), 12))
            let titleStyle = layout.level == model.level ? CellStyle(bold: true, underline: true) : palette.title
            clippedPut(
                layout.title, row: area.top, column: left, limit: panel + gap - 1, into: &canvas, style: titleStyle)
            clippedPut(
                layout.size, row: area.top + 1, column: left, limit: panel + gap - 1, into: &canvas, style: palette.dim)
            hits += drawGrid(
                layout, levelSize: stack.sizes[layout.level], model: model, chosen: chosen, top: gridTop, left: left,
                cell: cell, lines: lines, into: &canvas, palette: palette, glyphs: glyphs)
            if layout.shownRows != layout.rows || layout.shownColumns != layout.columns {
                let dash = glyphs.rangeDash
                let note =
                    "r\(layout.shownRows.lowerBound)\(dash)\(layout.shownRows.upperBound - 1) c\(layout.shownColumns.lowerBound)\(dash)\(layout.shownColumns.upperBound - 1)"
                clippedPut(
                    note, row: gridTop + layout.shownRows.count * lines, column: left, limit: panel + gap - 1,
                    into: &canvas, style: palette.dim)
                bottom = max(bottom, gridTop + layout.shownRows.count * lines + 1)
            }
            bottom = max(bottom, gridTop + layout.shownRows.count * lines)
            left += panel
            if index < layouts.count - 1 {
                let shownHeight = min(layout.shownRows.count, layouts[index + 1].shownRows.count) * lines
                canvas.put(glyphs.arrow, row: gridTop + (shownHeight - 1) / 2, column: left + 1, style: palette.dim)
            }
            left += gap
        }
        return (hits, bottom - area.top)
    }

    /// Screen columns of `count` cells `cell` columns wide (the last separator dropped).
    static func gridWidth(_ count: Int, cell: Int) -> Int {
        cell == 1 ? count : count * cell - 1
    }

    /// What a level's viewport should keep in view: the chosen cell, or the span it reads.
    static func focusRange(_ level: Int, chosen: StackDependencies, model: StackModel) -> (
        rows: Range<Int>, columns: Range<Int>
    ) {
        if level < chosen.level {
            let span = chosen.levels[level]
            return (
                span.spanRows.lowerBound..<(span.spanRows.upperBound + 1),
                span.spanColumns.lowerBound..<(span.spanColumns.upperBound + 1)
            )
        }
        if level == chosen.level {
            return (chosen.row..<(chosen.row + 1), chosen.column..<(chosen.column + 1))
        }
        return (0..<0, 0..<0)
    }

    /// Draws one level's visible cells and returns their click regions.
    private static func drawGrid(
        _ layout: LevelLayout, levelSize: [Int], model: StackModel, chosen: StackDependencies, top: Int,
        left: Int,
        cell: Int, lines: Int, into canvas: inout Canvas, palette: Palette, glyphs: Glyphs
    ) -> [HitRegion] {
        let marks = StackGlyphs(glyphs)
        let lit = model.isLit(level: layout.level)
        let below = layout.level < chosen.levels.count ? chosen.levels[layout.level] : nil
        let textWidth = max(1, cell == 1 ? 1 : cell - 1)
        var hits: [HitRegion] = []
        for (y, r) in layout.shownRows.enumerated() {
            for (x, c) in layout.shownColumns.enumerated() {
                let real = r >= 0 && c >= 0 && r < levelSize[0] && c < levelSize[1]
                let mark: (String, CellStyle)
                if layout.level == chosen.level && r == chosen.row && c == chosen.column {
                    mark = (marks.chosen, palette.cursor)
                } else if lit, let below, below.contains(row: r, column: c) {
                    mark = (marks.read, palette.highlight)
                } else if lit, let below, below.spans(row: r, column: c) {
                    mark = (marks.skipped, real ? palette.note : palette.padding)
                } else {
                    mark = (real ? marks.other : " ", palette.faint)
                }
                let originRow = top + y * lines
                let originColumn = left + x * cell
                // Read and skipped cells fill their block; the others show one mark in the middle.
                let filled = mark.0 == marks.read || mark.0 == marks.skipped
                let middle = (textWidth - 1) / 2
                let blank = String(repeating: filled ? mark.0 : " ", count: textWidth)
                let centered =
                    filled
                    ? blank
                    : String(repeating: " ", count: middle) + mark.0
                        + String(repeating: " ", count: textWidth - middle - 1)
                for line in 0..<lines {
                    canvas.put(
                        line == (lines - 1) / 2 ? centered : blank, row: originRow + line, column: originColumn,
                        style: mark.1)
                }
                if real {
                    hits.append(
                        HitRegion(
                            row: originRow, column: originColumn, width: max(1, cell), height: lines,
                            target: .stackCell(level: layout.level, row: r, column: c)))
                }
            }
        }
        return hits
    }

    /// Writes text, cut to `limit` columns.
    static func clippedPut(
        _ text: String, row: Int, column: Int, limit: Int, into canvas: inout Canvas, style: CellStyle
    ) {
        let cut = String(String.UnicodeScalarView(text.unicodeScalars.prefix(max(0, limit))))
        canvas.put(cut, row: row, column: column, style: style)
    }

    // MARK: Refusal and footer

    /// The box for the core's message in place of the grids; the host draws it.
    static func refusal(_ message: String, top: Int, left: Int, width: Int, height: Int) -> RefusalBox {
        RefusalBox(message, top: top, left: left, width: max(20, width), maxHeight: max(3, height))
    }

    private static func footer(_ model: StackModel, palette: Palette, glyphs: Glyphs)
        -> (status: [Segment], hints: String)
    {
        let label = model.stack.map { _ in "\(model.litDepth) level\(model.litDepth == 1 ? "" : "s") down" }
        let status = ViewBody.status(
            player: model.player, label: label, refusal: "change the input size with i/I", palette: palette,
            glyphs: glyphs)
        let hints =
            model.focus == .grid ? "arrows move  [ ] level  Tab back  click a cell" : StackModel.keyMap.footerHints
        return (status, hints)
    }
}

/// The marks of the stack grids, in Unicode or ASCII.
struct StackGlyphs {
    /// A cell the chosen cell depends on.
    let read: String
    /// A cell inside the span's box that is not read (a dilation hole, a stride gap, padding).
    let skipped: String
    /// The chosen cell.
    let chosen: String
    /// Any other cell.
    let other: String

    init(_ glyphs: Glyphs) {
        if glyphs == .ascii {
            (read, skipped, chosen, other) = ("#", "o", "@", ".")
        } else {
            (read, skipped, chosen, other) = ("■", "□", "◆", "·")
        }
    }
}
extension StackView: ViewRenderer {}
