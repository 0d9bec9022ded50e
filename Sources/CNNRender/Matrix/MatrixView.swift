import CNNCore
import CNNSandbox

/// Draws the convolution as linear algebra, in one of three pictures: the sparse weight
/// matrix times the flattened input (the current row lit, its product written out), im2col's
/// patch matrix with the kernel as a row vector (the current column lit), and the transposed
/// matrix mapping an output-sized vector back to input size (the transposed convolution).
/// Matrices that would not fit the screen are refused in place, naming what would fit.
/// Every number comes from the model's core computation.
public enum MatrixView {
    /// Draws one frame of the model at a size.
    public static func body(_ model: MatrixModel, width: Int, height: Int, options: RenderOptions) -> ViewBody {
        var canvas = Canvas(width: width, height: height)
        let palette = Palette(options: options)
        let glyphs = options.glyphs
        let geometry = ConvGeometryText(setup: model.setup)
        var status = geometry.status(glyphs: glyphs)
        if let computation = model.computation {
            let (rows, columns) = matrixShape(model.mode, computation)
            status += "  \(glyphs.dot) \(matrixName(model.mode, glyphs)) \(rows)\(glyphs.times)\(columns)"
        }
        canvas.put(status, row: 0, column: 1, style: CellStyle(bold: true))
        canvas.put(glyphs.adapt(modeLine(model.mode, glyphs)), row: 1, column: 1, style: palette.note)
        let top = height >= 28 ? 3 : 2
        let footerRow = height
        var hits: [HitRegion] = []
        var refusals: [RefusalBox] = []
        var label: String?
        if let computation = model.computation {
            let need = requiredSize(model, computation, glyphs: glyphs, extra: 0)
            if need.width <= width - 2 && need.height <= footerRow - top {
                label = stepLabel(model, computation, glyphs: glyphs)
                switch model.mode {
                case .matrix:
                    hits = drawMatrixMode(
                        model, computation, top: top, width: width, bottom: footerRow, into: &canvas, palette: palette,
                        options: options)
                case .im2col:
                    hits = drawIm2colMode(
                        model, computation, top: top, width: width, bottom: footerRow, into: &canvas, palette: palette,
                        options: options)
                case .transposed:
                    if case .failure(let error) = computation.transposedLayer {
                        label = nil
                        refusals.append(refusal(error.message, top: top, width: width, bottom: footerRow))
                    } else {
                        drawTransposedMode(
                            model, computation, top: top, width: width, bottom: footerRow, into: &canvas,
                            palette: palette, options: options)
                    }
                }
            } else {
                refusals.append(
                    refusal(
                        tooLargeForScreen(model, computation, width: width, height: footerRow - top, glyphs: glyphs),
                        title: "does not fit", top: top, width: width, bottom: footerRow))
            }
        } else {
            refusals.append(
                refusal(
                    model.errorMessage ?? "invalid setup",
                    title: model.sizeRefusal == nil ? "cannot compute" : "too large", top: top, width: width,
                    bottom: footerRow))
        }
        let footer = ViewBody.status(
            player: model.player, label: label, refusal: "fix the settings with s/S p/P d/D k/K i/I o m",
            palette: palette, glyphs: glyphs)
        return ViewBody(
            canvas: canvas, hits: hits, status: footer, hints: MatrixModel.keyMap.footerHints, refusals: refusals)
    }

    // MARK: Text

    /// `M`, `P`, `Mᵀ` (`M^T` in ASCII).
    static func matrixName(_ mode: MatrixModel.Mode, _ glyphs: Glyphs) -> String {
        switch mode {
        case .matrix: return "M"
        case .im2col: return "P"
        case .transposed: return "M\(glyphs.transposed)"
        }
    }

    static func modeLine(_ mode: MatrixModel.Mode, _ glyphs: Glyphs) -> String {
        let transposed = matrixName(.transposed, glyphs)
        switch mode {
        case .matrix: return "y = M·x: row k of M holds the kernel where window k reads x  (m: im2col)"
        case .im2col: return "y = k·P: kernel row k times P = im2col(x), column j = window j  (m: \(transposed))"
        case .transposed:
            return "r = \(transposed)·v: column k of \(transposed) spreads v_k back over the input  (m: M)"
        }
    }

