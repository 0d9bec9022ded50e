import CNNCore
import CNNSandbox

/// A strip of value grids side by side — `input ⋆ kernel = output` — laid out the way the
/// convolution view does it: the largest cells that fit (larger terminals get larger cells),
/// and a viewport that follows each grid's focus when a grid is too large. Only visible cells
/// are drawn. Shared by the transpose, matrix and backprop views.
public enum PanelStrip {
    /// One grid of the strip (or, with `message`, the core's refusal drawn in its place).
    public struct Panel {
        public var title: String
        /// Logical rows and columns (may start below 0 for padding).
        public var rows: Range<Int>
        public var columns: Range<Int>
        /// The widest value text, in columns.
        public var textWidth: Int
        /// The region the viewport keeps visible.
        public var focusRows: Range<Int>
        public var focusColumns: Range<Int>
        /// Dim lines under the grid (preset name, notes).
        public var captions: [String]
        /// Text and style of a cell.
        public var content: (Int, Int) -> (text: String, style: CellStyle)
        /// What a click on a cell selects.
        public var target: ((Int, Int) -> HitTarget?)?
        /// Drawn between this panel and the next (`⋆`, `=`, `→`).
        public var joiner: String?
        /// When set, a boxed message replaces the grid.
        public var message: String?

        /// Creates a grid panel.
        public init(
            title: String, rows: Range<Int>, columns: Range<Int>, textWidth: Int, focusRows: Range<Int> = 0..<0,
            focusColumns: Range<Int> = 0..<0, captions: [String] = [], joiner: String? = nil,
            content: @escaping (Int, Int) -> (text: String, style: CellStyle),
            target: ((Int, Int) -> HitTarget?)? = nil
        ) {
            self.title = title
            self.rows = rows
            self.columns = columns
            self.textWidth = max(1, textWidth)
            self.focusRows = focusRows
            self.focusColumns = focusColumns
            self.captions = captions
            self.joiner = joiner
            self.content = content
            self.target = target
        }

        /// The widest of the title and the captions.
        var labelWidth: Int {
            ([title] + captions).map(\.unicodeScalars.count).max() ?? 0
        }

        /// A refusal box in place of a grid.
        public static func refusal(_ message: String, title: String = "cannot compute") -> Panel {
            var panel = Panel(title: title, rows: 0..<0, columns: 0..<0, textWidth: 1) { _, _ in ("", .plain) }
            panel.message = message
            return panel
        }
    }

    /// The gap between panels, with the joiner in its middle.
    static let gap = 5

    /// Draws the panels from `top` within `height` rows and `width` columns.
    /// Returns the hit regions of clickable cells and the first row below everything drawn.
    @discardableResult
    public static func draw(
        _ panels: [Panel], top: Int, left start: Int = 1, height: Int, width: Int, into canvas: inout Canvas,
        palette: Palette, options: RenderOptions
    ) -> (hits: [HitRegion], bottom: Int) {
        let glyphs = options.glyphs
        let available = max(8, width - start - 1)
        let messageWidth = min(46, max(24, available / 3))
        let captionRows = panels.map(\.captions.count).max() ?? 0
        // Rows on screen per grid; unbounded while choosing the zoom, which only accepts what fits.
        var rowsShown = Int.max
        // A grid that does not show everything carries row indices in a margin on its left.
        func margin(_ panel: Panel, _ columns: Int) -> Int {
            columns < panel.columns.count || panel.rows.count > rowsShown ? GridPanel.rowIndexMargin(panel.rows) : 0
        }
        func gridWidth(_ panel: Panel, _ extra: Int, _ columns: Int) -> Int {
            panel.message != nil
                ? messageWidth
                : max(columns * (panel.textWidth + 1 + extra) - 1, panel.labelWidth) + margin(panel, columns)
        }
        func totalWidth(_ extra: Int, _ visible: [Int]) -> Int {
            zip(panels, visible).reduce(0) { $0 + gridWidth($1.0, extra, $1.1) } + gap * max(0, panels.count - 1)
        }
        let tallest = panels.filter { $0.message == nil }.map(\.rows.count).max() ?? 1
        let fullColumns = panels.map(\.columns.count)
        // Zoom: the widest cells and tallest rows that fit.
        let zooms = [(8, 5), (7, 4), (6, 4), (5, 3), (4, 3), (3, 3), (3, 2), (2, 2), (1, 2)].filter {
            options.classroom || $0.0 <= 6
        }
        var extra = 0
        var rowStep = 1
        for (candidate, step) in zooms
        where totalWidth(candidate, fullColumns) <= available && 1 + tallest * step - 1 + captionRows <= height {
            extra = candidate
            rowStep = step
            break
        }
        let visibleRows = max(1, (height - 1 - captionRows + rowStep - 1) / rowStep)
        rowsShown = visibleRows
        // Viewports: shrink the widest grids until the strip fits.
        var visible = fullColumns
        while totalWidth(extra, visible) > available {
            // Only grids wider than their labels get narrower by losing a column.
            let widest = visible.indices.filter {
                panels[$0].message == nil && visible[$0] > 1
                    && visible[$0] * (panels[$0].textWidth + 1 + extra) - 1 > panels[$0].labelWidth
            }
            .max { visible[$0] * (panels[$0].textWidth + 1) < visible[$1] * (panels[$1].textWidth + 1) }
            guard let widest else { break }
            visible[widest] -= 1
        }

        var hits: [HitRegion] = []
        var bottom = top
        var left = start
        var joinerRows: [Int] = []
        // Where each grid went, for the minimap: its left edge, width, first free row, and what it shows.
        var placed: [(panel: Int, left: Int, width: Int, free: Int, rows: Range<Int>, columns: Range<Int>)] = []
        for (index, panel) in panels.enumerated() {
            if let message = panel.message {
                let boxWidth = min(messageWidth, max(20, width - left - 1))
                let used = drawRefusal(
                    message, title: panel.title, top: top, left: left, width: boxWidth, maxHeight: max(4, height),
                    into: &canvas, palette: palette, glyphs: glyphs)
                bottom = max(bottom, top + used)
                joinerRows.append(top + 1)
                left += boxWidth + gap
                continue
            }
            let shownRows = Viewport.follow(total: panel.rows, visible: visibleRows, focus: panel.focusRows)
            let shownColumns = Viewport.follow(total: panel.columns, visible: visible[index], focus: panel.focusColumns)
            let grid = GridPanel(
                title: panel.title, rows: shownRows, columns: shownColumns, cellWidth: panel.textWidth + 1 + extra,
                rowStep: rowStep)
            left += margin(panel, visible[index])
            hits += grid.draw(
                into: &canvas, top: top, left: left, titleStyle: palette.title, options: options,
                content: panel.content,
                target: panel.target)
            var captionRow = top + grid.height
            if shownRows != panel.rows || shownColumns != panel.columns {
                grid.drawIndices(into: &canvas, top: top, left: left, style: palette.dim, glyphs: glyphs)
                captionRow += 1
            }
            for caption in panel.captions {
                canvas.put(glyphs.adapt(caption), row: captionRow, column: left, style: palette.dim)
                captionRow += 1
            }
            bottom = max(bottom, captionRow)
            placed.append((index, left, max(grid.width, panel.labelWidth), captionRow, shownRows, shownColumns))
            joinerRows.append(top + 1 + (shownRows.count - 1) * rowStep / 2 + (rowStep - 1) / 2)
            left += max(grid.width, panel.labelWidth) + gap
        }
        drawMinimap(placed, of: panels, bottom: bottom, into: &canvas, palette: palette, glyphs: glyphs)
        // Joiners between neighbours, level with the middle of the shorter one.
        var x = start
        for (index, panel) in panels.enumerated() {
            let shown = panel.message != nil ? messageWidth : gridWidth(panel, extra, visible[index])
            x += shown
            if let joiner = panel.joiner, index + 1 < panels.count {
                let row = min(joinerRows[index], joinerRows[index + 1])
                canvas.put(
                    glyphs.adapt(joiner), row: row, column: x + (gap - glyphs.adapt(joiner).unicodeScalars.count) / 2,
                    style: CellStyle(bold: true))
            }
            x += gap
        }
        return (hits, bottom)
    }

