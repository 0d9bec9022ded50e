import CNNRender

/// What the screen sends for a run of changed cells, with two-column characters handled:
/// a wide character goes out once (the terminal fills its right half), a half whose partner
/// was overwritten becomes a blank, and a character the terminal's `wcwidth` measures
/// differently from the canvas is replaced so columns never shift. Pure.
enum ScreenCellPlan {
    /// One character to send.
    struct Item: Equatable, Sendable {
        /// The character.
        var scalar: Unicode.Scalar
        /// Its style.
        var style: CellStyle
        /// Whether it takes two columns (the next canvas cell is skipped).
        var wide: Bool
    }

    /// `run` widened so that it never starts on the right half of a wide character nor ends
    /// between its halves (both halves are then written together), clipped to `screenWidth`.
    static func widened(_ run: CanvasDiff.Run, canvas: Canvas, screenWidth: Int) -> CanvasDiff.Run {
        var result = run
        if result.start > 0 && canvas[run.row, result.start].isContinuation { result.start -= 1 }
        if result.end < min(canvas.width, screenWidth) && canvas[run.row, result.end].isContinuation {
            result.end += 1
        }
        return result
    }

    /// The characters to send for columns `run.start..<run.end` of `canvas`. `unicode` false
    /// sends ASCII only; `terminalWidth` is the terminal's own column count for a character
    /// (ncurses uses `wcwidth`).
    static func items(
        for run: CanvasDiff.Run, canvas: Canvas, unicode: Bool, terminalWidth: (Unicode.Scalar) -> Int
    ) -> [Item] {
        var items: [Item] = []
        items.reserveCapacity(run.end - run.start)
        var previousWide = false
        for column in run.start..<run.end {
            let cell = canvas[run.row, column]
            if cell.isContinuation {
                if !previousWide { items.append(Item(scalar: " ", style: cell.style, wide: false)) }
                previousWide = false
                continue
            }
            let scalar = DisplayCharacter.resolve(cell.character, unicode: unicode)
            let pairedInCanvas = column + 1 < run.end && canvas[run.row, column + 1].isContinuation
            let width = scalar.isASCII ? 1 : terminalWidth(scalar)
            if pairedInCanvas && width == 2 {
                items.append(Item(scalar: scalar, style: cell.style, wide: true))
                previousWide = true
            } else {
                items.append(Item(scalar: width == 1 ? scalar : "?", style: cell.style, wide: false))
                previousWide = false
            }
        }
        return items
    }
}
