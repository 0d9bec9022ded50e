import CNNCore
import CNNSandbox

/// Draws a stack of 1-D layers as rows of cells, the signal at the bottom and the last layer
/// on top (the WaveNet / TCN figure): each cell sits above the newest signal position it can
/// see, the cells one chosen output depends on are lit level by level, their connections are
/// drawn between the rows, and each row names its layer and receptive field.
public enum OneDStackView {
    /// The chosen output's dot product and how much of the signal it sees.
    static func explanation(_ model: OneDModel, width: Int, maxLines: Int, palette: Palette, glyphs: Glyphs)
        -> [[Segment]]
    {
        guard let stack = model.stackComputation, let dependencies = model.currentDependencies else { return [] }
        let position = model.player.step
        let trace = stack.trace(level: stack.depth, position: position)
        var lines = DotProduct.lines(
            trace: trace, label: "layer \(stack.depth) out[\(position)]", width: width, maxLines: max(1, maxLines - 1),
            palette: palette, glyphs: glyphs)
        let signal = dependencies.cells[0]
        if let first = signal.first, let last = signal.last {
            let dash = glyphs.ellipsis
            let field = stack.receptiveField(level: stack.depth)
            var text =
                "it depends on \(signal.count) signal cell\(signal.count == 1 ? "" : "s"), \(first)\(dash)\(last); receptive field \(field)"
            let paddingTaps = dependencies.padding[0].count
            if paddingTaps > 0 { text += "; \(paddingTaps) of its reach fall in the padding" }
            lines += TextWrap.lines(text, width: width).map { [Segment($0, palette.dim)] }
        }
        return lines
    }

