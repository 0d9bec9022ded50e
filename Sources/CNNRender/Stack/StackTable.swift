import CNNCore
import CNNSandbox

/// The stack view's summary table, like torchinfo's with receptive-field columns: per level
/// its layer, output shape (C×H×W), receptive field r, jump, start, effective padding,
/// parameters and multiplications — every number from the core's `LayerStack`.
struct StackTable {
    /// Column titles.
    static let header = ["", "layer", "output", "r", "jump", "start", "pad", "params", "mults"]
    /// Which columns are right-aligned.
    static let rightAligned: Set<Int> = [0, 3, 4, 5, 6, 7, 8]

    /// The rows: the input (level 0), one per layer, then the totals.
    let rows: [[String]]
    /// Column widths.
    let widths: [Int]
    /// The level each row shows (nil for table-only layers and the totals).
    let levels: [Int?]

    /// Builds the table of a valid stack, or (when the input size is refused) the
    /// receptive-field columns alone, which do not depend on the input size.
    /// `tableOnly` layers (relu, bn, …) get a row of their own after their level, with the shape unchanged.
    init(
        stack: LayerStack?, layers: [LayerSpec], fields: [ReceptiveFieldRow]?, inputShape: [Int], glyphs: Glyphs,
        tableOnly: [NetworkTableOnlyRow] = []
    ) {
        let x = glyphs.times
        let none = glyphs.rangeDash
        var rows: [[String]] = []
        // Level 0: the recurrences start at r₀ = 1, j₀ = 1, start₀ = 0, P₀ = 0.
        rows.append(["0", "input", inputShape.map(String.init).joined(separator: x), "1", "1", "0", "0", none, none])
        var levels: [Int?] = [0]
        var extraParameters: [Int] = []
        var extraMultiplications: [Int] = []
        func addTableOnly(after level: Int) {
            var shape =
                level == 0
                ? inputShape : stack.flatMap { level <= $0.costs.count ? $0.costs[level - 1].outputShape : nil }
            for extra in tableOnly where extra.afterLevel == level {
                let cost = shape.flatMap { extra.cost(input: $0) }
                shape = cost?.output.dimensions
                extraParameters.append(cost?.params ?? 0)
                extraMultiplications.append(cost?.mults ?? 0)
                rows.append([
                    "", extra.label, cost.map { $0.output.dimensions.map(String.init).joined(separator: x) } ?? none,
                    "", "", "", "", cost.map { "\($0.params)" } ?? none, cost.map { "\($0.mults)" } ?? none,
                ])
                levels.append(nil)
            }
        }
        addTableOnly(after: 0)
        for (index, layer) in layers.enumerated() {
            let field = fields.flatMap { index < $0.count ? $0[index] : nil }
            let cost = stack.flatMap { index < $0.costs.count ? $0.costs[index] : nil }
            rows.append([
                "\(index + 1)", layer.label,
                cost.map { $0.outputShape.map(String.init).joined(separator: x) } ?? none,
                field.map { "\($0.size)" } ?? none, field.map { "\($0.jump)" } ?? none,
                field.map { NumberText.format($0.start) } ?? none, field.map { "\($0.effectivePadding)" } ?? none,
                cost.map { "\($0.parameters)" } ?? none, cost.map { "\($0.multiplications)" } ?? none,
            ])
            levels.append(index + 1)
            addTableOnly(after: index + 1)
        }
        if let stack {
            rows.append([
                "", "total", "", "", "", "", "", StackTable.total(stack.costs.map(\.parameters) + extraParameters),
                StackTable.total(stack.costs.map(\.multiplications) + extraMultiplications),
            ])
        }
        self.rows = rows
        self.levels = levels + Array(repeating: nil, count: rows.count - levels.count)
        self.widths = StackTable.header.indices.map { column in
            ([StackTable.header[column]] + rows.map { $0[column] }).map { $0.unicodeScalars.count }.max() ?? 0
        }
    }

    /// The row showing `level` (table-only rows shift the levels down).
    func row(ofLevel level: Int) -> Int {
        levels.firstIndex(of: level) ?? level
    }

    /// A sum of counts, or `>` the largest integer when it overflows.
    static func total(_ counts: [Int]) -> String {
        var sum = 0
        for count in counts {
            let (next, overflow) = sum.addingReportingOverflow(count)
            if overflow { return ">\(Int.max)" }
            sum = next
        }
        return "\(sum)"
    }

    /// Columns dropped first when the table is wider than its room: start, effective padding,
    /// jump, then multiplications (the layer, its shape, r and the parameters stay).
    static let dropOrder = [5, 6, 4, 8]

    /// The screen width of the table showing `columns`.
    func width(columns: [Int]) -> Int {
        columns.reduce(0) { $0 + widths[$1] } + 2 * max(0, columns.count - 1)
    }

    /// Every column, less those of `dropOrder` that must go for the table to fit in `width`.
    func columns(fitting width: Int) -> [Int] {
        var columns = Array(StackTable.header.indices)
        for dropped in StackTable.dropOrder where self.width(columns: columns) > width {
            columns.removeAll { $0 == dropped }
        }
        return columns
    }

    /// The name a drawn row is recorded under (`CanvasLayout.recordRow`): `level N` for a
    /// level's row, `total` for the totals, else `layer NAME` (a table-only layer).
    func recordName(ofRow index: Int) -> String {
        if index == rows.count - 1 && hasTotal { return "total" }
        if let level = levels[index] { return "level \(level)" }
        return "layer \(rows[index][1])"
    }

    /// Whether the last row is the totals row.
    var hasTotal: Bool { rows.last?[1] == "total" }

    /// The rows to show in `count` lines (indices into `rows`): all of them when they fit; else a
    /// page of whole rows that keeps `focus` on screen (`Viewport.follow`, so it turns as a pager
    /// does), with the totals row always kept as the last.
    func shownRows(count: Int, focus: Int) -> [Int] {
        guard rows.count > count else { return Array(rows.indices) }
        let body = hasTotal ? rows.count - 1 : rows.count
        let room = max(1, hasTotal ? count - 1 : count)
        let page = Viewport.follow(total: 0..<body, visible: room, focus: focus..<(focus + 1))
        return Array(page) + (hasTotal ? [rows.count - 1] : [])
    }

    /// One line of cells, aligned, in `columns` (all by default).
    func line(_ cells: [String], columns: [Int]? = nil) -> String {
        (columns ?? Array(cells.indices)).map { column in
            let text = cells[column]
            let pad = String(repeating: " ", count: max(0, widths[column] - text.unicodeScalars.count))
            return StackTable.rightAligned.contains(column) ? pad + text : text + pad
        }.joined(separator: "  ")
    }

    /// Draws the header and the rows `shown` (indices into `rows`) in `columns`, the chosen level
    /// in bold. Returns the number of lines drawn.
    @discardableResult
    func draw(
        into canvas: inout Canvas, top: Int, left: Int, shown: [Int], columns: [Int]? = nil, chosenLevel: Int?,
        palette: Palette
    ) -> Int {
        canvas.put(line(StackTable.header, columns: columns), row: top, column: left, style: palette.title)
        var y = top + 1
        for index in shown {
            let style =
                chosenLevel != nil && levels[index] == chosenLevel
                ? CellStyle(bold: true) : (index == rows.count - 1 && hasTotal ? palette.dim : .plain)
            canvas.put(line(rows[index], columns: columns), row: y, column: left, style: style)
            if y >= 0 && y < canvas.height { canvas.layout.recordRow(recordName(ofRow: index)) }
            y += 1
        }
        return y - top
    }
}
