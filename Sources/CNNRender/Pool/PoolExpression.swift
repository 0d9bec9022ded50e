import CNNCore
import CNNSandbox

/// The written-out pooling of one output, from its trace: `max(1, 1, 5, 6) = 6` with the winner
/// marked, or `(1 + 1 + 5 + 6) / 4 = 3.25` with a line saying what the divisor counts.
public enum PoolExpression {
    /// Lines for a window (or the whole-plane window of global pooling).
    /// `region` names what the window covers in the divisor line ("window" or "plane").
    public static func lines(
        trace: PoolTrace, label: String, region: String = "window", width: Int, maxLines: Int, palette: Palette,
        glyphs: Glyphs
    ) -> [[Segment]] {
        switch trace.kind {
        case .max:
            return maxExpression(
                trace: trace, label: label, width: width, maxLines: maxLines, palette: palette, glyphs: glyphs)
        case .average:
            return averageExpression(
                trace: trace, label: label, region: region, width: width, maxLines: maxLines, palette: palette,
                glyphs: glyphs)
        }
    }

    /// `out[0,0] = max(1, 1, 5, 6) = 6`, then `⋆ winner: input[1,1] (index 5)`.
    static func maxExpression(
        trace: PoolTrace, label: String, width: Int, maxLines: Int, palette: Palette, glyphs: Glyphs
    ) -> [[Segment]] {
        var terms: [Segment] = []
        for (index, cell) in trace.cells.enumerated() where !cell.isBeyondPadding {
            if index == trace.winner {
                terms.append(Segment(NumberText.format(cell.value), CellStyle(bold: true, underline: true)))
            } else if cell.isPadding {
                terms.append(Segment(glyphs.negativeInfinity, palette.padding))
            } else {
                terms.append(Segment(NumberText.format(cell.value)))
            }
        }
        var lines = ExpressionText.lines(
            opening: [Segment("\(label) = ", palette.dim), Segment("max(")], terms: closed(terms, glyphs: glyphs),
            separator: ", ",
            closing: [Segment(" = "), Segment(NumberText.format(trace.value), palette.result)],
            width: width, maxLines: max(1, maxLines - 1), glyphs: glyphs)
        if let winner = trace.winner {
            let cell = trace.cells[winner]
            let ties = trace.cells.filter { !$0.isPadding && $0.value == cell.value }.count
            var text = "winner: input[\(cell.row),\(cell.column)]"
            if let flat = trace.winnerFlatIndex { text += ", PyTorch index \(flat)" }
            if ties > 1 { text += "; \(ties) cells tie, the first in reading order wins" }
            let wrapped = TextWrap.lines(text, width: max(10, width - 2))
            lines.append([Segment(glyphs.star, palette.winner), Segment(" " + wrapped[0], palette.dim)])
            lines += wrapped.dropFirst().map { [Segment("  " + $0, palette.dim)] }
        }
        return lines
    }

    /// The terms with the closing parenthesis attached to the last one, so that it never
    /// starts a line of its own. Very long lists (a global window) keep their first and last
    /// terms and say how many are hidden, so a frame never lays out thousands of terms.
    static func closed(_ terms: [Segment], glyphs: Glyphs) -> [Segment] {
        guard let last = terms.last else { return [Segment(")")] }
        var shown = Array(terms.dropLast())
        if shown.count > 40 {
            let hidden = shown.count - 24
            shown =
                Array(shown.prefix(16)) + [
                    Segment("\(glyphs.ellipsis)\(hidden) more\(glyphs.ellipsis)", CellStyle(dim: true))
                ] + Array(shown.suffix(8))
        }
        return shown + [Segment(last.text + ")", last.style)]
    }

    /// `out[0,0] = (1 + 1 + 5 + 6) / 4 = 3.25`, then what the divisor counts.
    static func averageExpression(
        trace: PoolTrace, label: String, region: String, width: Int, maxLines: Int, palette: Palette, glyphs: Glyphs
    ) -> [[Segment]] {
        let divisor = trace.divisor ?? 0
        let inside = trace.cells.filter { !$0.isPadding }.count
        let padding = trace.cells.filter { $0.isPadding && !$0.isBeyondPadding }.count
        let beyond = trace.cells.filter(\.isBeyondPadding).count
        let paddingCounted = divisor > inside
        var terms: [Segment] = []
        for cell in trace.cells where !cell.isBeyondPadding {
            if cell.isPadding {
                if paddingCounted { terms.append(Segment(NumberText.format(cell.value), palette.padding)) }
            } else {
                terms.append(Segment(NumberText.format(cell.value)))
            }
        }
        var lines = ExpressionText.lines(
            opening: [Segment("\(label) = ", palette.dim), Segment("(")], terms: closed(terms, glyphs: glyphs),
            separator: " + ",
            closing: [Segment(" / \(divisor) = "), Segment(NumberText.format(trace.value), palette.result)],
            width: width, maxLines: max(1, maxLines - 1), glyphs: glyphs)
        func cells(_ count: Int, _ noun: String) -> String { "\(count) \(noun) cell\(count == 1 ? "" : "s")" }
        var text: String
        if padding == 0 {
            text = "divisor \(divisor): the \(cells(inside, "input")) of the \(region)"
        } else if paddingCounted {
            text =
                "divisor \(divisor) = \(cells(inside, "input")) + \(cells(padding, "padding")) (count_include_pad on)"
        } else {
            text =
                "divisor \(divisor) = the \(cells(inside, "input")) only; \(padding) padding left out (count_include_pad off)"
        }
        if beyond > 0 {
            text += "; \(beyond) past the padding never count"
        }
        lines += TextWrap.lines(text, width: width).map { [Segment($0, palette.dim)] }
        return lines
    }
}