    /// Rows × columns of the drawn matrix.
    static func matrixShape(_ mode: MatrixModel.Mode, _ computation: MatrixComputation) -> (Int, Int) {
        switch mode {
        case .matrix: return (computation.outputCount, computation.inputCount)
        case .im2col: return (computation.kernelRows * computation.kernelColumns, computation.outputCount)
        case .transposed: return (computation.inputCount, computation.outputCount)
        }
    }

    /// `w₀₁` (`w01` in ASCII): the tap name of a weight.
    static func tapName(_ tap: MatrixEntryTap, _ glyphs: Glyphs) -> String {
        "w" + subscriptDigits(tap.row, glyphs) + subscriptDigits(tap.column, glyphs)
    }

    /// A name with an index: `y₁₂` (`y12` in ASCII).
    static func indexed(_ name: String, _ index: Int, _ glyphs: Glyphs) -> String {
        name + subscriptDigits(index, glyphs)
    }

    private static func subscriptDigits(_ number: Int, _ glyphs: Glyphs) -> String {
        guard glyphs != .ascii else { return String(number) }
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return String(String(number).map { $0.wholeNumberValue.map { digits[$0] } ?? $0 })
    }

    private static func stepLabel(_ model: MatrixModel, _ computation: MatrixComputation, glyphs: Glyphs)
        -> String
    {
        let step = model.player.step
        let (r, c) = computation.outputCell(ofStep: step)
        switch model.mode {
        case .matrix: return "row \(step) = out[\(r),\(c)]"
        case .im2col: return "column \(step) = out[\(r),\(c)]"
        case .transposed: return "column \(step) \(glyphs.times) v[\(r),\(c)]"
        }
    }

    // MARK: Fit

    /// The width of an entry's text: a tap name (3) or the widest weight.
    static func entryWidth(_ model: MatrixModel, _ glyphs: Glyphs) -> Int {
        model.showNames && model.mode != .im2col ? 3 : max(2, model.kernelSummary.textWidth)
    }

    /// The columns and rows the matrix picture needs (matrix, its labels, header and footer
    /// rows, the written-out product) at an extra cell width.
    static func requiredSize(_ model: MatrixModel, _ computation: MatrixComputation, glyphs: Glyphs, extra: Int)
        -> (width: Int, height: Int)
    {
        let (rows, columns) = matrixShape(model.mode, computation)
        let layout = Layout(model, computation, glyphs: glyphs, extra: extra)
        let side: Int
        switch model.mode {
        case .matrix: side = 0
        case .im2col: side = 5 + max(computation.inputColumns * (max(2, model.inputSummary.textWidth) + 1), 12)
        case .transposed: side = 5 + max(computation.outputColumns * 4, 8) + 5 + max(computation.inputColumns * 4, 10)
        }
        // Under the grid: a blank row and the written-out product (im2col: the product's two
        // lines may follow the result row directly when the screen is tight).
        let extraRows = model.mode == .im2col ? 2 : 1
        let productRows = model.mode == .im2col ? 2 : 3
        return (layout.labelWidth + columns * layout.cellWidth + side, rows + extraRows + productRows)
    }

