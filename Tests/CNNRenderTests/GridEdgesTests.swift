import CNNRender
import Testing

@Suite("Grid edges: indices and the minimap")
struct GridEdgesTests {
    static let palette = Palette(options: RenderOptions(color: false))

    @Test("row indices sit left of a rule; column indices under their values, thinned when wider than a cell")
    func indices() {
        var canvas = Canvas(width: 30, height: 6)
        let grid = GridPanel(title: "t", rows: 98..<101, columns: 97..<103, cellWidth: 3)
        let left = 1 + GridPanel.rowIndexMargin(grid.rows)
        #expect(left == 5)
        grid.draw(into: &canvas, top: 0, left: left, titleStyle: .plain) { r, c in ("\(r % 10)\(c % 10)", .plain) }
        grid.drawIndices(
            into: &canvas, top: 0, left: left, style: .plain, glyphs: .unicode, total: (0..<200, 0..<200))
        #expect(canvas.lines[1].hasPrefix("  98│87 88 89 80 81 82"))
        #expect(canvas.lines[3].hasPrefix(" 100│07 08 09 00 01 02"))
        // Three-digit labels are wider than a two-column cell: 100 would touch 99, 102 would touch 101.
        #expect(canvas.lines[4] == "     97 98 99   101")
    }

    @Test("negative (padding) indices use the glyph set's minus")
    func negative() {
        var canvas = Canvas(width: 20, height: 4)
        let grid = GridPanel(title: "", rows: -1..<1, columns: -1..<2, cellWidth: 4)
        grid.drawIndices(into: &canvas, top: 0, left: 4, style: .plain, glyphs: .ascii, total: (-1..<3, -1..<3))
        #expect(canvas.lines[1].hasPrefix(" -1|"))
        #expect(canvas.lines[3].hasPrefix("     -1   0   1"))
    }

    @Test("the minimap keeps the grid's shape and marks the part on screen and the window")
    func minimap() {
        let map = Minimap(
            total: (0..<64, 0..<64), shown: (0..<32, 32..<64), window: (10..<13, 40..<43), maxRows: 10,
            maxColumns: 8)
        // 8 columns for 64, and half as many rows (a cell is about twice as tall as wide).
        #expect(map.size.rows == 4 && map.size.columns == 8)
        var canvas = Canvas(width: 8, height: 4)
        map.draw(into: &canvas, top: 0, left: 0, palette: Self.palette, glyphs: .ascii)
        #expect(canvas.lines == ["....+#++", "....++++", "........", "........"])
        let small = Minimap(
            total: (0..<3, 0..<5), shown: (0..<3, 0..<5), window: (0..<0, 0..<0), maxRows: 1, maxColumns: 40)
        #expect(small.size.rows == 1 && small.size.columns == 5)
    }
}
