/// How the stack view draws its level grids, largest first: cells of a rung of the shared zoom
/// ladder (`StripZoom`), one character per cell, or half blocks (two cells per screen row), the
/// compact forms a small screen uses so that a grid is shown whole instead of cut into strips.
enum StackGridForm: Equatable {
    /// One mark per cell, `2 + extra` columns wide and `rowStep` rows apart.
    case cells(StripZoom)
    /// One column and one row per cell, no separator.
    case narrow
    /// One column per cell and one screen row per two cells, drawn with half blocks.
    case halfBlock

    /// The forms to try, largest first: the rungs of the ladder (but one-row cells with an extra
    /// column, whose single mark would sit off-centre), then the compact forms.
    static func candidates(classroom: Bool) -> [StackGridForm] {
        StripZoom.ladder(classroom: classroom).filter { $0.rowStep > 1 || $0.extra == 0 }.map { .cells($0) }
            + [.narrow, .halfBlock]
    }

    /// Screen columns of `columns` cells.
    func width(columns: Int) -> Int {
        switch self {
        case .cells(let zoom): return max(0, columns * zoom.cellWidth(textWidth: 1) - 1)
        case .narrow, .halfBlock: return columns
        }
    }

    /// Screen rows of `rows` cells.
    func height(rows: Int) -> Int {
        switch self {
        case .cells(let zoom): return max(0, rows * zoom.rowStep - (zoom.rowStep > 1 ? 1 : 0))
        case .narrow: return rows
        case .halfBlock: return (rows + 1) / 2
        }
    }

    /// Cells along a row, per screen column step (the cell's pitch).
    var pitch: Int {
        if case .cells(let zoom) = self { return zoom.cellWidth(textWidth: 1) }
        return 1
    }

    /// How many cells fit in `rows` screen rows.
    func rowsFitting(_ rows: Int) -> Int {
        switch self {
        case .cells(let zoom):
            return max(1, (rows + (zoom.rowStep > 1 ? 1 : 0)) / zoom.rowStep)
        case .narrow: return max(1, rows)
        case .halfBlock: return max(1, 2 * rows)
        }
    }
}
