import CNNCore
import CNNSandbox

/// Draws the transposed-convolution sandbox in one of two pictures: each input cell scattering
/// `value × kernel` into a running output (cropped contributions marked), or the input with
/// zeros inserted and padded, convolved at stride 1 with the flipped kernel (its result shown
/// equal to the transposed output). The output-size formula is written out with its numbers.
/// Every number comes from the model's core computation.
public enum TransposeView {
    /// Draws one frame of the model at a size.
    public static func body(_ model: TransposeModel, width: Int, height: Int, options: RenderOptions) -> ViewBody {
        var canvas = Canvas(width: width, height: height)
        let palette = Palette(options: options)
        let glyphs = options.glyphs
        var row = 0
        canvas.put(status(model, glyphs: glyphs), row: row, column: 1, style: CellStyle(bold: true))
        row += 1
        canvas.put(
            glyphs.adapt("size = \(TransposedConvLayer.symbolicOutputSizeFormula)"), row: row, column: 1,
            style: palette.dim)
        row += 1
        if let computation = model.computation {
            let formulas = computation.formulas.map(glyphs.adapt)
            let lines =
                formulas[0] == formulas[1]
                ? ["rows, columns: \(formulas[0])"] : ["rows:    \(formulas[0])", "columns: \(formulas[1])"]
            for line in lines {
                canvas.put(line, row: row, column: 1)
                row += 1
            }
        }
        canvas.put(glyphs.adapt(modeLine(model)), row: row, column: 1, style: palette.note)
        row += height >= 28 ? 2 : 1

        let footerRow = height
        var hits: [HitRegion] = []
        guard let computation = model.computation else {
            let refusal = RefusalBox(
                model.errorMessage ?? "invalid setup", top: row, left: 1, width: min(width - 2, 60),
                maxHeight: max(4, footerRow - row - 1))
            let status = footerStatus(model, label: nil, palette: palette, glyphs: glyphs)
            return ViewBody(
                canvas: canvas, hits: hits, status: status, hints: TransposeModel.keyMap.footerHints,
                refusals: [refusal])
        }

        var below: [[Segment]] = []
        let label: String
        let panels: [PanelStrip.Panel]
        let maxLines = height >= 28 ? 4 : 3
        switch model.mode {
        case .scatter:
            let step = model.player.step
            let terms = computation.scatter(step: step)
            let (r, c) = computation.inputCell(ofStep: step)
            label = "in[\(r),\(c)] scatters"
            panels = scatterPanels(model, computation, terms: terms, palette: palette, glyphs: glyphs)
            below = scatterSum(
                computation, terms: terms, step: step, width: width - 2, maxLines: maxLines, palette: palette,
                glyphs: glyphs)
        case .zeroInsertion:
            let step = model.player.step
            let trace = computation.zeroInsertionTrace(step: step)
            let (r, c) = computation.outputCell(ofStep: step)
            label = "out[\(r),\(c)]"
            panels = zeroInsertionPanels(model, computation, trace: trace, palette: palette, glyphs: glyphs)
            below =
                [equality(computation, palette: palette, glyphs: glyphs)]
                + zeroInsertionSum(
                    computation, trace: trace, label: label, width: width - 2, maxLines: maxLines, palette: palette,
                    glyphs: glyphs)
        }
        let status = footerStatus(model, label: label, palette: palette, glyphs: glyphs)
        let lowestTop = footerRow - 1 - below.count
        let drawn = PanelStrip.draw(
            panels, top: row, height: max(3, lowestTop - 1 - row), slack: 1, width: width, into: &canvas,
            palette: palette, options: options)
        hits += drawn.hits
        ExpressionText.draw(below, into: &canvas, row: min(lowestTop, drawn.bottom + 1), column: 1)
        return ViewBody(
            canvas: canvas, hits: hits, status: status, hints: TransposeModel.keyMap.footerHints,
            refusals: drawn.refusals)
    }

    // MARK: Header

    /// `input 3×3  kernel 3×3  stride 2  pad 0  output_padding 1  dil 1  → out 8×8`.
    static func status(_ model: TransposeModel, glyphs: Glyphs) -> String {
        let setup = model.setup
        let conv = setup.conv
        let x = glyphs.times
        func pair(_ values: [Int]) -> String { values[0] == values[1] ? "\(values[0])" : "\(values[0]),\(values[1])" }
        let pad = (try? setup.paddingNumbers()).map(pair) ?? "\(conv.padding)"
        let out = model.computation.map { "\($0.outputRows)\(x)\($0.outputColumns)" } ?? "none"
        return
            "input \(conv.inputRows)\(x)\(conv.inputColumns)  kernel \(conv.kernelRows)\(x)\(conv.kernelColumns)  stride \(pair(conv.stride))  pad \(pad)  output_padding \(pair(setup.outputPadding))  dil \(pair(conv.dilation))  \(glyphs.arrow) out \(out)"
    }

