import CNNSandbox

/// A few cells standing for a whole grid: where the viewport (the part on screen) and the window
/// (the kernel's footprint, or the current cell) lie in it. Each map cell covers a block of the
/// grid; it shows the window when its block meets the window, the viewport when its block meets
/// the viewport, and the rest of the grid otherwise.
public struct Minimap {
    /// The whole grid, the part on screen and the window, in the grid's coordinates.
    public var total: (rows: Range<Int>, columns: Range<Int>)
    public var shown: (rows: Range<Int>, columns: Range<Int>)
    public var window: (rows: Range<Int>, columns: Range<Int>)
    /// Map rows and columns: the grid's shape within the given bounds, a terminal cell being
    /// about twice as tall as wide.
    public let size: (rows: Int, columns: Int)

    /// Creates a map at most `maxRows` × `maxColumns` cells.
    public init(
        total: (rows: Range<Int>, columns: Range<Int>), shown: (rows: Range<Int>, columns: Range<Int>),
        window: (rows: Range<Int>, columns: Range<Int>), maxRows: Int, maxColumns: Int
    ) {
        self.total = total
        self.shown = shown
        self.window = window
        let columns = max(1, min(total.columns.count, maxColumns))
        let wanted =
            (total.rows.count * columns + 2 * max(1, total.columns.count) - 1) / (2 * max(1, total.columns.count))
        size = (max(1, min(total.rows.count, maxRows, wanted)), columns)
    }

    /// The grid positions a map cell covers along an axis.
    static func block(_ index: Int, of count: Int, over axis: Range<Int>) -> Range<Int> {
        let low = axis.lowerBound + index * axis.count / count
        let high = axis.lowerBound + (index + 1) * axis.count / count
        return low..<max(low + 1, high)
    }

    /// Draws the map with its top-left corner at (`top`, `left`).
    public func draw(into canvas: inout Canvas, top: Int, left: Int, palette: Palette, glyphs: Glyphs) {
        for mapRow in 0..<size.rows {
            let rows = Self.block(mapRow, of: size.rows, over: total.rows)
            let inWindowRows = rows.overlaps(window.rows)
            let inShownRows = rows.overlaps(shown.rows)
            for mapColumn in 0..<size.columns {
                let columns = Self.block(mapColumn, of: size.columns, over: total.columns)
                let cell: (String, CellStyle)
                if inWindowRows && columns.overlaps(window.columns) {
                    cell = (glyphs.pick(unicode: "█", ascii: "#"), palette.highlight)
                } else if inShownRows && columns.overlaps(shown.columns) {
                    cell = (glyphs.pick(unicode: "▒", ascii: "+"), .plain)
                } else {
                    cell = (glyphs.pick(unicode: "·", ascii: "."), palette.faint)
                }
                canvas.put(cell.0, row: top + mapRow, column: left + mapColumn, style: cell.1)
            }
        }
    }
}