    /// "The 9×25 weight matrix needs 110 columns …; an input of at most 4×4 fits here".
    static func tooLargeForScreen(
        _ model: MatrixModel, _ computation: MatrixComputation, width: Int, height: Int, glyphs: Glyphs
    ) -> String {
        let (rows, columns) = matrixShape(model.mode, computation)
        let need = requiredSize(model, computation, glyphs: glyphs, extra: 0)
        let layout = Layout(model, computation, glyphs: glyphs, extra: 0)
        let kernelRows = computation.kernelRows * computation.kernelColumns
        let fits = MatrixModel.largestFittingSide(setup: model.setup) { outputs, inputs in
            let (r, c): (Int, Int)
            switch model.mode {
            case .matrix: (r, c) = (outputs, inputs)
            case .im2col: (r, c) = (kernelRows, outputs)
            case .transposed: (r, c) = (inputs, outputs)
            }
            let side = need.width - layout.labelWidth - columns * layout.cellWidth
            return layout.labelWidth + c * layout.cellWidth + side <= width - 2 && r + (need.height - rows) <= height
        }
        var text =
            "the \(rows)×\(columns) matrix \(matrixName(model.mode, .unicode)) needs \(need.width) columns and \(need.height) rows here; this screen has \(width - 2)×\(height)"
        if model.mode == .im2col && kernelRows + (need.height - rows) > height {
            text += "; use a smaller kernel (k) or a larger terminal"
        } else if let fits {
            text += ": an input of at most \(fits)×\(fits) fits (press i)"
            if model.showNames && model.mode != .im2col { text += ", w shows values," }
            text += " or use a larger terminal"
        } else {
            text += "; use a smaller input (i) or a larger terminal"
        }
        return text
    }

    /// The box for a refusal in place of the matrices; the host draws it.
    private static func refusal(
        _ message: String, title: String = RefusalBox.cannotCompute, top: Int, width: Int, bottom: Int
    ) -> RefusalBox {
        RefusalBox(
            message, title: title, top: top, left: 1, width: min(width - 2, 64), maxHeight: max(4, bottom - top - 1))
    }

    /// Cell sizes of the matrix.
    struct Layout {
        let cellWidth: Int
        let labelWidth: Int
        let valueWidth: Int
        let nameWidth: Int
        /// Screen rows per matrix row (classroom mode's large cells: a block and a blank line).
        var rowStep = 1

        /// Screen rows of `rows` matrix rows.
        func height(rows: Int) -> Int { rows * rowStep - (rowStep > 1 ? 1 : 0) }

        init(_ model: MatrixModel, _ computation: MatrixComputation, glyphs: Glyphs, extra: Int) {
            let header: Int
            switch model.mode {
            case .matrix: header = model.inputSummary.textWidth
            case .im2col: header = String(computation.outputCount - 1).count + 1
            case .transposed: header = ValueSummary(computation.vector.data).textWidth
            }
            cellWidth =
                max(entryWidth(model, glyphs), header, model.mode == .im2col ? model.inputSummary.textWidth : 0) + 1
                + extra
            let (rows, _) = matrixShape(model.mode, computation)
            nameWidth = model.mode == .im2col ? 3 : 1 + String(max(0, rows - 1)).count
            switch model.mode {
            case .matrix: valueWidth = max(1, model.outputSummary.textWidth)
            case .im2col: valueWidth = max(1, model.kernelSummary.textWidth)
            case .transposed: valueWidth = max(1, ValueSummary(computation.transposedOutput?.data ?? []).textWidth)
            }
            labelWidth = nameWidth + 3 + valueWidth + 2
        }
    }

    // MARK: Matrix grid