    static func modeLine(_ model: TransposeModel) -> String {
        switch model.mode {
        case .scatter:
            return "scatter: each input cell adds its value × kernel; overlaps add up  (t: zeros)"
        case .zeroInsertion:
            let s = model.setup.conv.stride
            let zeros = s[0] == s[1] ? "\(s[0] - 1)" : "\(s[0] - 1),\(s[1] - 1)"
            return
                "zero insertion: \(zeros) zero\(zeros == "1" ? "" : "s") between cells + padding, conv with flipped kernel  (t)"
        }
    }

    // MARK: Scatter picture

    private static func scatterPanels(
        _ model: TransposeModel, _ computation: TransposeComputation, terms: [ScatterTerm], palette: Palette,
        glyphs: Glyphs
    ) -> [PanelStrip.Panel] {
        let x = glyphs.times
        let step = model.player.step
        let (r, c) = computation.inputCell(ofStep: step)
        let input = computation.input
        let kernel = computation.weight
        let inputScale = model.inputSummary.scale
        let kernelScale = model.kernelSummary.scale
        let outputScale = model.outputSummary.scale
        let kernelColumns = computation.kernelColumns
        let value = input.data[step]

        let inputPanel = PanelStrip.Panel(
            title: "input \(computation.inputRows)\(x)\(computation.inputColumns)", rows: 0..<computation.inputRows,
            columns: 0..<computation.inputColumns, textWidth: max(2, model.inputSummary.textWidth),
            focusRows: r..<(r + 1), focusColumns: c..<(c + 1), joiner: x
        ) { row, column in
            let v = input.data[row * computation.inputColumns + column]
            return (
                NumberText.format(v), row == r && column == c ? palette.highlight : palette.value(v, scale: inputScale)
            )
        }
        let kernelPanel = PanelStrip.Panel(
            title: "kernel \(computation.kernelRows)\(x)\(kernelColumns)", rows: 0..<computation.kernelRows,
            columns: 0..<kernelColumns, textWidth: max(2, model.kernelSummary.textWidth), joiner: "="
        ) { row, column in
            let w = kernel.data[row * kernelColumns + column]
            return (NumberText.format(w), palette.value(w, scale: kernelScale))
        }
        let cropped = terms.filter(\.isCropped).count
        let productWidth = terms.map { NumberText.format($0.product).count }.max() ?? 1
        let scaledPanel = PanelStrip.Panel(
            title: "\(NumberText.format(value))\(x)kernel", rows: 0..<computation.kernelRows,
            columns: 0..<kernelColumns,
            textWidth: max(2, productWidth),
            captions: cropped > 0 ? ["\(cropped) cropped"] : [], joiner: "+\(glyphs.arrow)"
        ) { row, column in
            let term = terms[row * kernelColumns + column]
            return (NumberText.format(term.product), term.isCropped ? palette.padding : palette.highlight)
        }

        // The output, with the border the padding crops drawn around it.
        let extent = computation.scatterExtent
        let rows = min(0, extent[0].lowerBound)..<max(computation.outputRows, extent[0].upperBound)
        let columns = min(0, extent[1].lowerBound)..<max(computation.outputColumns, extent[1].upperBound)
        var landing: [Position: ScatterTerm] = [:]
        for term in terms { landing[Position(row: term.outputRow, column: term.outputColumn)] = term }
        let footRows = (terms.map(\.outputRow).min() ?? 0)..<((terms.map(\.outputRow).max() ?? 0) + 1)
        let footColumns = (terms.map(\.outputColumn).min() ?? 0)..<((terms.map(\.outputColumn).max() ?? 0) + 1)
        let scattered = computation.scatteredSoFar(step: step)
        let padRows = computation.outputPadding[0]
        let padColumns = computation.outputPadding[1]
        let outputRows = computation.outputRows
        let outputColumns = computation.outputColumns
        let croppedLit = CellStyle(
            foreground: palette.padding.foreground, dim: true, reverse: true)
        var captions: [String] = []
        let pads = (try? model.setup.paddingNumbers()) ?? [0, 0]
        if rows != 0..<outputRows || columns != 0..<outputColumns {
            captions.append(pads.contains { $0 > 0 } ? "outside: cropped by padding" : "outside: beyond the output")
        }
        if padRows > 0 || padColumns > 0 {
            captions.append(
                "underlined: output_padding \(padRows == padColumns ? "\(padRows)" : "\(padRows),\(padColumns)")")
        }
        let outputText = max(2, model.outputSummary.textWidth, productWidth)
        let outputPanel = PanelStrip.Panel(
            title: "output \(outputRows)\(x)\(outputColumns) so far", rows: rows, columns: columns,
            textWidth: outputText,
            focusRows: footRows, focusColumns: footColumns, captions: captions
        ) { row, column in
            let here = landing[Position(row: row, column: column)]
            guard (0..<outputRows).contains(row), (0..<outputColumns).contains(column) else {
                if let here { return (NumberText.format(here.product), croppedLit) }
                return ("", palette.padding)
            }
            let running = computation.runningOutput(scattered, step: step, row: row, column: column)
            var style: CellStyle
            let text: String
            if here != nil {
                style = palette.highlight
                text = NumberText.format(running.value)
            } else if !running.reachable {
                style = palette.faint
                text = NumberText.format(running.value)
            } else if !running.reached {
                style = palette.faint
                text = glyphs.pending
            } else {
                style = palette.value(running.value, scale: outputScale)
                text = NumberText.format(running.value)
            }
            if row >= outputRows - padRows || column >= outputColumns - padColumns { style.underline = true }
            return (text, style)
        }
        return [inputPanel, kernelPanel, scaledPanel, outputPanel]
    }