    /// Draws the rows and connections; returns the hit regions of the top row and the row below the drawing.
    static func draw(
        _ model: OneDModel, area: (top: Int, height: Int), width: Int, into canvas: inout Canvas,
        palette: Palette,
        options: RenderOptions
    ) -> (hits: [HitRegion], bottom: Int) {
        guard let stack = model.stackComputation, let dependencies = model.currentDependencies else {
            return ([], area.top)
        }
        let glyphs = options.glyphs
        let depth = stack.depth

        // Labels: "layer 4  conv2 d8  RF 16".
        let labels = (0...depth).map { level -> (name: String, field: String) in
            let name = level == 0 ? "signal" : "layer \(level)  \(stack.layers[level - 1].label)"
            return (name, "RF \(stack.receptiveField(level: level))")
        }
        let nameWidth = labels.map(\.name.unicodeScalars.count).max() ?? 0
        let fieldWidth = labels.map(\.field.unicodeScalars.count).max() ?? 0
        let labelWidth = nameWidth + 2 + fieldWidth + 2

        // The signal columns drawn: every level's cells, and the padding the chosen output reads.
        var low = 0
        var high = stack.length(level: 0) - 1
        for level in 0...depth {
            let count = stack.length(level: level)
            if count > 0 {
                low = min(low, stack.column(level: level, position: 0))
                high = max(high, stack.column(level: level, position: count - 1))
            }
            for position in dependencies.padding[level] {
                low = min(low, stack.column(level: level, position: position))
                high = max(high, stack.column(level: level, position: position))
            }
        }
        let columns = low..<(high + 1)

        // Values when they fit, else nodes; the largest cells that fit.
        let valueText = max(2, model.summary.textWidth)
        let available = width - 2 - labelWidth
        let showValues = columns.count * (valueText + 1) <= available
        let text = showValues ? valueText : 1
        // The strip layout of one grid: a row per level (a line of cells with a line of
        // connections under it, so no row step above 2), no title line (hence the extra row),
        // the labels as a fixed width on the left. A sequence too long for any rung pages at
        // text-wide cells and keeps its connections (row step 2) when the levels fit that way.
        // In classroom mode with values shown, a level is a block of cells (large digits) with
        // the line of connections under it, as tall as the rows allow.
        let blocks = options.classroom && showValues
        let connected = 2 * (depth + 1) - 1 <= area.height
        let layout = StripLayout(
            grids: [StripLayout.Grid(rows: 0..<(depth + 1), columns: columns, textWidth: text, rowIndices: false)],
            fixedWidth: labelWidth, width: width - 2, height: area.height + 1, classroom: options.classroom,
            maxRowStep: blocks ? .max : 2, cutZoom: connected ? StripZoom(extra: 0, rowStep: 2) : .smallest)
        let zoom = layout.zoom
        let cell = layout.cellWidths[0]
        let chosen = stack.column(level: depth, position: model.player.step)
        let litColumns = dependencies.cells[0].map { stack.column(level: 0, position: $0) } + [chosen]
        let shown = Viewport.follow(
            total: columns, visible: layout.visibleColumns[0],
            focus: (litColumns.min() ?? chosen)..<((litColumns.max() ?? chosen) + 1))

        // Blocks grow down into the free rows (up to 12 rows a level) whatever the width allows.
        let rowStep =
            blocks && zoom.rowStep >= 3
            ? max(zoom.rowStep, min(12, (area.height + 1) / max(1, depth + 1))) : zoom.rowStep
        let visibleLevels = min(depth + 1, max(1, (area.height + rowStep - 1) / rowStep))
        let firstLevel = depth - visibleLevels + 1
        let left = 1
        func rowOf(_ level: Int) -> Int { area.top + (depth - level) * rowStep }
        func x(_ column: Int) -> Int { left + labelWidth + (column - shown.lowerBound) * cell }
        // Connections meet a block in its middle, a text cell at its last character.
        let blockHeight = max(1, rowStep - 1)
        let large = blocks && blockHeight >= 2
        func anchor(_ column: Int) -> Int { x(column) + (large ? (cell - 1) / 2 : cell - 2) }

        var hits: [HitRegion] = []
        let scale = model.summary.scale
        let node = (lit: options.ascii ? "@" : "●", plain: options.ascii ? "o" : "○")
        let directTaps = Set(
            dependencies.taps[depth].filter { $0.output == model.player.step }.flatMap(\.inputs))
        for level in firstLevel...depth {
            let y = rowOf(level)
            let label = labels[level]
            let labelRow = y + (blockHeight - 1) / 2
            canvas.put(label.name, row: labelRow, column: left, style: level == depth ? palette.title : .plain)
            canvas.put(
                label.field, row: labelRow,
                column: left + nameWidth + 2 + fieldWidth - label.field.unicodeScalars.count, style: palette.result)
            let lit = Set(dependencies.cells[level])
            for position in stack.positions(level: level, within: shown) {
                let column = stack.column(level: level, position: position)
                guard shown.contains(column) else { continue }
                let value = stack.value(level: level, position: position)
                let isChosen = level == depth && position == model.player.step
                // Nodes stand for values too wide to show; the chosen output and the cells it
                // reads directly (the factors its written-out sum quotes) keep their numbers
                // when those fit in a cell.
                let quoted =
                    isChosen || (level == depth - 1 && directTaps.contains(position))
                let number = NumberText.format(value)
                let content =
                    showValues || (quoted && number.unicodeScalars.count <= cell - 1)
                    ? number : (lit.contains(position) ? node.lit : node.plain)
                let style: CellStyle
                if isChosen {
                    style = model.focus == .outputMap ? palette.cursor : palette.winner
                } else if lit.contains(position) {
                    style = palette.highlight
                } else {
                    style = showValues ? palette.value(value, scale: scale) : palette.faint
                }
                if large {
                    GridCellBlock(text: content, style: style, width: cell - 1, height: blockHeight, glyphs: glyphs)
                        .draw(into: &canvas, row: y, column: x(column))
                } else {
                    let padded =
                        String(repeating: " ", count: max(0, cell - 1 - content.unicodeScalars.count)) + content
                    canvas.put(padded, row: y, column: x(column), style: style)
                }
                if level == depth {
                    hits.append(
                        HitRegion(
                            row: y, column: x(column), width: cell, height: large ? blockHeight : 1,
                            target: .outputCell(row: 0, column: position)))
                }
            }
            for position in dependencies.padding[level] {
                let column = stack.column(level: level, position: position)
                guard shown.contains(column) else { continue }
                if large {
                    GridCellBlock(
                        text: "0", style: palette.uncounted, width: cell - 1, height: blockHeight, glyphs: glyphs
                    )
                    .draw(into: &canvas, row: y, column: x(column))
                } else {
                    let padded = String(repeating: " ", count: max(0, cell - 2)) + "0"
                    canvas.put(padded, row: y, column: x(column), style: palette.uncounted)
                }
            }
            // Connections from each lit cell down to the taps it reads.
            if rowStep >= 2, level > firstLevel {
                var connector = OneDConnectors()
                for (output, inputs) in dependencies.taps[level] {
                    connector.add(
                        from: anchor(stack.column(level: level, position: output)),
                        to: inputs.map { anchor(stack.column(level: level - 1, position: $0)) })
                }
                let minimum = x(shown.lowerBound)
                let maximum = x(shown.upperBound - 1) + cell - 1
                connector.draw(
                    into: &canvas, row: y + blockHeight, columns: minimum...maximum, ascii: options.ascii,
                    style: palette.key)
            }
        }
        var bottom = rowOf(firstLevel) + blockHeight
        if shown != columns || firstLevel > 0 {
            let dash = glyphs.rangeDash
            var text =
                "positions \(shown.lowerBound)\(dash)\(shown.upperBound - 1) of \(columns.lowerBound)\(dash)\(columns.upperBound - 1)"
            if firstLevel > 0 { text += "; levels \(firstLevel)\(dash)\(depth) shown" }
            canvas.put(text, row: bottom, column: left, style: palette.dim)
            bottom += 1
        }
        return (hits, bottom)
    }
}

