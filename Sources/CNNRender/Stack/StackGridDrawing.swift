import CNNCore
import CNNSandbox

/// Draws the stack view's level grids side by side in one `StackGridForm`: each level's title,
/// its cells marked from the core's dependency masks (read, in the span but not read, the chosen
/// cell, other), and an arrow between neighbours. Grids cut into viewports carry their row and
/// column ranges underneath.
struct StackGridDrawing {
    let model: StackModel
    let chosen: StackDependencies
    let palette: Palette
    let options: RenderOptions

    var glyphs: Glyphs { options.glyphs }

    /// Draws every level whole from `top`; returns the click regions and the rows used.
    func drawLevels(
        _ layouts: [StackView.LevelLayout], form: StackGridForm, titleRows: Int, top: Int, into canvas: inout Canvas,
        stack: LayerStack
    ) -> (hits: [HitRegion], height: Int) {
        draw(layouts, form: form, titleRows: titleRows, top: top, into: &canvas, stack: stack)
    }

    /// Draws the levels cut into viewports that keep what the chosen cell reads in view, at the
    /// zoom and sizes the shared strip layout gives for `height` rows and `width` columns.
    func drawCut(
        _ layouts: [StackView.LevelLayout], top: Int, height: Int, width: Int, into canvas: inout Canvas,
        stack: LayerStack
    ) -> (hits: [HitRegion], height: Int) {
        let gap = StackView.gap(glyphs)
        // A cut grid's column is as wide as its size line (`6×28×28`); a longer name is clipped.
        let grids = layouts.map {
            StripLayout.Grid(
                rows: $0.rows, columns: $0.columns, textWidth: 1, labelWidth: $0.size.unicodeScalars.count)
        }
        // The strip layout counts one title row and, for a cut grid, one row for its ranges; the
        // size line is a second title row.
        let strip = StripLayout(
            grids: grids, fixedWidth: gap * max(0, layouts.count - 1), width: width - 2, height: height - 1,
            classroom: false)
        var layouts = layouts
        for index in layouts.indices {
            let focus = StackView.focusRange(layouts[index].level, chosen: chosen)
            let shown = strip.shown(index, focusRows: focus.rows, focusColumns: focus.columns)
            layouts[index].shownRows = shown.rows
            layouts[index].shownColumns = shown.columns
        }
        return draw(
            layouts, form: .cells(strip.zoom), titleRows: 2, top: top, into: &canvas, stack: stack, sizeWide: true)
    }

    /// Draws the levels as laid out; `sizeWide` columns are as wide as their grid or size line only.
    private func draw(
        _ layouts: [StackView.LevelLayout], form: StackGridForm, titleRows: Int, top: Int, into canvas: inout Canvas,
        stack: LayerStack, sizeWide: Bool = false
    ) -> (hits: [HitRegion], height: Int) {
        let gap = StackView.gap(glyphs)
        var hits: [HitRegion] = []
        var left = 1
        let gridTop = top + titleRows
        var bottom = gridTop
        for (index, layout) in layouts.enumerated() {
            let level = StackLayoutPlan.Level(
                rows: layout.shownRows.count, columns: layout.shownColumns.count,
                title: layout.title.unicodeScalars.count, size: layout.size.unicodeScalars.count)
            let panel =
                sizeWide
                ? max(form.width(columns: level.columns), level.size)
                : StackLayoutPlan.panelWidth(level, form: form, titleRows: titleRows)
            let titleStyle = layout.level == model.level ? CellStyle(bold: true, underline: true) : palette.title
            if titleRows == 2 {
                StackView.clippedPut(
                    layout.title, row: top, column: left, limit: panel + gap - 1, into: &canvas, style: titleStyle)
                StackView.clippedPut(
                    layout.size, row: top + 1, column: left, limit: panel + gap - 1, into: &canvas, style: palette.dim)
            } else {
                canvas.put(layout.title, row: top, column: left, style: titleStyle)
                canvas.put(
                    layout.size, row: top, column: left + layout.title.unicodeScalars.count + 1, style: palette.dim)
            }
            hits += drawGrid(
                layout, levelSize: stack.sizes[layout.level], form: form, top: gridTop, left: left, into: &canvas)
            let gridBottom = gridTop + form.height(rows: layout.shownRows.count)
            bottom = max(bottom, gridBottom)
            if layout.shownRows != layout.rows || layout.shownColumns != layout.columns {
                let dash = glyphs.rangeDash
                let note =
                    "r\(layout.shownRows.lowerBound)\(dash)\(layout.shownRows.upperBound - 1) c\(layout.shownColumns.lowerBound)\(dash)\(layout.shownColumns.upperBound - 1)"
                StackView.clippedPut(
                    note, row: gridBottom, column: left, limit: panel + gap - 1, into: &canvas, style: palette.dim)
                bottom = max(bottom, gridBottom + 1)
            }
            left += panel
            if index < layouts.count - 1 {
                let shownHeight = form.height(rows: min(layout.shownRows.count, layouts[index + 1].shownRows.count))
                canvas.put(
                    glyphs.arrow, row: gridTop + max(0, shownHeight - 1) / 2, column: left + 1, style: palette.dim)
            }
            left += gap
        }
        return (hits, bottom - top)
    }