    /// `in[0,1] = 2:  [0,2] += 2×1  [0,3] += 2×2 … [−1,2] cropped`.
    private static func scatterSum(
        _ computation: TransposeComputation, terms: [ScatterTerm], step: Int, width: Int, maxLines: Int,
        palette: Palette, glyphs: Glyphs
    ) -> [[Segment]] {
        let (r, c) = computation.inputCell(ofStep: step)
        let value = computation.input.data[step]
        let pieces = terms.map { term -> Segment in
            let place = "[\(NumberText.format(Double(term.outputRow))),\(NumberText.format(Double(term.outputColumn)))]"
            if term.isCropped {
                return Segment(glyphs.adapt("\(place) cropped"), palette.padding)
            }
            return Segment(
                glyphs.adapt("\(place) += \(PanelStrip.product(term.inputValue, term.weight, glyphs: glyphs))"))
        }
        return ExpressionText.lines(
            opening: [Segment("in[\(r),\(c)] = \(NumberText.format(value)): ", palette.dim)], terms: pieces,
            separator: "  ", closing: [], width: width, maxLines: maxLines, glyphs: glyphs)
    }

    // MARK: Zero-insertion picture

    private static func zeroInsertionPanels(
        _ model: TransposeModel, _ computation: TransposeComputation, trace: ConvTrace, palette: Palette,
        glyphs: Glyphs
    ) -> [PanelStrip.Panel] {
        let x = glyphs.times
        let step = model.player.step
        let pads = computation.zeroInsertionPadding
        let zeroRows = computation.zeroInsertedRows
        let zeroColumns = computation.zeroInsertedColumns
        let rows = -pads[0].before..<(zeroRows + pads[0].after)
        let columns = -pads[1].before..<(zeroColumns + pads[1].after)
        let lit = Set(trace.terms.map { Position(row: $0.row, column: $0.column) })
        let footRows = (trace.terms.map(\.row).min() ?? 0)..<((trace.terms.map(\.row).max() ?? 0) + 1)
        let footColumns = (trace.terms.map(\.column).min() ?? 0)..<((trace.terms.map(\.column).max() ?? 0) + 1)
        let zeroInserted = computation.zeroInserted
        let inputScale = model.inputSummary.scale
        func padText(_ pad: AxisPadding) -> String {
            pad.isSymmetric ? "\(pad.before)" : "\(pad.before); \(pad.after) after"
        }
        let padCaption =
            pads[0] == pads[1]
            ? "pad \(padText(pads[0]))" : "pad rows \(padText(pads[0])); cols \(padText(pads[1]))"
        let op = computation.outputPadding
        var captions = [padCaption]
        if op.contains(where: { $0 > 0 }) {
            captions.append("(output_padding \(op[0] == op[1] ? "\(op[0])" : "\(op[0]),\(op[1])"))")
        }
        let inputPanel = PanelStrip.Panel(
            title: "zeros inserted + pad",
            rows: rows, columns: columns, textWidth: max(1, model.inputSummary.textWidth), focusRows: footRows,
            focusColumns: footColumns, captions: captions, joiner: glyphs.star
        ) { row, column in
            let isLit = lit.contains(Position(row: row, column: column))
            guard (0..<zeroRows).contains(row), (0..<zeroColumns).contains(column) else {
                return ("0", isLit ? palette.highlight : palette.padding)
            }
            let v = zeroInserted.data[row * zeroColumns + column]
            if computation.source(ofZeroInsertedRow: row, column: column) == nil {
                return ("0", isLit ? palette.highlight : palette.faint)
            }
            return (NumberText.format(v), isLit ? palette.highlight : palette.value(v, scale: inputScale))
        }
        let flipped = computation.flippedKernel
        let kernelColumns = computation.kernelColumns
        let kernelScale = model.kernelSummary.scale
        let kernelPanel = PanelStrip.Panel(
            title: "flipped kernel", rows: 0..<computation.kernelRows, columns: 0..<kernelColumns,
            textWidth: max(2, model.kernelSummary.textWidth),
            captions: ["rotated 180\(glyphs.degrees)"],
            joiner: "="
        ) { row, column in
            let w = flipped.data[row * kernelColumns + column]
            return (NumberText.format(w), palette.value(w, scale: kernelScale))
        }
        let output = computation.equivalentOutput
        let outputRows = computation.outputRows
        let outputColumns = computation.outputColumns
        let (currentRow, currentColumn) = computation.outputCell(ofStep: step)
        let outputScale = model.outputSummary.scale
        var outputCaptions: [String] = []
        if op.contains(where: { $0 > 0 }) {
            outputCaptions.append("underlined: output_padding")
        }
        let outputPanel = PanelStrip.Panel(
            title: "output \(outputRows)\(x)\(outputColumns)", rows: 0..<outputRows, columns: 0..<outputColumns,
            textWidth: max(2, model.outputSummary.textWidth), focusRows: currentRow..<(currentRow + 1),
            focusColumns: currentColumn..<(currentColumn + 1), captions: outputCaptions,
            content: { row, column in
                let index = row * outputColumns + column
                let v = output.data[index]
                var style: CellStyle
                let text: String
                if index == step {
                    (text, style) = (NumberText.format(v), palette.highlight)
                } else if index > step {
                    (text, style) = (glyphs.pending, palette.faint)
                } else {
                    (text, style) = (NumberText.format(v), palette.value(v, scale: outputScale))
                }
                if row >= outputRows - op[0] || column >= outputColumns - op[1] { style.underline = true }
                return (text, style)
            },
            target: { row, column in .outputCell(row: row, column: column) })
        return [inputPanel, kernelPanel, outputPanel]
    }

