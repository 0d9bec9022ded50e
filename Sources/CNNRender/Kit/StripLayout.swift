/// The one layout of a strip of value grids side by side (`input ⋆ kernel = output`), shared by
/// every view: the zoom (the largest rung of `StripZoom.ladder` at which the whole strip fits;
/// classroom mode may go larger), how many columns of each grid are visible when it does not
/// fit (grids that fit in an even share stay whole; the others share the rest in proportion to
/// what each wants), the margins for row indices
/// of cut grids, and how many rows are shown. Pure: it only measures, a view then draws.
///
/// Widths: a grid of `c` visible columns takes `max(c × cell − 1, labelWidth)` columns plus its
/// margin; the strip takes the sum of its grids plus `fixedWidth` (gaps, joiners, a refusal box,
/// a side column). Heights: a grid takes `StripZoom.gridHeight`, plus its caption rows, plus one
/// row for the column indices when it is cut. Everything stays inside the rectangle whenever the
/// fixed items, the labels and one column of each grid fit in it.
public struct StripLayout: Sendable {
    /// One grid of a strip, as the layout measures it.
    public struct Grid: Sendable {
        /// Logical rows and columns (may start below 0 for padding).
        public var rows: Range<Int>
        public var columns: Range<Int>
        /// The widest value text, in columns.
        public var textWidth: Int
        /// The widest text the grid's column must hold (title, captions).
        public var labelWidth: Int
        /// Rows drawn under the grid (captions, a bias line).
        public var captionRows: Int
        /// Whether the grid may show fewer columns than it has (a kernel never does).
        public var pages: Bool
        /// Whether a cut grid carries row indices in a margin on its left (the 1-D views name
        /// their rows instead).
        public var rowIndices: Bool

        /// Creates a grid.
        public init(
            rows: Range<Int>, columns: Range<Int>, textWidth: Int, labelWidth: Int = 0, captionRows: Int = 0,
            pages: Bool = true, rowIndices: Bool = true
        ) {
            self.rows = rows
            self.columns = columns
            self.textWidth = max(1, textWidth)
            self.labelWidth = max(0, labelWidth)
            self.captionRows = max(0, captionRows)
            self.pages = pages
            self.rowIndices = rowIndices
        }

        /// The row-index margin the grid takes when it is cut.
        var indexMargin: Int { rowIndices ? GridPanel.rowIndexMargin(rows) : 0 }
    }

    /// The grids, as given.
    public let grids: [Grid]
    /// The zoom chosen.
    public let zoom: StripZoom
    /// The most grid rows any grid shows (a grid with fewer rows shows all of them).
    public let visibleRows: Int
    /// How many rows of each grid are visible: all of them for a grid that stands whole in the
    /// height, else `visibleRows`.
    public let rowsShown: [Int]
    /// How many columns of each grid are visible.
    public let visibleColumns: [Int]
    /// Screen columns left of each grid for its row indices (0 when the grid shows everything).
    public let margins: [Int]
    /// Screen columns per cell of each grid, the separator included.
    public let cellWidths: [Int]
    /// Whether every grid shows all its rows and columns.
    public let fitsWhole: Bool
    /// The width of everything laid out, fixed items included.
    public let width: Int
    /// The rows the layout may fill: the height given, or with the slack when it took it.
    public let height: Int

