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
        canvas.put(
            TextWrap.cut(glyphs.adapt(status), width: width - 2, glyphs: glyphs), row: 0, column: 1,
            style: CellStyle(bold: true))
        let table = StackTable(
            stack: stack, layers: model.setup.layers, fields: model.receptiveFields, inputShape: inputShape,
            glyphs: glyphs, tableOnly: model.setup.tableOnlyRows)
        let chosenText = chosenLine(model, glyphs: glyphs)
        let chosenLines = chosenText.map { TextWrap.lines($0, width: width - 2) } ?? []
        var hits: [HitRegion] = []
        var row: Int
        var tableRows: Int
        var bigTable: StackBigTable?
        var refusals: [RefusalBox] = []
        if let stack, let chosen = model.chosen {
            let layouts = levelLayouts(stack: stack, chosen: chosen, glyphs: glyphs)
            let levels = layouts.map {
                StackLayoutPlan.Level(
                    rows: $0.rows.count, columns: $0.columns.count, title: $0.title.unicodeScalars.count,
                    size: $0.size.unicodeScalars.count)
            }
            func planned(height: Int) -> StackLayoutPlan {
                StackLayoutPlan(
                    levels: levels, gap: gap(glyphs), width: width, height: height, tableRows: table.rows.count,
                    chosenLines: chosenLines.count, classroom: options.classroom)
            }
            var plan = planned(height: height)
            // Classroom mode: the table in the large font when it fits whole beside whole grids.
            if options.classroom && glyphs != .ascii {
                let big = StackBigTable(table: table, columns: Array(StackTable.header.indices))
                let extra = StackBigTable.height(rows: table.rows.count) - (1 + table.rows.count)
                let roomy = planned(height: height - extra)
                // Only where the grids keep cells of two rows or more: large numbers are not worth
                // shrinking the grids to half blocks.
                if case .whole(.cells(let zoom)) = roomy.grids, zoom.rowStep >= 2, roomy.tableRows == table.rows.count,
                    big.width <= width - 2
                {
                    plan = roomy
                    bigTable = big
                }
            }
            if let chosenText, plan.chosenRows > 0, plan.chosenRows < chosenLines.count {
                canvas.put(TextWrap.cut(chosenText, width: width - 2, glyphs: glyphs), row: 1, column: 1)
            } else {
                for (index, text) in chosenLines.prefix(plan.chosenRows).enumerated() {
                    canvas.put(text, row: 1 + index, column: 1)
                }
            }
            row = 1 + plan.chosenRows
            let drawing = StackGridDrawing(model: model, chosen: chosen, palette: palette, options: options)
            switch plan.grids {
            case .whole(let form):
                let drawn = drawing.drawLevels(
                    layouts, form: form, titleRows: plan.titleRows, top: row, into: &canvas, stack: stack)
                hits = drawn.hits
                row += drawn.height
                // Half blocks and classroom blocks are told apart by colour: their legend shows the colours.
                let blocks = options.classroom && options.color && form != .narrow
                StackHalfBlocks.drawLegend(
                    form == .halfBlock || blocks ? nil : legend(glyphs), row: row, halfBlocks: form == .halfBlock,
                    into: &canvas, palette: palette, options: options)
                row += 1
            case .cut(let rows):
                let drawn = drawing.drawCut(layouts, top: row, height: rows, width: width, into: &canvas, stack: stack)
                hits = drawn.hits
                row += drawn.height
                canvas.put(legend(glyphs), row: row, column: 1, style: palette.dim)
                row += 1
            case .hidden:
                canvas.put(hiddenNote(layouts, glyphs: glyphs, width: width), row: row, column: 1, style: palette.dim)
                row += 1
            case .omitted:
                break
            }
            if plan.gapRow { row += 1 }
            tableRows = plan.tableRows
        } else {
            for (index, text) in chosenLines.prefix(2).enumerated() {
                canvas.put(text, row: 1 + index, column: 1)
            }
            let tableWanted = min(table.rows.count, max(2, height - 3 - 3 - 2))
            let box = refusal(
                model.errorMessage ?? "invalid stack", top: 3, left: 1, width: min(width - 2, 76),
                height: max(3, height - 3 - 2 - tableWanted))
            refusals.append(box)
            row = 3 + box.height(glyphs: glyphs) + 1
            tableRows = max(1, min(table.rows.count, height - row - 1))
        }
        let columns = table.columns(fitting: width - 2)
        let shown = table.shownRows(count: tableRows, focus: table.row(ofLevel: model.level))
        if let bigTable {
            bigTable.draw(
                into: &canvas, top: row, left: 1, shown: shown, chosenLevel: model.level, palette: palette,
                options: options)
            let footer = footer(model, palette: palette, glyphs: glyphs)
            return ViewBody(
                canvas: canvas, hits: hits, status: footer.status, hints: footer.hints, refusals: refusals)
        }
        table.draw(
            into: &canvas, top: row, left: 1, shown: shown, columns: columns,
            chosenLevel: stack == nil ? nil : model.level, palette: palette)
        if shown.count < table.rows.count, let first = shown.first {
            let last = shown.last(where: { !(table.hasTotal && $0 == table.rows.count - 1) }) ?? first
            let note =
                "rows \(first)\(glyphs.rangeDash)\(last) of \(table.rows.count)\(table.hasTotal ? " + total" : "")"
            let free = width - 1 - (1 + table.width(columns: columns) + 2)
            if note.unicodeScalars.count <= free {
                canvas.put(note, row: row, column: width - 1 - note.unicodeScalars.count, style: palette.dim)
            }
        }
        let footer = footer(model, palette: palette, glyphs: glyphs)
        return ViewBody(
            canvas: canvas, hits: hits, status: footer.status, hints: footer.hints, refusals: refusals)
    }

    /// In place of grids that fit in no form: what they would need.
    static func hiddenNote(_ layouts: [LevelLayout], glyphs: Glyphs, width: Int) -> String {
        let form = StackGridForm.halfBlock
        let columns =
            layouts.reduce(0) { $0 + form.width(columns: $1.columns.count) } + gap(glyphs) * max(0, layouts.count - 1)
        let rows = form.height(rows: layouts.map(\.rows.count).max() ?? 1)
        let text =
            "grids: they need \(columns + 2)\(glyphs.times)\(rows + 6) even in half blocks; a larger terminal shows them"
        return TextWrap.cut(text, width: width - 2, glyphs: glyphs)
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
        // The span is worth a clause only where it differs from the box (holes, padding).
        guard below.boxRows != below.spanRows || below.boxColumns != below.spanColumns else { return text }
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

    /// Every level's grid: the grid plus any padding the chosen cell's span reaches, all shown.
    static func levelLayouts(stack: LayerStack, chosen: StackDependencies, glyphs: Glyphs) -> [LevelLayout] {
        let x = glyphs.times
        return (0...stack.depth).map { level in
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
    }

    /// What a level's viewport should keep in view: the chosen cell, or the span it reads.
    static func focusRange(_ level: Int, chosen: StackDependencies) -> (rows: Range<Int>, columns: Range<Int>) {
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
