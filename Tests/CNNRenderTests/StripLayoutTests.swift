import CNNRender
import Testing

@Suite("StripLayout: one zoom ladder, width sharing and row paging for every view")
struct StripLayoutTests {
    typealias Grid = StripLayout.Grid

    /// A seed-sized strip: input 5×5, kernel 3×3 (never pages), output 3×3.
    static let seed = [
        Grid(rows: 0..<5, columns: 0..<5, textWidth: 2, labelWidth: 9),
        Grid(rows: 0..<3, columns: 0..<3, textWidth: 2, labelWidth: 10, captionRows: 1, pages: false),
        Grid(rows: 0..<3, columns: 0..<3, textWidth: 2, labelWidth: 10),
    ]

    @Test("a small strip fits whole, at the largest rung that fits; a larger rectangle gives larger cells")
    func fitsWhole() throws {
        let small = StripLayout(grids: Self.seed, fixedWidth: 10, width: 78, height: 14, classroom: false)
        #expect(small.fitsWhole)
        #expect(small.visibleColumns == [5, 3, 3])
        #expect(small.margins == [0, 0, 0])
        #expect(small.width <= 78)
        let large = StripLayout(grids: Self.seed, fixedWidth: 10, width: 198, height: 40, classroom: false)
        #expect(large.fitsWhole)
        #expect(large.zoom.extra > small.zoom.extra)
        #expect(large.zoom.extra <= StripZoom.largestNormalExtra)
        // The next rung up would not have fitted the small rectangle.
        let rungs = StripZoom.ladder(classroom: false)
        let index = try #require(rungs.firstIndex(of: small.zoom))
        if index > 0 {
            let bigger = rungs[index - 1]
            let width = Self.seed.reduce(10) { $0 + StripLayout.gridWidth($1, zoom: bigger, columns: $1.columns.count) }
            let height = Self.seed.map { bigger.gridHeight(rows: $0.rows.count) + $0.captionRows }.max() ?? 0
            #expect(width > 78 || height > 14)
        }
    }

    @Test("classroom mode may go larger than normal mode, never smaller")
    func classroomLarger() {
        let normal = StripLayout(grids: Self.seed, fixedWidth: 10, width: 198, height: 56, classroom: false)
        let classroom = StripLayout(grids: Self.seed, fixedWidth: 10, width: 198, height: 56, classroom: true)
        #expect(classroom.zoom.extra > StripZoom.largestNormalExtra)
        #expect(classroom.zoom.extra > normal.zoom.extra)
        #expect(classroom.width <= 198)
        for (width, height) in [(80, 22), (120, 38), (160, 43)] {
            let normal = StripLayout(grids: Self.seed, fixedWidth: 10, width: width, height: height, classroom: false)
            let classroom = StripLayout(grids: Self.seed, fixedWidth: 10, width: width, height: height, classroom: true)
            #expect(classroom.zoom.extra >= normal.zoom.extra)
        }
    }

    @Test("too wide: the width is shared in proportion to what each grid wants, and the kernel stays whole")
    func widthSharedProportionally() {
        let grids = [
            Grid(rows: 0..<8, columns: 0..<96, textWidth: 3),
            Grid(rows: 0..<3, columns: 0..<3, textWidth: 3, pages: false),
            Grid(rows: 0..<8, columns: 0..<32, textWidth: 3),
        ]
        let layout = StripLayout(grids: grids, fixedWidth: 10, width: 118, height: 30, classroom: false)
        #expect(!layout.fitsWhole)
        #expect(layout.zoom == .smallest)
        #expect(layout.visibleColumns[1] == 3)
        let ratio = Double(layout.visibleColumns[0]) / Double(layout.visibleColumns[2])
        #expect(abs(ratio - 3) < 0.5, "96:32 columns share as about 3:1, got \(layout.visibleColumns)")
        #expect(layout.width <= 118)
        // Cut grids carry row index margins; the whole kernel does not.
        #expect(layout.margins[0] > 0 && layout.margins[2] > 0 && layout.margins[1] == 0)
        // Nothing is wasted: one more column anywhere would not fit.
        #expect(layout.width + min(layout.cellWidths[0], layout.cellWidths[2]) > 118)
    }

    @Test("a small grid that may page stays whole while large ones share the width")
    func smallGridsStayWhole() {
        let grids = [
            Grid(rows: 0..<30, columns: 0..<30, textWidth: 2, labelWidth: 12),
            Grid(rows: 0..<3, columns: 0..<3, textWidth: 2, labelWidth: 10),
            Grid(rows: 0..<61, columns: 0..<61, textWidth: 3, labelWidth: 20),
        ]
        let layout = StripLayout(grids: grids, fixedWidth: 10, width: 98, height: 22, classroom: false)
        #expect(layout.visibleColumns[1] == 3)
        #expect(layout.margins[1] == 0)
        #expect(layout.visibleColumns[0] < 30 && layout.visibleColumns[2] < 61)
        #expect(layout.visibleColumns[2] > layout.visibleColumns[0], "the wider grid gets more of the room")
        #expect(layout.width <= 98)
    }