    /// Lays out `grids` in `width` × `height` screen cells, with `fixedWidth` columns taken by
    /// other items of the strip. Sizes below 1 are treated as 1; an empty list gives an empty layout.
    /// `maxRowStep` caps the row step of every rung (see `StripZoom.largest`). `slack` rows below
    /// the height (the blank line a view keeps between the strip and what follows) are taken when
    /// no rung fits whole in `height` and the smallest does in `height + slack`: a grid is cut only
    /// when it truly cannot be shown whole (a cut grid's line of column indices takes that row too).
    /// `cutZoom` is the zoom of a strip that fits whole at no rung (the smallest by default; the
    /// 1-D stack keeps a row step of 2 for its connections when its height allows).
    public init(
        grids: [Grid], fixedWidth: Int = 0, width: Int, height: Int, slack: Int = 0, classroom: Bool,
        maxRowStep: Int = .max, cutZoom: StripZoom = .smallest
    ) {
        let width = max(1, width)
        var height = max(1, height)
        let fixedWidth = max(0, fixedWidth)
        self.grids = grids
        func total(_ zoom: StripZoom, _ visible: [Int], _ margins: [Int]) -> Int {
            grids.indices.reduce(fixedWidth) {
                $0 + Self.gridWidth(grids[$1], zoom: zoom, columns: visible[$1]) + margins[$1]
            }
        }
        let full = grids.map(\.columns.count)
        let none = grids.map { _ in 0 }
        let wholeHeight = { (zoom: StripZoom) in
            grids.map { zoom.gridHeight(rows: $0.rows.count) + $0.captionRows }.max() ?? 1
        }
        var zoom = StripZoom.largest(classroom: classroom, maxRowStep: maxRowStep) {
            total($0, full, none) <= width && wholeHeight($0) <= height
        }
        let smallest = StripZoom.smallest
        let fitsWholeAtZoom = total(zoom, full, none) <= width && wholeHeight(zoom) <= height
        if !fitsWholeAtZoom && slack > 0 && total(smallest, full, none) <= width
            && wholeHeight(smallest) <= height + slack
        {
            height += slack
            zoom = smallest
        } else if !fitsWholeAtZoom {
            zoom = cutZoom
        }
        self.zoom = zoom
        self.height = height
        self.cellWidths = grids.map { zoom.cellWidth(textWidth: $0.textWidth) }

        // Rows: all of them when they fit, else the most at which every grid, with its captions
        // and (when cut) a line for its column indices, stays inside the height. When the strip
        // is too wide, every grid that pages may lose columns, so it keeps that line too.
        let tallest = grids.map(\.rows.count).max() ?? 0
        let widthCut = total(zoom, full, none) > width
        func fits(_ shown: Int) -> Bool {
            grids.allSatisfy { grid in
                let cut = grid.rows.count > shown || (widthCut && grid.pages && grid.columns.count > 1)
                return zoom.gridHeight(rows: min(grid.rows.count, shown)) + grid.captionRows + (cut ? 1 : 0) <= height
            }
        }
        let rowsCut = wholeHeight(zoom) > height
        var visibleRows = max(1, tallest)
        if rowsCut || (widthCut && !fits(visibleRows)) {
            visibleRows = 1
            while visibleRows < min(tallest, height) && fits(visibleRows + 1) { visibleRows += 1 }
        }
        self.visibleRows = visibleRows
        // A grid short enough to stand whole in the height (with its captions, and its line of
        // column indices when the width may cut it) keeps every row while a taller one pages.
        let rowsShown = grids.map { grid in
            let indices = widthCut && grid.pages && grid.columns.count > 1 ? 1 : 0
            return zoom.gridHeight(rows: grid.rows.count) + grid.captionRows + indices <= height
                ? grid.rows.count : min(grid.rows.count, visibleRows)
        }
        self.rowsShown = rowsShown
        func margin(_ index: Int, _ columns: Int) -> Int {
            let grid = grids[index]
            let cut = columns < grid.columns.count || grid.rows.count > rowsShown[index]
            return cut ? grid.indexMargin : 0
        }

        var visible = full
        var margins = grids.indices.map { margin($0, full[$0]) }
        if total(zoom, visible, margins) > width {
            // Every grid that may page carries a margin while the width is shared.
            margins = grids.indices.map { grids[$0].pages ? grids[$0].indexMargin : margins[$0] }
            visible = Self.share(grids, zoom: zoom, full: full, margins: margins, fixedWidth: fixedWidth, width: width)
            margins = grids.indices.map { margin($0, visible[$0]) }
        }
        self.visibleColumns = visible
        self.margins = margins
        self.fitsWhole = visibleRows >= tallest && visible == full
        self.width = total(zoom, visible, margins)
    }

