import CNNCore
import CNNSandbox

/// Draws the backward pass of a convolution with the same sliding machinery as the forward
/// view: `dL/dK` tap by tap (`dL/dY` sliding over the input, products written out) or `dL/dX`
/// cell by cell (the flipped kernel sliding over the zero-padded `dL/dY`), under a header that
/// states the duality. Every number comes from the model's core computation and traces.
public enum BackpropView {
    /// The status line's key hints: this view's own keys first.
    static let hints = "x dL/dK or dL/dX  y new dL/dY  ? keys"
    /// Draws one frame of the model at a size.
    public static func body(_ model: BackpropModel, width: Int, height: Int, options: RenderOptions) -> ViewBody {
        var canvas = Canvas(width: width, height: height)
        let palette = Palette(options: options)
        let glyphs = options.glyphs
        let geometry = ConvGeometryText(setup: model.setup)
        canvas.put(geometry.status(glyphs: glyphs), row: 0, column: 1, style: CellStyle(bold: true))
        let star = glyphs.star
        canvas.put(
            glyphs.adapt("forward Y = X \(star) K;  dL/dK = X \(star) dL/dY;  dL/dX = padded dL/dY \(star) flipped K"),
            row: 1, column: 1)
        canvas.put(
            glyphs.adapt("(\(star) is cross-correlation; the last one is the full convolution of dL/dY with K)"),
            row: 2, column: 1, style: palette.dim)
        var row = 3
        if model.mode == .input, let computation = model.computation {
            canvas.put(flipLine(computation, width: width - 2, glyphs: glyphs), row: row, column: 1)
            row += 1
        }
        canvas.put(glyphs.adapt(modeLine(model.mode)), row: row, column: 1, style: palette.note)
        row += height >= 28 ? 2 : 1
        let footerRow = height
        guard let computation = model.computation else {
            let refusal = RefusalBox(
                model.errorMessage ?? "invalid setup", top: row, left: 1, width: min(width - 2, 60),
                maxHeight: max(4, footerRow - row - 1))
            let status = footerStatus(model, label: nil, palette: palette, glyphs: glyphs)
            return ViewBody(canvas: canvas, status: status, hints: BackpropView.hints, refusals: [refusal])
        }
        let step = model.player.step
        let maxLines = height >= 28 ? 4 : 3
        let panels: [PanelStrip.Panel]
        let sum: [[Segment]]
        let label: String
        switch model.mode {
        case .weight:
            let trace = computation.weightTrace(step: step)
            let (r, c) = computation.tap(ofStep: step)
            label = "dL/dK[\(r),\(c)]"
            panels = weightPanels(model, computation, trace: trace, palette: palette, glyphs: glyphs)
            let terms = trace.terms.map { term in
                Segment(
                    PanelStrip.product(term.factor, term.gradient, glyphs: glyphs),
                    term.isPadding ? palette.padding : .plain)
            }
            sum = ExpressionText.lines(
                opening: [Segment("\(label) = \(glyphs.adapt("Σ")) x\(glyphs.times)dL/dY: ", palette.dim)],
                terms: terms,
                separator: " + ", closing: [Segment(" = "), Segment(NumberText.format(trace.value), palette.result)],
                width: width - 2, maxLines: maxLines, glyphs: glyphs)
        case .input:
            let gradientTrace = computation.inputTrace(step: step)
            let (r, c) = computation.inputCell(ofStep: step)
            label = "dL/dX[\(r),\(c)]"
            let full = computation.fullConvolutionTrace(step: step)
            panels = inputPanels(
                model, computation, trace: full, gradientTrace: gradientTrace, palette: palette, glyphs: glyphs)
            let terms: [Segment]
            if let full {
                terms = full.terms.map { term in
                    let zero = term.isPadding || computation.gradientSource(row: term.row, column: term.column) == nil
                    return Segment(
                        PanelStrip.product(term.inputValue, term.weight, glyphs: glyphs),
                        zero ? palette.padding : .plain)
                }
            } else {
                terms = gradientTrace.terms.map { Segment(PanelStrip.product($0.gradient, $0.factor, glyphs: glyphs)) }
            }
            sum = ExpressionText.lines(
                opening: [Segment("\(label) = dL/dY\(glyphs.times)flipped K: ", palette.dim)], terms: terms,
                separator: " + ",
                closing: [Segment(" = "), Segment(NumberText.format(gradientTrace.value), palette.result)],
                width: width - 2, maxLines: maxLines, glyphs: glyphs)
        }
        let status = footerStatus(model, label: label, palette: palette, glyphs: glyphs)
        let lowestTop = footerRow - 1 - sum.count
        let drawn = PanelStrip.draw(
            panels, top: row, height: max(3, lowestTop - 1 - row), slack: 1, width: width, into: &canvas,
            palette: palette, options: options)
        ExpressionText.draw(sum, into: &canvas, row: min(lowestTop, drawn.bottom + 1), column: 1)
        return ViewBody(canvas: canvas, status: status, hints: BackpropView.hints, refusals: drawn.refusals)
    }

