/// A frame's layout record, kept by its canvas: where text was written over other text, and
/// which refusal boxes were drawn. Layout checks (`LayoutCheck`) read it; drawing never stops.
public struct CanvasLayout: Sendable {
    /// One overlap: the character that was there and the one written over it.
    public struct Overlap: Sendable, Equatable {
        public let row: Int
        public let column: Int
        public let old: Unicode.Scalar
        public let new: Unicode.Scalar
    }

    /// At most this many overlaps are kept (the count goes on).
    public static let keptOverlaps = 16

    /// The first overlaps of the frame.
    public private(set) var overlaps: [Overlap] = []
    /// How many cells were overwritten in all.
    public private(set) var overlapCount = 0
    /// Titles of refusal boxes drawn (`cannot compute`, `does not fit`), at most `keptOverlaps`.
    public private(set) var refusals: [String] = []
    /// The grids drawn (`GridPanel`), in drawing order, at most `keptGrids`: what a frame shows,
    /// for checks that the cells a narration names are on screen (`LayoutCheck`).
    public private(set) var grids: [ShownGrid] = []

    /// At most this many grids are kept.
    public static let keptGrids = 64

    /// The named rows drawn outside grids (`StackTable` rows by level or `total`, the matrix
    /// view's output rows `y0`…), in drawing order, at most `keptGrids`: what a frame shows, for
    /// checks that the row a beat is about is on screen (`LayoutCheck`).
    public private(set) var namedRows: [String] = []

    /// How many times text was written on a row outside the canvas (above or below it): a
    /// layout that ran out of its rectangle. Text cut at the left or right edge is not counted.
    public private(set) var rowsClipped = 0
    /// The first row outside the canvas that text was written on.
    public private(set) var firstClippedRow: Int?

    /// One grid that shows only part of itself (drawn with its indices, `GridPanel.drawIndices`):
    /// where it is and how much of it is missing, so a layout check can tell whether the screen
    /// had room for the rest.
    public struct PagedGrid: Sendable, Equatable {
        /// The row of the grid's title.
        public let top: Int
        /// Rows and columns shown, and how many the grid has.
        public let shownRows: Int
        public let totalRows: Int
        public let shownColumns: Int
        public let totalColumns: Int
        /// Screen columns per cell and screen rows per grid row.
        public let cellWidth: Int
        public let rowStep: Int
        /// The row-index margin left of the grid (freed when it shows everything).
        public let margin: Int
    }

    /// The grids drawn as pages of themselves, at most `keptOverlaps`.
    public private(set) var pagedGrids: [PagedGrid] = []

    /// Records a grid drawn as a page of itself.
    mutating func recordPaged(_ grid: PagedGrid) {
        if pagedGrids.count < CanvasLayout.keptOverlaps { pagedGrids.append(grid) }
    }

    /// Creates an empty record.
    public init() {}

    /// Records text written on a row outside the canvas.
    mutating func recordClipped(row: Int) {
        rowsClipped += 1
        if firstClippedRow == nil { firstClippedRow = row }
    }

    /// Records text written over different text.
    mutating func recordOverlap(row: Int, column: Int, old: Unicode.Scalar, new: Unicode.Scalar) {
        overlapCount += 1
        if overlaps.count < CanvasLayout.keptOverlaps {
            overlaps.append(Overlap(row: row, column: column, old: old, new: new))
        }
    }

    /// Records a refusal box.
    public mutating func recordRefusal(_ title: String) {
        if refusals.count < CanvasLayout.keptOverlaps { refusals.append(title) }
    }

    /// Records a grid drawn with its title, the rows and columns of its cells on screen and, when
    /// known, its cell size (screen columns per cell, screen rows per grid row; 0 when unknown).
    public mutating func recordGrid(
        title: String, rows: Range<Int>, columns: Range<Int>, cellWidth: Int = 0, rowStep: Int = 0
    ) {
        if grids.count < CanvasLayout.keptGrids {
            grids.append(
                ShownGrid(title: title, rows: rows, columns: columns, cellWidth: cellWidth, rowStep: rowStep))
        }
    }

    /// Records a named row drawn outside grids (a table row, a matrix row).
    public mutating func recordRow(_ name: String) {
        if namedRows.count < CanvasLayout.keptGrids { namedRows.append(name) }
    }

    /// Adds another canvas's record, its positions moved by an offset.
    mutating func merge(_ other: CanvasLayout, rows: Int, columns: Int) {
        for overlap in other.overlaps {
            recordOverlap(row: overlap.row + rows, column: overlap.column + columns, old: overlap.old, new: overlap.new)
        }
        overlapCount += other.overlapCount - other.overlaps.count
        for refusal in other.refusals { recordRefusal(refusal) }
        for grid in other.grids {
            recordGrid(
                title: grid.title, rows: grid.rows, columns: grid.columns, cellWidth: grid.cellWidth,
                rowStep: grid.rowStep)
        }
        for name in other.namedRows { recordRow(name) }
        for grid in other.pagedGrids {
            recordPaged(
                PagedGrid(
                    top: grid.top + rows, shownRows: grid.shownRows, totalRows: grid.totalRows,
                    shownColumns: grid.shownColumns, totalColumns: grid.totalColumns, cellWidth: grid.cellWidth,
                    rowStep: grid.rowStep, margin: grid.margin))
        }
    }
}

/// A grid a frame drew: its title (`output 4×4`, `dL/dX 5×5`) and the cells on screen, by their
/// indices in the whole grid (a paged grid shows a part of it; padding rows count from −p).
public struct ShownGrid: Sendable, Equatable {
    /// The title line, as drawn.
    public let title: String
    /// The rows on screen.
    public let rows: Range<Int>
    /// The columns on screen.
    public let columns: Range<Int>
    /// Screen columns per cell (with its separator) and screen rows per grid row; 0 when the
    /// drawing did not say.
    public var cellWidth = 0
    public var rowStep = 0

    /// Whether the cell is on screen.
    public func shows(row: Int, column: Int) -> Bool { rows.contains(row) && columns.contains(column) }
}