    /// The width of a grid showing `columns` columns at a zoom, without its margin.
    public static func gridWidth(_ grid: Grid, zoom: StripZoom, columns: Int) -> Int {
        max(columns * zoom.cellWidth(textWidth: grid.textWidth) - 1, grid.labelWidth)
    }

    /// The width of grid `index` as laid out, without its margin.
    public func gridWidth(_ index: Int) -> Int {
        Self.gridWidth(grids[index], zoom: zoom, columns: visibleColumns[index])
    }

    /// The screen height of grid `index` as laid out, title included, captions and indices not.
    public func gridHeight(_ index: Int) -> Int {
        zoom.gridHeight(rows: rowsShown[index])
    }

    /// The rows and columns of grid `index` on screen: windows of the visible size that follow
    /// the focus and page (`Viewport.follow`).
    public func shown(_ index: Int, focusRows: Range<Int>, focusColumns: Range<Int>)
        -> (rows: Range<Int>, columns: Range<Int>)
    {
        let grid = grids[index]
        return (
            Viewport.follow(total: grid.rows, visible: rowsShown[index], focus: focusRows),
            Viewport.follow(total: grid.columns, visible: visibleColumns[index], focus: focusColumns)
        )
    }

    /// Visible columns when the strip is too wide: grids that do not page, and grids that fit in
    /// an even share of the room, stay whole; the room left is shared by the others in proportion
    /// to their full widths; columns left over go to the last grids first, and grids lose columns
    /// (the widest first) until all fits.
    static func share(
        _ grids: [Grid], zoom: StripZoom, full: [Int], margins: [Int], fixedWidth: Int, width: Int
    ) -> [Int] {
        let cells = grids.map { zoom.cellWidth(textWidth: $0.textWidth) }
        var paging = grids.indices.filter { grids[$0].pages && full[$0] > 0 }
        func keptWidth() -> Int {
            grids.indices.filter { !paging.contains($0) }
                .reduce(0) { $0 + gridWidth(grids[$1], zoom: zoom, columns: full[$1]) + margins[$1] }
        }
        // Grids that fit in an even share of the room stay whole (a 3×3 kernel is never cut
        // to make room for a large input); the others share what is left.
        var room = width - fixedWidth - keptWidth()
        while let small = paging.first(where: {
            gridWidth(grids[$0], zoom: zoom, columns: full[$0]) + margins[$0] <= room / max(1, paging.count)
        }) {
            paging.removeAll { $0 == small }
            room = width - fixedWidth - keptWidth()
        }
        room -= paging.reduce(0) { $0 + margins[$1] }
        let wants = paging.map { full[$0] * cells[$0] }
        let wanted = max(1, wants.reduce(0, +))
        var visible = full
        for (slot, index) in paging.enumerated() {
            let share = max(0, room) * wants[slot] / wanted
            visible[index] = max(1, min(full[index], share / cells[index]))
        }
        func used() -> Int {
            grids.indices.reduce(fixedWidth + margins.reduce(0, +)) {
                $0 + gridWidth(grids[$1], zoom: zoom, columns: visible[$1])
            }
        }
        for index in paging.reversed() {
            while visible[index] < full[index] {
                visible[index] += 1
                if used() > width {
                    visible[index] -= 1
                    break
                }
            }
        }
        while used() > width {
            let narrowable = paging.filter {
                visible[$0] > 1 && visible[$0] * cells[$0] - 1 > grids[$0].labelWidth
            }
            guard let widest = narrowable.max(by: { visible[$0] * cells[$0] < visible[$1] * cells[$1] }) else { break }
            visible[widest] -= 1
        }
        return visible
    }
}