    static func modeLine(_ mode: BackpropModel.Mode) -> String {
        switch mode {
        case .weight: return "dL/dK: dL/dY slides over the input, one kernel tap per step  (x: dL/dX)"
        case .input: return "dL/dX: the flipped kernel slides over the zero-padded dL/dY  (x: dL/dK)"
        }
    }

    /// `K = [[1,2,3],[4,5,6],[7,8,9]] → flipped [[9,8,7],[6,5,4],[3,2,1]]`, cut to the width.
    static func flipLine(_ computation: BackpropComputation, width: Int, glyphs: Glyphs) -> String {
        func rows(_ tensor: Tensor) -> String {
            let columns = tensor.shape[3]
            let lines = stride(from: 0, to: tensor.count, by: columns).map { start in
                "[" + tensor.data[start..<(start + columns)].map(NumberText.format).joined(separator: ",") + "]"
            }
            return "[" + lines.joined(separator: ",") + "]"
        }
        let text = "K = \(rows(computation.weight)) \(glyphs.arrow) flipped \(rows(computation.flippedKernel))"
        guard text.unicodeScalars.count > width else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(max(0, width - glyphs.ellipsis.count))))
            + glyphs.ellipsis
    }

    // MARK: dL/dK

    private static func weightPanels(
        _ model: BackpropModel, _ computation: BackpropComputation, trace: GradientTrace, palette: Palette,
        glyphs: Glyphs
    ) -> [PanelStrip.Panel] {
        let x = glyphs.times
        let step = model.player.step
        let axes = computation.layer.axes
        let inputRows = computation.inputRows
        let inputColumns = computation.inputColumns
        let rows = -axes[0].padding.before..<(inputRows + axes[0].padding.after)
        let columns = -axes[1].padding.before..<(inputColumns + axes[1].padding.after)
        let lit = Set(trace.terms.map { Position(row: $0.inputRow, column: $0.inputColumn) })
        let footRows = (trace.terms.map(\.inputRow).min() ?? 0)..<((trace.terms.map(\.inputRow).max() ?? 0) + 1)
        let footColumns =
            (trace.terms.map(\.inputColumn).min() ?? 0)..<((trace.terms.map(\.inputColumn).max() ?? 0) + 1)
        let input = computation.input
        let gradient = computation.gradOutput
        let result = computation.gradients.weight
        let inputScale = model.inputSummary.scale
        let gradientScale = model.gradientSummary.scale
        let resultScale = model.resultSummary.scale
        let padded = rows != 0..<inputRows || columns != 0..<inputColumns
        let outputColumns = computation.outputColumns
        let kernelColumns = computation.kernelColumns
        let (tapRow, tapColumn) = computation.tap(ofStep: step)
        return [
            PanelStrip.Panel(
                title: "X \(inputRows)\(x)\(inputColumns)\(padded ? " + pad" : "")", rows: rows, columns: columns,
                textWidth: max(2, model.inputSummary.textWidth), focusRows: footRows, focusColumns: footColumns,
                joiner: glyphs.star
            ) { row, column in
                let isLit = lit.contains(Position(row: row, column: column))
                guard (0..<inputRows).contains(row), (0..<inputColumns).contains(column) else {
                    return ("0", isLit ? palette.highlight : palette.padding)
                }
                let v = input.data[row * inputColumns + column]
                return (NumberText.format(v), isLit ? palette.highlight : palette.value(v, scale: inputScale))
            },
            PanelStrip.Panel(
                title: "dL/dY \(computation.outputRows)\(x)\(outputColumns)", rows: 0..<computation.outputRows,
                columns: 0..<outputColumns, textWidth: max(2, model.gradientSummary.textWidth),
                captions: ["y: new dL/dY"], joiner: "="
            ) { row, column in
                let g = gradient.data[row * outputColumns + column]
                return (NumberText.format(g), palette.value(g, scale: gradientScale))
            },
            PanelStrip.Panel(
                title: "dL/dK \(computation.kernelRows)\(x)\(kernelColumns)", rows: 0..<computation.kernelRows,
                columns: 0..<kernelColumns, textWidth: max(2, model.resultSummary.textWidth),
                focusRows: tapRow..<(tapRow + 1), focusColumns: tapColumn..<(tapColumn + 1)
            ) { row, column in
                let index = row * kernelColumns + column
                let v = result.data[index]
                if index == step { return (NumberText.format(v), palette.highlight) }
                if index > step { return (glyphs.pending, palette.faint) }
                return (NumberText.format(v), palette.value(v, scale: resultScale))
            },
        ]
    }

    // MARK: dL/dX

    private static func inputPanels(
        _ model: BackpropModel, _ computation: BackpropComputation, trace: ConvTrace?,
        gradientTrace: GradientTrace,
        palette: Palette, glyphs: Glyphs
    ) -> [PanelStrip.Panel] {
        let x = glyphs.times
        let step = model.player.step
        let gradientScale = model.gradientSummary.scale
        let kernelScale = model.kernelSummary.scale
        let resultScale = model.resultSummary.scale
        var panels: [PanelStrip.Panel] = []
        switch computation.fullConvolution {
        case .success(let full):
            let pads = full.layer.axes.map(\.padding)
            let gridRows = full.input.shape[2]
            let gridColumns = full.input.shape[3]
            let rows = -pads[0].before..<(gridRows + pads[0].after)
            let columns = -pads[1].before..<(gridColumns + pads[1].after)
            let terms = trace?.terms ?? []
            let lit = Set(terms.map { Position(row: $0.row, column: $0.column) })
            let footRows = (terms.map(\.row).min() ?? 0)..<((terms.map(\.row).max() ?? 0) + 1)
            let footColumns = (terms.map(\.column).min() ?? 0)..<((terms.map(\.column).max() ?? 0) + 1)
            let stride = model.setup.stride
            let title = stride == [1, 1] ? "dL/dY + pad" : "dL/dY, zeros inserted + pad"
            panels.append(
                PanelStrip.Panel(
                    title: title, rows: rows, columns: columns, textWidth: max(2, model.gradientSummary.textWidth),
                    focusRows: footRows, focusColumns: footColumns, joiner: glyphs.star
                ) { row, column in
                    let isLit = lit.contains(Position(row: row, column: column))
                    guard (0..<gridRows).contains(row), (0..<gridColumns).contains(column) else {
                        return ("0", isLit ? palette.highlight : palette.padding)
                    }
                    let g = full.input.data[row * gridColumns + column]
                    if computation.gradientSource(row: row, column: column) == nil {
                        return ("0", isLit ? palette.highlight : palette.faint)
                    }
                    return (NumberText.format(g), isLit ? palette.highlight : palette.value(g, scale: gradientScale))
                })
        case .failure(let error):
            panels.append(
                .refusal(
                    "dL/dX has no zero-padded picture here: \(error.message). The sum below lists the windows that read this cell.",
                    title: "dL/dY"))
            panels[0].joiner = glyphs.star
        }
        let flipped = computation.flippedKernel
        let kernelColumns = computation.kernelColumns
        panels.append(
            PanelStrip.Panel(
                title: "flipped K", rows: 0..<computation.kernelRows, columns: 0..<kernelColumns,
                textWidth: max(2, model.kernelSummary.textWidth),
                captions: ["K rotated 180\(glyphs.degrees)"], joiner: "="
            ) { row, column in
                let w = flipped.data[row * kernelColumns + column]
                return (NumberText.format(w), palette.value(w, scale: kernelScale))
            })
        let result = computation.gradients.input
        let inputColumns = computation.inputColumns
        let (currentRow, currentColumn) = computation.inputCell(ofStep: step)
        panels.append(
            PanelStrip.Panel(
                title: "dL/dX \(computation.inputRows)\(x)\(inputColumns)", rows: 0..<computation.inputRows,
                columns: 0..<inputColumns, textWidth: max(2, model.resultSummary.textWidth),
                focusRows: currentRow..<(currentRow + 1), focusColumns: currentColumn..<(currentColumn + 1)
            ) { row, column in
                let index = row * inputColumns + column
                let v = result.data[index]
                if index == step { return (NumberText.format(v), palette.highlight) }
                if index > step { return (glyphs.pending, palette.faint) }
                return (NumberText.format(v), palette.value(v, scale: resultScale))
            })
        return panels
    }

    private static func footerStatus(_ model: BackpropModel, label: String?, palette: Palette, glyphs: Glyphs)
        -> [Segment]
    {
        ViewBody.status(
            player: model.player, label: label, refusal: "fix the settings with s/S p/P d/D k/K i/I o",
            palette: palette,
            glyphs: glyphs)
    }

    /// A cell position, hashable for footprint sets.
    struct Position: Hashable {
        let row: Int
        let column: Int
    }
}
extension BackpropView: ViewRenderer {}