/// Box-drawing connections in the row between two levels: each output joins the taps it reads
/// with a horizontal line, pointing up at the output and down at every tap. Overlapping
/// connections merge (`┬`, `┼`, …).
struct OneDConnectors {
    private struct Arms: OptionSet {
        let rawValue: UInt8
        static let up = Arms(rawValue: 1), down = Arms(rawValue: 2), left = Arms(rawValue: 4), right = Arms(rawValue: 8)
    }

    private var arms: [Int: Arms] = [:]

    /// Connects screen column `output` (above) with the screen columns `inputs` (below).
    mutating func add(from output: Int, to inputs: [Int]) {
        let all = inputs + [output]
        guard let low = all.min(), let high = all.max() else { return }
        for column in low...high {
            var value = arms[column] ?? []
            if column > low { value.insert(.left) }
            if column < high { value.insert(.right) }
            arms[column] = value
        }
        arms[output, default: []].insert(.up)
        for input in inputs { arms[input, default: []].insert(.down) }
    }

    /// Draws the connections that fall within `columns` on `row`.
    func draw(into canvas: inout Canvas, row: Int, columns: ClosedRange<Int>, ascii: Bool, style: CellStyle) {
        for (column, value) in arms where columns.contains(column) {
            canvas.put(OneDConnectors.glyph(value, ascii: ascii), row: row, column: column, style: style)
        }
    }

    private static func glyph(_ arms: Arms, ascii: Bool) -> String {
        let vertical = !arms.isDisjoint(with: [.up, .down])
        let horizontal = !arms.isDisjoint(with: [.left, .right])
        if ascii { return vertical && horizontal ? "+" : (vertical ? "|" : "-") }
        switch (arms.contains(.up), arms.contains(.down), arms.contains(.left), arms.contains(.right)) {
        case (true, true, true, true): return "┼"
        case (true, true, true, false): return "┤"
        case (true, true, false, true): return "├"
        case (true, false, true, true): return "┴"
        case (false, true, true, true): return "┬"
        case (true, false, true, false): return "┘"
        case (true, false, false, true): return "└"
        case (false, true, true, false): return "┐"
        case (false, true, false, true): return "┌"
        case (false, false, _, _): return "─"
        default: return "│"
        }
    }
}