    /// A cell's mark: what it is to the chosen cell.
    enum Mark: Int, Comparable {
        case outside, other, skipped, read, chosen

        static func < (a: Mark, b: Mark) -> Bool { a.rawValue < b.rawValue }
    }

    /// The mark of cell (`row`, `column`) of a level.
    func mark(level: Int, row: Int, column: Int, levelSize: [Int]) -> Mark {
        let real = row >= 0 && column >= 0 && row < levelSize[0] && column < levelSize[1]
        if level == chosen.level && row == chosen.row && column == chosen.column { return .chosen }
        if model.isLit(level: level), level < chosen.levels.count {
            let below = chosen.levels[level]
            if below.contains(row: row, column: column) { return .read }
            if below.spans(row: row, column: column) { return .skipped }
        }
        return real ? .other : .outside
    }

    /// Draws one level's visible cells and returns their click regions.
    private func drawGrid(
        _ layout: StackView.LevelLayout, levelSize: [Int], form: StackGridForm, top: Int, left: Int,
        into canvas: inout Canvas
    ) -> [HitRegion] {
        if form == .halfBlock {
            return StackHalfBlocks(drawing: self).draw(
                layout, levelSize: levelSize, top: top, left: left, into: &canvas)
        }
        let marks = StackGlyphs(glyphs)
        let pitch = form.pitch
        let textWidth = max(1, pitch == 1 ? 1 : pitch - 1)
        let rowStep: Int
        if case .cells(let zoom) = form { rowStep = zoom.rowStep } else { rowStep = 1 }
        let blockHeight = max(1, rowStep - 1)
        var hits: [HitRegion] = []
        for (y, r) in layout.shownRows.enumerated() {
            for (x, c) in layout.shownColumns.enumerated() {
                let mark = mark(level: layout.level, row: r, column: c, levelSize: levelSize)
                let originRow = top + y * rowStep
                let originColumn = left + x * pitch
                let (text, style) = look(mark, marks: marks)
                if options.classroom && (blockHeight > 1 || textWidth > 2) {
                    GridCellBlock(
                        text: classroomText(mark, marks: marks), style: classroomStyle(mark), width: textWidth,
                        height: blockHeight, glyphs: glyphs
                    ).draw(into: &canvas, row: originRow, column: originColumn)
                } else {
                    // Read and skipped cells fill a block of 3 columns or more; otherwise, and for
                    // the other marks, one mark in the middle.
                    let filled = (mark == .read || mark == .skipped) && (textWidth >= 3 || blockHeight > 1)
                    let middle = (textWidth - 1) / 2
                    let blank = String(repeating: filled ? text : " ", count: textWidth)
                    let centered =
                        filled
                        ? blank
                        : String(repeating: " ", count: middle) + text
                            + String(repeating: " ", count: textWidth - middle - 1)
                    for line in 0..<blockHeight {
                        canvas.put(
                            line == (blockHeight - 1) / 2 ? centered : blank, row: originRow + line,
                            column: originColumn, style: style)
                    }
                }
                if mark != .outside {
                    hits.append(
                        HitRegion(
                            row: originRow, column: originColumn, width: textWidth, height: blockHeight,
                            target: .stackCell(level: layout.level, row: r, column: c)))
                }
            }
        }
        return hits
    }

    /// A mark's glyph and style in the ordinary forms.
    func look(_ mark: Mark, marks: StackGlyphs) -> (String, CellStyle) {
        switch mark {
        case .chosen: return (marks.chosen, palette.cursor)
        case .read: return (marks.read, palette.highlight)
        case .skipped: return (marks.skipped, palette.note)
        case .other: return (marks.other, palette.faint)
        case .outside: return (" ", palette.padding)
        }
    }

    /// The text inside a classroom block: in colour the block's hue says read or other, so only the
    /// chosen cell and the span's unread cells keep their mark; without colour every mark stays.
    func classroomText(_ mark: Mark, marks: StackGlyphs) -> String {
        switch mark {
        case .chosen: return marks.chosen
        case .skipped: return marks.skipped
        case .read: return options.color ? "" : marks.read
        case .other: return options.color ? "" : marks.other
        case .outside: return ""
        }
    }

    /// A mark's block in classroom mode: read cells in the highlight's hue, the chosen cell framed,
    /// every other cell of the level a grey block (so the grid's extent reads from the back).
    func classroomStyle(_ mark: Mark) -> CellStyle {
        guard options.color else {
            switch mark {
            case .chosen: return CellStyle(bold: true, underline: true)
            case .read: return CellStyle(bold: true, reverse: true)
            case .skipped: return CellStyle(underline: true)
            case .other, .outside: return .plain
            }
        }
        switch mark {
        case .chosen:
            return CellStyle(foreground: .black, background: .white, bold: true, underline: true)
        case .read:
            var style = palette.highlight
            style.underline = false
            return style
        case .skipped:
            return CellStyle(foreground: .black, background: TerminalColor(index256: 208, basic: 3), bold: true)
        case .other:
            return CellStyle(foreground: .black, background: TerminalColor(index256: 250, basic: 7))
        case .outside:
            return .plain
        }
    }
}
