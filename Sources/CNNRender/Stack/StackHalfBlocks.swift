import CNNSandbox

/// The stack view's most compact grid: one column per cell and two cells per screen row, each
/// cell the upper or lower half of a character (`▀ ▄ █`). In colour every half takes its mark's
/// colour (read in the highlight's hue, in the span but not read orange, the chosen cell white,
/// other cells grey), so the grid reads as a small picture; without colour the halves of read and
/// chosen cells are ink, a pair of other cells a dot (`░` when in the span); in ASCII `# ' ,`.
struct StackHalfBlocks {
    let drawing: StackGridDrawing

    /// Draws one level's visible cells and returns their click regions (a click picks the upper cell).
    func draw(
        _ layout: StackView.LevelLayout, levelSize: [Int], top: Int, left: Int, into canvas: inout Canvas
    ) -> [HitRegion] {
        var hits: [HitRegion] = []
        let rows = Array(layout.shownRows)
        for pair in stride(from: 0, to: rows.count, by: 2) {
            let upperRow = rows[pair]
            let lowerRow = pair + 1 < rows.count ? rows[pair + 1] : nil
            for (x, column) in layout.shownColumns.enumerated() {
                let upper = drawing.mark(level: layout.level, row: upperRow, column: column, levelSize: levelSize)
                let lower =
                    lowerRow.map { drawing.mark(level: layout.level, row: $0, column: column, levelSize: levelSize) }
                    ?? .outside
                let (text, style) = look(upper: upper, lower: lower)
                canvas.put(text, row: top + pair / 2, column: left + x, style: style)
                if upper != .outside {
                    hits.append(
                        HitRegion(
                            row: top + pair / 2, column: left + x, width: 1, height: 1,
                            target: .stackCell(level: layout.level, row: upperRow, column: column)))
                }
            }
        }
        return hits
    }

    /// The character and style of a screen cell holding an upper and a lower mark.
    func look(upper: StackGridDrawing.Mark, lower: StackGridDrawing.Mark) -> (String, CellStyle) {
        let glyphs = drawing.glyphs
        let options = drawing.options
        if options.color && glyphs != .ascii {
            let classroom = options.classroom
            switch (Self.colour(upper, classroom: classroom), Self.colour(lower, classroom: classroom)) {
            case (nil, nil): return (" ", .plain)
            case (let top?, nil): return ("▀", CellStyle(foreground: top))
            case (nil, let bottom?): return ("▄", CellStyle(foreground: bottom))
            case (let top?, let bottom?): return ("▀", CellStyle(foreground: top, background: bottom))
            }
        }
        let inked: (StackGridDrawing.Mark) -> Bool = { $0 == .read || $0 == .chosen }
        let bold = CellStyle(bold: upper == .chosen || lower == .chosen)
        let ascii = glyphs == .ascii
        switch (inked(upper), inked(lower)) {
        case (true, true): return (ascii ? "#" : "█", bold)
        case (true, false): return (ascii ? "'" : "▀", bold)
        case (false, true): return (ascii ? "," : "▄", bold)
        case (false, false):
            if upper == .skipped || lower == .skipped { return (ascii ? "o" : "░", drawing.palette.note) }
            if upper == .other || lower == .other { return (ascii ? "." : "·", drawing.palette.faint) }
            return (" ", .plain)
        }
    }

    /// A mark's colour in the half-block picture (nil: nothing drawn).
    static func colour(_ mark: StackGridDrawing.Mark, classroom: Bool) -> TerminalColor? {
        switch mark {
        case .outside: return nil
        case .other: return TerminalColor(index256: classroom ? 250 : 240, basic: 7)
        case .skipped: return TerminalColor(index256: 208, basic: 3)
        case .read:
            return classroom
                ? TerminalColor(index256: 213, basic: 5) : TerminalColor(index256: 226, basic: 3)
        case .chosen: return .white
        }
    }

    /// The legend line: `text` when given (the ordinary forms), else the coloured blocks' own, with
    /// a sample of each colour (or, without colour, of each glyph).
    static func drawLegend(
        _ text: String?, row: Int, halfBlocks: Bool = true, into canvas: inout Canvas, palette: Palette,
        options: RenderOptions
    ) {
        if let text {
            canvas.put(text, row: row, column: 1, style: palette.dim)
            return
        }
        let glyphs = options.glyphs
        var items: [(String, CellStyle, String)]
        if options.color && glyphs != .ascii {
            let marks: [(String, StackGridDrawing.Mark)] = [
                ("read", .read), ("span, not read", .skipped), ("chosen cell", .chosen), ("other", .other),
            ]
            items = marks.map { name, mark in
                ("█", CellStyle(foreground: colour(mark, classroom: options.classroom)), name)
            }
        } else {
            let ascii = glyphs == .ascii
            items = [
                (ascii ? "#" : "█", .plain, "read or chosen"),
                (ascii ? "o" : "░", palette.note, "span, not read"), (ascii ? "." : "·", palette.faint, "other"),
            ]
        }
        // As many items as fit on the line, then the note on the form if it fits too.
        var column = 1
        for (sample, style, name) in items {
            guard column + 2 + name.unicodeScalars.count < canvas.width else { break }
            canvas.put(sample, row: row, column: column, style: style)
            canvas.put(name, row: row, column: column + 2, style: palette.dim)
            column += 2 + name.unicodeScalars.count + 3
        }
        let note = "(2 rows a line)"
        if halfBlocks && column + note.unicodeScalars.count < canvas.width {
            canvas.put(note, row: row, column: column, style: palette.dim)
        }
    }
}