    /// When a grid does not show everything, a minimap of the first such grid goes under the first
    /// grid that shows all of itself, if it fits there above `bottom` (so nothing below moves).
    static func drawMinimap(
        _ placed: [(panel: Int, left: Int, width: Int, free: Int, rows: Range<Int>, columns: Range<Int>)],
        of panels: [Panel], bottom: Int, into canvas: inout Canvas, palette: Palette, glyphs: Glyphs
    ) {
        let isCut = { (grid: (panel: Int, left: Int, width: Int, free: Int, rows: Range<Int>, columns: Range<Int>)) in
            grid.rows != panels[grid.panel].rows || grid.columns != panels[grid.panel].columns
        }
        guard let cut = placed.first(where: isCut),
            let host = placed.first(where: { !isCut($0) && bottom - $0.free - 1 >= 2 && $0.width >= 4 })
        else { return }
        let panel = panels[cut.panel]
        let map = Minimap(
            total: (panel.rows, panel.columns), shown: (cut.rows, cut.columns),
            window: (panel.focusRows, panel.focusColumns), maxRows: bottom - host.free - 1, maxColumns: host.width)
        map.draw(into: &canvas, top: host.free + 1, left: host.left, palette: palette, glyphs: glyphs)
    }

    /// Draws the core's refusal in a box; returns the rows used.
    @discardableResult
    public static func drawRefusal(
        _ message: String, title: String = "cannot compute", top: Int, left: Int, width: Int, maxHeight: Int,
        into canvas: inout Canvas, palette: Palette, glyphs: Glyphs
    ) -> Int {
        let lines = TextWrap.lines(glyphs.adapt(message), width: max(8, width - 4))
        let boxHeight = min(maxHeight, lines.count + 3)
        canvas.layout.recordRefusal(title)
        canvas.fill(row: top, column: left, width: width, height: boxHeight, with: Cell(" "))
        Box.draw(
            into: &canvas, top: top, left: left, width: width, height: boxHeight, glyphs: glyphs, style: palette.error)
        canvas.put(" \(title) ", row: top, column: left + 2, style: palette.error)
        for (index, line) in lines.prefix(max(0, boxHeight - 3)).enumerated() {
            canvas.put(line, row: top + 2 + index, column: left + 2)
        }
        return boxHeight
    }

    /// Style of a grid value: highlighted, or on the diverging scale.
    public static func valueStyle(_ value: Double, scale: Double, lit: Bool, palette: Palette) -> CellStyle {
        lit ? palette.highlight : palette.value(value, scale: scale)
    }
}

extension PanelStrip {
    /// A term of a written-out sum: `a×b` with negative factors in parentheses.
    static func product(_ a: Double, _ b: Double, glyphs: Glyphs) -> String {
        "\(NumberText.factor(a))\(glyphs.times)\(NumberText.factor(b))"
    }
}
