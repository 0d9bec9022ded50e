/// Where the stack view puts its parts on a screen of a given size: the status line, the chosen
/// cell's line, the level grids (with their titles and the legend) and the summary table.
///
/// The grids are shown whole with the whole table whenever some form fits (`StackGridForm`,
/// largest first: the zoom ladder's cells, then one character per cell, then half blocks).
/// Otherwise the table the narration reads stays whole and the grids are cut into viewports in
/// what is left, if that is more than a strip of a few rows; else the grids stay whole beside a
/// page of whole table rows (the chosen level's row and the totals row always among them); else
/// the grids are left out with a one-line note.
struct StackLayoutPlan: Equatable {
    /// One level's grid as the plan measures it.
    struct Level: Equatable {
        /// Rows and columns the grid draws (padding its span reaches included).
        let rows: Int
        let columns: Int
        /// Widths of the level's name (`L2 conv3`) and size (`6×14×14`).
        let title: Int
        let size: Int
    }

    /// How the grids are shown.
    enum Grids: Equatable {
        /// Every cell of every level, in this form.
        case whole(StackGridForm)
        /// Viewports of at most `rows` screen rows (the grids do not fit in any form).
        case cut(rows: Int)
        /// Not drawn: a note line says what they would need.
        case hidden
        /// Not drawn, and no note either: the table takes every row.
        case omitted
    }

    /// The widest a level's title is drawn when it sits on two rows.
    static let titleLimit = 12
    /// Screen rows a cut grid must keep to be worth drawing (else the grids are left out).
    static let smallestCut = 6

    let grids: Grids
    /// 2: a level's name and size on rows of their own; 1: on one row.
    let titleRows: Int
    /// Rows of the chosen cell's line (0, 1 or 2).
    let chosenRows: Int
    /// Table rows shown under its header.
    let tableRows: Int
    /// Whether a blank row separates the legend from the table.
    let gapRow: Bool

    /// The width of a level's column: its grid, or its title when that is wider.
    static func panelWidth(_ level: Level, form: StackGridForm, titleRows: Int) -> Int {
        let grid = form.width(columns: level.columns)
        let title = titleRows == 2 ? min(max(level.title, level.size), titleLimit) : level.title + 1 + level.size
        return max(grid, title)
    }

    /// The width of every level's column with the gaps between them.
    static func totalWidth(_ levels: [Level], form: StackGridForm, titleRows: Int, gap: Int) -> Int {
        levels.reduce(0) { $0 + panelWidth($1, form: form, titleRows: titleRows) } + gap * max(0, levels.count - 1)
    }

    /// Plans a screen of `width` × `height` for `levels`, a table of `tableRows` rows (header not
    /// counted) and a chosen-cell line that wants `chosenLines` rows.
    init(
        levels: [Level], gap: Int, width: Int, height: Int, tableRows: Int, chosenLines: Int, classroom: Bool
    ) {
        let room = width - 2
        let tallest = levels.map(\.rows).max() ?? 1
        let chosenOptions = Array(Set([max(1, min(2, chosenLines)), 1])).sorted(by: >)
        // Rows taken by everything but the grid itself: status, chosen line, titles, legend, table header.
        func fixed(_ titleRows: Int, _ chosen: Int) -> Int { 1 + chosen + titleRows + 1 + 1 }
        let smallestTable = min(tableRows, 3)
        // The largest form whose whole grids leave `wanted` table rows.
        func whole(leaving wanted: Int) -> StackLayoutPlan? {
            for form in StackGridForm.candidates(classroom: classroom) {
                for titleRows in [2, 1]
                where StackLayoutPlan.totalWidth(levels, form: form, titleRows: titleRows, gap: gap) <= room {
                    for chosen in chosenOptions {
                        let used = fixed(titleRows, chosen) + form.height(rows: tallest)
                        guard used + wanted <= height else { continue }
                        let shown = min(tableRows, height - used)
                        return StackLayoutPlan(
                            grids: .whole(form), titleRows: titleRows, chosenRows: chosen, tableRows: shown,
                            gapRow: used + shown < height)
                    }
                }
            }
            return nil
        }
        // Whole grids and the whole table; else the whole table (the narration reads it) with the
        // grids cut in what is left, if that is more than a strip; else whole grids and a page of
        // the table; else the table alone.
        if let plan = whole(leaving: tableRows) {
            self = plan
            return
        }
        let gridRoom = height - fixed(2, 1) - 1 - tableRows
        if gridRoom >= StackLayoutPlan.smallestCut {
            self.init(grids: .cut(rows: gridRoom), titleRows: 2, chosenRows: 1, tableRows: tableRows, gapRow: false)
            return
        }
        if let plan = whole(leaving: smallestTable) {
            self = plan
            return
        }
        // Status, chosen line, the note, the table's header; the note and then the chosen
        // line give way to table rows.
        let chosen = tableRows > height - 4 && tableRows <= height - 3 ? 1 : (tableRows > height - 4 ? 0 : 1)
        let note = tableRows > height - 4 ? 0 : 1
        let shown = min(tableRows, max(1, height - 2 - chosen - note))
        self.init(
            grids: note == 1 ? .hidden : .omitted, titleRows: 0, chosenRows: chosen, tableRows: shown,
            gapRow: height - 2 - chosen - note > shown)
    }

    private init(grids: Grids, titleRows: Int, chosenRows: Int, tableRows: Int, gapRow: Bool) {
        self.grids = grids
        self.titleRows = titleRows
        self.chosenRows = chosenRows
        self.tableRows = tableRows
        self.gapRow = gapRow
    }
}