    @Test("too tall: rows are cut, leaving a line for the column indices, and the grids carry margins")
    func rowsPaged() {
        let grids = [
            Grid(rows: -1..<65, columns: 0..<4, textWidth: 2), Grid(rows: 0..<3, columns: 0..<3, textWidth: 2),
        ]
        let layout = StripLayout(grids: grids, width: 80, height: 20, classroom: false)
        #expect(!layout.fitsWhole)
        #expect(layout.visibleRows < 66)
        #expect(layout.gridHeight(0) + 1 <= 20)
        #expect(layout.margins[0] == GridPanel.rowIndexMargin(-1..<65))
        #expect(layout.margins[1] == 0)
        let shown = layout.shown(0, focusRows: 40..<43, focusColumns: 0..<1)
        #expect(shown.rows.count == layout.visibleRows && shown.rows.contains(40) && shown.rows.contains(42))
        #expect(shown.columns == 0..<4)
    }

    @Test("never wider or taller than its rectangle, for a spread of grids and sizes")
    func neverOverflows() {
        var faults: [String] = []
        for width in [24, 40, 80, 120, 200] {
            for height in [3, 6, 12, 22, 58] {
                for size in [1, 3, 7, 28, 64, 4096] {
                    for classroom in [false, true] {
                        let grids = [
                            Grid(rows: -2..<(size + 2), columns: -2..<(size + 2), textWidth: 3, labelWidth: 12),
                            Grid(
                                rows: 0..<3, columns: 0..<3, textWidth: 2, labelWidth: 10, captionRows: 2, pages: false),
                            Grid(rows: 0..<size, columns: 0..<size, textWidth: 4, labelWidth: 12),
                        ]
                        let layout = StripLayout(
                            grids: grids, fixedWidth: 10, width: width, height: height, classroom: classroom)
                        let tallest =
                            grids.indices.map { index in
                                let cut =
                                    layout.rowsShown[index] < grids[index].rows.count
                                    || layout.visibleColumns[index] < grids[index].columns.count
                                return layout.gridHeight(index) + grids[index].captionRows + (cut ? 1 : 0)
                            }
                            .max() ?? 0
                        let label = "\(size) in \(width)×\(height)\(classroom ? " classroom" : "")"
                        // Below 80 columns the labels and fixed items alone are wider than the rectangle.
                        if width >= 80 && layout.width > width { faults.append("\(label): width \(layout.width)") }
                        if height >= 6 && tallest > height {
                            faults.append("\(label): height \(tallest)")
                        }
                        if layout.visibleColumns.contains(where: { $0 < 1 }) { faults.append("\(label): no column") }
                    }
                }
            }
        }
        #expect(faults.isEmpty, "\(faults.prefix(5))")
    }

    @Test("degenerate sizes: a 1×1 rectangle and empty grids give a layout without crashing")
    func degenerate() {
        let tiny = StripLayout(grids: Self.seed, fixedWidth: 10, width: 1, height: 1, classroom: true)
        #expect(tiny.zoom == .smallest)
        #expect(tiny.visibleRows == 1)
        #expect(tiny.visibleColumns.allSatisfy { $0 >= 1 })
        let none = StripLayout(grids: [], width: 80, height: 24, classroom: false)
        #expect(none.visibleColumns.isEmpty && none.fitsWhole && none.width == 0)
        let empty = StripLayout(
            grids: [Grid(rows: 0..<0, columns: 0..<0, textWidth: 0), Grid(rows: 0..<2, columns: 0..<2, textWidth: 1)],
            width: 0, height: -3, classroom: false)
        #expect(empty.visibleColumns[0] == 0)
        #expect(empty.margins[0] == 0)
        let shown = empty.shown(0, focusRows: 0..<0, focusColumns: 0..<0)
        #expect(shown.rows.isEmpty && shown.columns.isEmpty)
    }

    @Test("the ladder runs largest first to the smallest zoom; normal mode stops at largestNormalExtra")
    func ladder() {
        let ladder = StripZoom.ladder
        #expect(ladder.last == .smallest)
        #expect(zip(ladder, ladder.dropFirst()).allSatisfy { $0.extra >= $1.extra && $0.rowStep >= $1.rowStep })
        #expect(StripZoom.ladder(classroom: false).allSatisfy { $0.extra <= StripZoom.largestNormalExtra })
        #expect(StripZoom.ladder(classroom: true) == ladder)
        #expect(StripZoom.largest(classroom: false) { _ in false } == .smallest)
        #expect(StripZoom.largest(classroom: true) { _ in true } == ladder[0])
    }
}