    /// Draws a matrix with a header row above it, a label column on its left, and optionally a
    /// result row below; only the visible part. Returns the row after the last one drawn.
    @discardableResult
    static func drawGrid(
        rows: Int, columns: Int, top: Int, left: Int, layout: Layout, headerLabel: String,
        header: (Int) -> (String, CellStyle), label: (Int) -> (name: String, value: String, style: CellStyle),
        entry: (Int, Int) -> (String, CellStyle), footerLabel: String? = nil,
        footer: ((Int) -> (String, CellStyle))? = nil,
        into canvas: inout Canvas, glyphs: Glyphs, palette: Palette, classroom: Bool = false
    ) -> Int {
        let textWidth = layout.cellWidth - 1
        let blockHeight = max(1, layout.rowStep - 1)
        func cell(_ text: String, row: Int, column: Int, style: CellStyle, block: Bool = false) {
            if classroom && block {
                // Classroom mode: a block in the value's colour, the number large when it fits.
                GridCellBlock(text: text, style: style, width: textWidth, height: blockHeight, glyphs: glyphs).draw(
                    into: &canvas, row: row, column: left + layout.labelWidth + column * layout.cellWidth)
                return
            }
            let count = text.unicodeScalars.count
            let shown =
                count > textWidth ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(textWidth))) : text
            let padded = String(repeating: " ", count: max(0, textWidth - shown.unicodeScalars.count)) + shown
            canvas.put(padded, row: row, column: left + layout.labelWidth + column * layout.cellWidth, style: style)
        }
        let shortLabel = String(
            String.UnicodeScalarView(headerLabel.unicodeScalars.prefix(max(0, layout.labelWidth - 2))))
        canvas.put(shortLabel, row: top, column: left, style: palette.dim)
        for column in 0..<columns {
            let (text, style) = header(column)
            cell(text, row: top, column: column, style: style)
        }
        let visibleColumns = max(0, min(columns, (canvas.width - left - layout.labelWidth) / layout.cellWidth + 1))
        for row in 0..<rows {
            let blockTop = top + 1 + row * layout.rowStep
            let y = blockTop + (blockHeight - 1) / 2
            guard blockTop + blockHeight - 1 < canvas.height else { break }
            canvas.layout.recordRow("\(headerLabel) row \(row)")
            let (name, value, style) = label(row)
            let nameText = name + String(repeating: " ", count: max(0, layout.nameWidth - name.unicodeScalars.count))
            let valueText =
                String(repeating: " ", count: max(0, layout.valueWidth - value.unicodeScalars.count)) + value
            canvas.put("\(nameText) = \(valueText)", row: y, column: left, style: style)
            for line in 0..<blockHeight {
                canvas.put(
                    glyphs.vertical, row: blockTop + line, column: left + layout.labelWidth - 1, style: palette.dim)
            }
            for column in 0..<visibleColumns {
                let (text, style) = entry(row, column)
                cell(text, row: blockHeight > 1 ? blockTop : y, column: column, style: style, block: true)
            }
        }
        var bottom = top + 1 + layout.height(rows: rows)
        if let footer, let footerLabel {
            canvas.put(footerLabel, row: bottom, column: left, style: palette.dim)
            for column in 0..<visibleColumns {
                let (text, style) = footer(column)
                cell(text, row: bottom, column: column, style: style)
            }
            bottom += 1
        }
        return bottom
    }

    // MARK: Matrix picture

    private static func drawMatrixMode(
        _ model: MatrixModel, _ computation: MatrixComputation, top: Int, width: Int, bottom: Int,
        into canvas: inout Canvas, palette: Palette, options: RenderOptions
    ) -> [HitRegion] {
        let glyphs = options.glyphs
        let step = model.player.step
        let trace = computation.trace(step: step)
        let inputColumns = computation.inputColumns
        let used = Set(trace.terms.filter { !$0.isPadding }.map { $0.row * inputColumns + $0.column })
        let layout = zoomed(model, computation, width: width, height: bottom - top, options: options)
        let matrix = computation.matrix
        let input = computation.input
        let output = computation.output
        let inputScale = model.inputSummary.scale
        let kernelScale = model.kernelSummary.scale
        let end = drawGrid(
            rows: computation.outputCount, columns: computation.inputCount, top: top, left: 1, layout: layout,
            headerLabel: "x =",
            header: { column in
                let v = input.data[column]
                return (
                    NumberText.format(v),
                    used.contains(column) ? palette.highlight : palette.value(v, scale: inputScale)
                )
            },
            label: { row in
                let name = indexed("y", row, glyphs)
                if row == step { return (name, NumberText.format(output.data[row]), palette.highlight) }
                if row > step { return (name, glyphs.pending, palette.faint) }
                return (name, NumberText.format(output.data[row]), .plain)
            },
            entry: { row, column in
                guard let tap = computation.tap(row: row, column: column) else { return ("0", palette.faint) }
                let w = matrix.data[row * computation.inputCount + column]
                let text = model.showNames ? tapName(tap, glyphs) : NumberText.format(w)
                if row == step { return (text, palette.highlight) }
                return (text, model.showNames ? .plain : palette.value(w, scale: kernelScale))
            },
            into: &canvas, glyphs: glyphs, palette: palette, classroom: options.classroom)
        let product = rowProduct(model, computation, trace: trace, width: width - 2, palette: palette, glyphs: glyphs)
        var productTop = bottom - 1 - product.count
        var hits: [HitRegion] = []
        var panelTop = end + 1
        // The x, kernel and y grids whole need their title and their tallest grid's rows. When
        // blank rows around them leave too little room, they go without the blanks (a small
        // screen keeps all three grids rather than dropping them).
        let wholeGrids =
            1 + max(computation.inputRows, computation.kernelRows, computation.outputRows) * layout.rowStep
            - (layout.rowStep > 1 ? 1 : 0)
        if productTop - 1 - panelTop < wholeGrids && bottom - product.count - end >= wholeGrids {
            panelTop = end
            productTop = bottom - product.count
        }
        let tight = panelTop == end
        if productTop - (tight ? 0 : 1) - panelTop >= 3 {
            let panels = smallGrids(model, computation, lit: trace, palette: palette, glyphs: glyphs)
            let drawn = PanelStrip.draw(
                panels, top: panelTop, height: productTop - (tight ? 0 : 1) - panelTop, slack: 1, width: width,
                into: &canvas, palette: palette, options: options)
            hits = drawn.hits
            ExpressionText.draw(
                product, into: &canvas, row: min(productTop, drawn.bottom + (tight ? 0 : 1)), column: 1)
        } else {
            ExpressionText.draw(product, into: &canvas, row: min(productTop, end + 1), column: 1)
        }
        return hits
    }

    /// `y₅ = row 5 · x = 1×5 + 2×9 + … = 19`: the non-zero entries of the row times their inputs.
    private static func rowProduct(
        _ model: MatrixModel, _ computation: MatrixComputation, trace: ConvTrace, width: Int, palette: Palette,
        glyphs: Glyphs
    ) -> [[Segment]] {
        let step = model.player.step
        let inputColumns = computation.inputColumns
        let terms = trace.terms.filter { !$0.isPadding }.map { term -> Segment in
            let index = term.row * inputColumns + term.column
            if model.showNames {
                let name = tapName(MatrixEntryTap(row: term.tapRow, column: term.tapColumn), glyphs)
                return Segment("\(name)\(glyphs.dot)\(indexed("x", index, glyphs))")
            }
            return Segment(PanelStrip.product(term.weight, term.inputValue, glyphs: glyphs))
        }
        var lines = ExpressionText.lines(
            opening: [Segment("\(indexed("y", step, glyphs)) = row \(step) \(glyphs.dot) x = ", palette.dim)],
            terms: terms,
            separator: " + ", closing: [], width: width, maxLines: 2, glyphs: glyphs)
        if model.showNames {
            let values = trace.terms.filter { !$0.isPadding }.map {
                Segment(PanelStrip.product($0.weight, $0.inputValue, glyphs: glyphs))
            }
            lines += ExpressionText.lines(
                opening: [Segment("   = ", palette.dim)], terms: values, separator: " + ",
                closing: [Segment(" = "), Segment(NumberText.format(trace.value), palette.result)], width: width,
                maxLines: 2, glyphs: glyphs)
        } else if !lines.isEmpty {
            lines[lines.count - 1] += [Segment(" = "), Segment(NumberText.format(trace.value), palette.result)]
        }
        return lines
    }

    /// The input with the current window lit, the kernel (values), and the output filling in.
    private static func smallGrids(
        _ model: MatrixModel, _ computation: MatrixComputation, lit trace: ConvTrace, palette: Palette,
        glyphs: Glyphs
    ) -> [PanelStrip.Panel] {
        let x = glyphs.times
        let step = model.player.step
        let input = computation.input
        let kernel = computation.weight
        let output = computation.output
        let inputColumns = computation.inputColumns
        let kernelColumns = computation.kernelColumns
        let outputColumns = computation.outputColumns
        let lit = Set(trace.terms.map { $0.row * inputColumns + $0.column })
        let (currentRow, currentColumn) = computation.outputCell(ofStep: step)
        let footRows = (trace.terms.map(\.row).min() ?? 0)..<((trace.terms.map(\.row).max() ?? 0) + 1)
        let footColumns = (trace.terms.map(\.column).min() ?? 0)..<((trace.terms.map(\.column).max() ?? 0) + 1)
        let inputScale = model.inputSummary.scale
        let kernelScale = model.kernelSummary.scale
        let outputScale = model.outputSummary.scale
        return [
            PanelStrip.Panel(
                title: "x: input \(computation.inputRows)\(x)\(inputColumns)", rows: 0..<computation.inputRows,
                columns: 0..<inputColumns, textWidth: max(2, model.inputSummary.textWidth), focusRows: footRows,
                focusColumns: footColumns, joiner: glyphs.star
            ) { row, column in
                let index = row * inputColumns + column
                let v = input.data[index]
                return (
                    NumberText.format(v), lit.contains(index) ? palette.highlight : palette.value(v, scale: inputScale)
                )
            },
            PanelStrip.Panel(
                title: "kernel", rows: 0..<computation.kernelRows, columns: 0..<kernelColumns,
                textWidth: max(2, model.kernelSummary.textWidth), joiner: "="
            ) { row, column in
                let w = kernel.data[row * kernelColumns + column]
                return (NumberText.format(w), palette.value(w, scale: kernelScale))
            },
            PanelStrip.Panel(
                title: "y: output \(computation.outputRows)\(x)\(outputColumns)", rows: 0..<computation.outputRows,
                columns: 0..<outputColumns, textWidth: max(2, model.outputSummary.textWidth),
                focusRows: currentRow..<(currentRow + 1), focusColumns: currentColumn..<(currentColumn + 1),
                content: { row, column in
                    let index = row * outputColumns + column
                    let v = output.data[index]
                    if index == step { return (NumberText.format(v), palette.highlight) }
                    if index > step { return (glyphs.pending, palette.faint) }
                    return (NumberText.format(v), palette.value(v, scale: outputScale))
                },
                target: { row, column in .outputCell(row: row, column: column) }),
        ]
    }

    /// The widest cells that fit (larger terminals get larger cells). In classroom mode the rung of
    /// the shared zoom ladder (`StripZoom`) at which the whole matrix fits in its share of the
    /// height (the matrix picture keeps about 40% for the small grids under it), so its entries are
    /// blocks with large numbers; else one row per matrix row, 2, 1 or no extra columns.
    private static func zoomed(
        _ model: MatrixModel, _ computation: MatrixComputation, width: Int, height: Int, options: RenderOptions
    ) -> Layout {
        let glyphs = options.glyphs
        if options.classroom {
            let (rows, _) = matrixShape(model.mode, computation)
            let need = requiredSize(model, computation, glyphs: glyphs, extra: 0)
            // Rows beside the matrix's own: header, result row, product; the small grids' share.
            let fixedRows = need.height - rows
            let room = model.mode == .matrix ? height * 3 / 5 : height
            let zoom = StripZoom.largest(classroom: true) { zoom in
                var layout = Layout(model, computation, glyphs: glyphs, extra: zoom.extra)
                layout.rowStep = zoom.rowStep
                return requiredSize(model, computation, glyphs: glyphs, extra: zoom.extra).width <= width - 2
                    && layout.height(rows: rows) + fixedRows <= room
            }
            var layout = Layout(model, computation, glyphs: glyphs, extra: zoom.extra)
            layout.rowStep = zoom.rowStep
            return layout
        }
        for extra in [2, 1] where requiredSize(model, computation, glyphs: glyphs, extra: extra).width <= width - 2 {
            return Layout(model, computation, glyphs: glyphs, extra: extra)
        }
        return Layout(model, computation, glyphs: glyphs, extra: 0)
    }

    // MARK: im2col picture

    private static func drawIm2colMode(
        _ model: MatrixModel, _ computation: MatrixComputation, top: Int, width: Int, bottom: Int,
        into canvas: inout Canvas, palette: Palette, options: RenderOptions
    ) -> [HitRegion] {
        let glyphs = options.glyphs
        let step = model.player.step
        let trace = computation.trace(step: step)
        let layout = zoomed(model, computation, width: width, height: bottom - top, options: options)
        let patches = computation.patches
        let kernelRow = computation.kernelRow
        let output = computation.output
        let kernelColumns = computation.kernelColumns
        let taps = computation.kernelRows * kernelColumns
        let outputCount = computation.outputCount
        let inputScale = model.inputSummary.scale
        let end = drawGrid(
            rows: taps, columns: outputCount, top: top, left: 1, layout: layout, headerLabel: "k",
            header: { column in
                (indexed("y", column, glyphs), column == step ? palette.highlight : palette.dim)
            },
            label: { row in
                let name = tapName(MatrixEntryTap(row: row / kernelColumns, column: row % kernelColumns), glyphs)
                return (name, NumberText.format(kernelRow.data[row]), .plain)
            },
            entry: { row, column in
                let v = patches.data[row * outputCount + column]
                if column == step {
                    let padding = trace.terms[row].isPadding
                    return (NumberText.format(v), padding ? CellStyle(dim: true, reverse: true) : palette.highlight)
                }
                return (NumberText.format(v), palette.value(v, scale: inputScale))
            },
            footerLabel: "y = k\(glyphs.dot)P",
            footer: { column in
                let v = output.data[column]
                if column == step { return (NumberText.format(v), palette.highlight) }
                if column > step { return (glyphs.pending, palette.faint) }
                return (NumberText.format(v), palette.result)
            },
            into: &canvas, glyphs: glyphs, palette: palette, classroom: options.classroom)
        // Beside the matrix: the input with the current window (patch) lit.
        let left = 1 + layout.labelWidth + outputCount * layout.cellWidth + 4
        let inputColumns = computation.inputColumns
        let lit = Set(trace.terms.map { $0.row * inputColumns + $0.column })
        let input = computation.input
        let panel = PanelStrip.Panel(
            title: "x: patch \(step) lit", rows: 0..<computation.inputRows, columns: 0..<inputColumns,
            textWidth: max(2, model.inputSummary.textWidth)
        ) { row, column in
            let index = row * inputColumns + column
            let v = input.data[index]
            return (NumberText.format(v), lit.contains(index) ? palette.highlight : palette.value(v, scale: inputScale))
        }
        PanelStrip.draw(
            [panel], top: top, left: left, height: max(3, end - top), width: width, into: &canvas, palette: palette,
            options: options)
        let terms = trace.terms.map { term in
            Segment(
                PanelStrip.product(term.weight, term.inputValue, glyphs: glyphs),
                term.isPadding ? palette.padding : .plain)
        }
        let lines = ExpressionText.lines(
            opening: [Segment("\(indexed("y", step, glyphs)) = k \(glyphs.dot) P[:,\(step)] = ", palette.dim)],
            terms: terms,
            separator: " + ", closing: [Segment(" = "), Segment(NumberText.format(trace.value), palette.result)],
            width: width - 2, maxLines: max(1, min(3, bottom - end)), glyphs: glyphs)
        ExpressionText.draw(lines, into: &canvas, row: max(end, min(bottom - 1 - lines.count, end + 1)), column: 1)
        return []
    }

    // MARK: Transposed picture

    private static func drawTransposedMode(
        _ model: MatrixModel, _ computation: MatrixComputation, top: Int, width: Int, bottom: Int,
        into canvas: inout Canvas, palette: Palette, options: RenderOptions
    ) {
        let glyphs = options.glyphs
        let step = model.player.step
        let terms = computation.scatter(step: step)
        let inputColumns = computation.inputColumns
        let outputCount = computation.outputCount
        let landing = Set(terms.filter { !$0.isCropped }.map { $0.outputRow * inputColumns + $0.outputColumn })
        let layout = zoomed(model, computation, width: width, height: bottom - top, options: options)
        let matrix = computation.matrix
        let vector = computation.vector
        let partial = computation.vectorSoFar(step: step)
        let kernelScale = model.kernelSummary.scale
        let vectorScale = ValueSummary(vector.data).scale
        let end = drawGrid(
            rows: computation.inputCount, columns: outputCount, top: top, left: 1, layout: layout,
            headerLabel: "v =",
            header: { column in
                let v = vector.data[column]
                return (NumberText.format(v), column == step ? palette.highlight : palette.value(v, scale: vectorScale))
            },
            label: { row in
                let name = indexed("r", row, glyphs)
                guard
                    let running = computation.runningResult(
                        partial, step: step, row: row / inputColumns, column: row % inputColumns)
                else { return (name, "", .plain) }
                let value = running.reached || !running.reachable ? NumberText.format(running.value) : glyphs.pending
                if landing.contains(row) { return (name, value, palette.highlight) }
                return (name, value, running.reached ? .plain : palette.faint)
            },
            entry: { row, column in
                guard let tap = computation.tap(row: column, column: row) else { return ("0", palette.faint) }
                let w = matrix.data[column * computation.inputCount + row]
                let text = model.showNames ? tapName(tap, glyphs) : NumberText.format(w)
                if column == step { return (text, palette.highlight) }
                return (text, model.showNames ? .plain : palette.value(w, scale: kernelScale))
            },
            into: &canvas, glyphs: glyphs, palette: palette, classroom: options.classroom)
        // Beside: v as a grid (current entry lit) and the input-sized result so far.
        let x = glyphs.times
        let (currentRow, currentColumn) = computation.outputCell(ofStep: step)
        let outputColumns = computation.outputColumns
        let resultScale = ValueSummary(computation.transposedOutput?.data ?? []).scale
        let vPanel = PanelStrip.Panel(
            title: "v \(computation.outputRows)\(x)\(outputColumns)", rows: 0..<computation.outputRows,
            columns: 0..<outputColumns, textWidth: 3, focusRows: currentRow..<(currentRow + 1),
            focusColumns: currentColumn..<(currentColumn + 1), joiner: glyphs.arrow
        ) { row, column in
            let index = row * outputColumns + column
            let v = vector.data[index]
            return (NumberText.format(v), index == step ? palette.highlight : palette.value(v, scale: vectorScale))
        }
        let resultPanel = PanelStrip.Panel(
            title: "r \(computation.inputRows)\(x)\(inputColumns) so far", rows: 0..<computation.inputRows,
            columns: 0..<inputColumns, textWidth: 3
        ) { row, column in
            guard let running = computation.runningResult(partial, step: step, row: row, column: column) else {
                return ("", .plain)
            }
            if landing.contains(row * inputColumns + column) {
                return (NumberText.format(running.value), palette.highlight)
            }
            if !running.reached && running.reachable { return (glyphs.pending, palette.faint) }
            return (NumberText.format(running.value), palette.value(running.value, scale: resultScale))
        }
        let left = 1 + layout.labelWidth + outputCount * layout.cellWidth + 4
        PanelStrip.draw(
            [vPanel, resultPanel], top: top, left: left, height: max(3, end - top), width: width, into: &canvas,
            palette: palette, options: options)
        let value = vector.data[step]
        let pieces = terms.filter { !$0.isCropped }.map { term in
            Segment(
                "\(indexed("r", term.outputRow * inputColumns + term.outputColumn, glyphs)) += \(PanelStrip.product(term.inputValue, term.weight, glyphs: glyphs))"
            )
        }
        let cropped = terms.filter(\.isCropped).count
        let closing =
            cropped > 0
            ? [Segment("  (\(cropped) tap\(cropped == 1 ? "" : "s") in the padding: not in the matrix)", palette.dim)]
            : []
        let lines = ExpressionText.lines(
            opening: [
                Segment(
                    "column \(step) \(glyphs.times) \(indexed("v", step, glyphs)) = \(NumberText.format(value)): ",
                    palette.dim)
            ],
            terms: pieces, separator: "  ", closing: closing, width: width - 2, maxLines: 2, glyphs: glyphs)
        ExpressionText.draw(lines, into: &canvas, row: min(bottom - 1 - lines.count, end + 1), column: 1)
    }
}
extension MatrixView: ViewRenderer {}
