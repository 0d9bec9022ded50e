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

    /// What `draw` laid out: the hit regions of clickable cells, the first row below everything
    /// drawn, and the refusal boxes left for the host to draw (`ViewBody.refusals`).
    public struct Drawn {
        public var hits: [HitRegion]
        public var bottom: Int
        public var refusals: [RefusalBox]
    }

    /// Draws the panels from `top` within `height` rows and `width` columns, laid out by
    /// `StripLayout`; a panel with a message is reserved for a refusal box, which the host draws.
    /// `slack` rows below the height may be taken when that keeps every grid whole (see
    /// `StripLayout`): pass 1 when a blank line separates the strip from what is drawn below it.
    @discardableResult
    public static func draw(
        _ panels: [Panel], top: Int, left start: Int = 1, height: Int, slack: Int = 0, width: Int,
        into canvas: inout Canvas, palette: Palette, options: RenderOptions
    ) -> Drawn {
        let glyphs = options.glyphs
        let available = max(8, width - start - 1)
        let messageWidth = min(46, max(24, available / 3))
        let captionRows = panels.map(\.captions.count).max() ?? 0
        let gridIndices = panels.indices.filter { panels[$0].message == nil }
        let messages = panels.count - gridIndices.count
        let layout = StripLayout(
            grids: gridIndices.map {
                StripLayout.Grid(
                    rows: panels[$0].rows, columns: panels[$0].columns, textWidth: panels[$0].textWidth,
                    labelWidth: panels[$0].labelWidth, captionRows: captionRows)
            },
            fixedWidth: messages * messageWidth + gap * max(0, panels.count - 1), width: available, height: height,
            slack: slack, classroom: options.classroom)
        // Panel index → its grid in the layout.
        let slot = Dictionary(uniqueKeysWithValues: gridIndices.enumerated().map { ($1, $0) })
        let rowStep = layout.zoom.rowStep

        var hits: [HitRegion] = []
        var refusals: [RefusalBox] = []
        var bottom = top
        var left = start
        var joinerRows: [Int] = []
        // Where each grid went, for the minimap: its left edge, width, first free row, and what it shows.
        var placed: [(panel: Int, left: Int, width: Int, free: Int, rows: Range<Int>, columns: Range<Int>)] = []
        for (index, panel) in panels.enumerated() {
            guard let grid = slot[index] else {
                let boxWidth = min(messageWidth, max(20, width - left - 1))
                let box = RefusalBox(
                    panel.message ?? "", title: panel.title, top: top, left: left, width: boxWidth,
                    maxHeight: max(4, height))
                refusals.append(box)
                bottom = max(bottom, top + box.height(glyphs: glyphs))
                joinerRows.append(top + 1)
                left += boxWidth + gap
                continue
            }
            let (shownRows, shownColumns) = layout.shown(
                grid, focusRows: panel.focusRows, focusColumns: panel.focusColumns)
            let gridPanel = GridPanel(
                title: panel.title, rows: shownRows, columns: shownColumns, cellWidth: layout.cellWidths[grid],
                rowStep: rowStep)
            left += layout.margins[grid]
            hits += gridPanel.draw(
                into: &canvas, top: top, left: left, titleStyle: palette.title, options: options,
                content: panel.content,
                target: panel.target)
            var captionRow = top + gridPanel.height
            if shownRows != panel.rows || shownColumns != panel.columns {
                gridPanel.drawIndices(
                    into: &canvas, top: top, left: left, style: palette.dim, glyphs: glyphs,
                    total: (panel.rows, panel.columns))
                captionRow += 1
            }
            for caption in panel.captions {
                canvas.put(glyphs.adapt(caption), row: captionRow, column: left, style: palette.dim)
                captionRow += 1
            }
            bottom = max(bottom, captionRow)
            placed.append((index, left, max(gridPanel.width, panel.labelWidth), captionRow, shownRows, shownColumns))
            joinerRows.append(top + 1 + (shownRows.count - 1) * rowStep / 2 + (rowStep - 1) / 2)
            left += max(gridPanel.width, panel.labelWidth) + gap
        }
        drawMinimap(placed, of: panels, bottom: bottom, into: &canvas, palette: palette, glyphs: glyphs)
        // Joiners between neighbours, level with the middle of the shorter one.
        var x = start
        for (index, panel) in panels.enumerated() {
            let shown = slot[index].map { layout.gridWidth($0) + layout.margins[$0] } ?? messageWidth
            x += shown
            if let joiner = panel.joiner, index + 1 < panels.count {
                let row = min(joinerRows[index], joinerRows[index + 1])
                BigOperator.draw(
                    glyphs.adapt(joiner), row: row, column: x + (gap - glyphs.adapt(joiner).unicodeScalars.count) / 2,
                    large: BigOperator.wanted(options: options, rowStep: rowStep), style: CellStyle(bold: true),
                    glyphs: glyphs, into: &canvas)
            }
            x += gap
        }
        return Drawn(hits: hits, bottom: bottom, refusals: refusals)
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