    /// `conv2d(zero-inserted, flipped) = conv_transpose2d(input, kernel): all 64 values equal`.
    private static func equality(_ computation: TransposeComputation, palette: Palette, glyphs: Glyphs) -> [Segment] {
        let count = computation.output.count
        if computation.equivalentMatches {
            return [
                Segment("this conv = conv_transpose2d(input, kernel): ", palette.dim),
                Segment("all \(count) values equal", palette.result),
            ]
        }
        return [Segment("this conv differs from conv_transpose2d(input, kernel)", palette.error)]
    }

    /// The stride-1 convolution's dot product; padding and inserted zeros dim.
    private static func zeroInsertionSum(
        _ computation: TransposeComputation, trace: ConvTrace, label: String, width: Int, maxLines: Int,
        palette: Palette, glyphs: Glyphs
    ) -> [[Segment]] {
        let terms = trace.terms.map { term in
            let zero = term.isPadding || computation.source(ofZeroInsertedRow: term.row, column: term.column) == nil
            return Segment(
                PanelStrip.product(term.inputValue, term.weight, glyphs: glyphs), zero ? palette.padding : .plain)
        }
        return ExpressionText.lines(
            opening: [Segment("\(label): ", palette.dim)], terms: terms, separator: " + ",
            closing: [Segment(" = "), Segment(NumberText.format(trace.value), palette.result)],
            width: width, maxLines: maxLines, glyphs: glyphs)
    }

    // MARK: Footer

    private static func footerStatus(_ model: TransposeModel, label: String?, palette: Palette, glyphs: Glyphs)
        -> [Segment]
    {
        ViewBody.status(
            player: model.player, label: label, refusal: "fix the settings with s/S p/P d/D k/K i/I u/U",
            palette: palette,
            glyphs: glyphs)
    }

    /// A cell position, hashable for footprint sets.
    struct Position: Hashable {
        let row: Int
        let column: Int
    }
}
extension TransposeView: ViewRenderer {}
