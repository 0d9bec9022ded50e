import CNNSandbox

/// A run of text in one style.
public struct Segment: Hashable, Sendable {
    public var text: String
    public var style: CellStyle

    /// Creates a segment.
    public init(_ text: String, _ style: CellStyle = .plain) {
        self.text = text
        self.style = style
    }

    /// Screen columns (one per scalar).
    public var width: Int { text.unicodeScalars.count }
}

/// Lays out a long written-out computation — `0×0 + 1×1 + 3×2 + 4×3 = 19`, `max(4, 5, 7, 8) = 8` —
/// over at most a few lines, breaking between terms, and eliding middle terms when even that is
/// not enough (the count of hidden terms is said).
public enum ExpressionText {
    /// Wraps `opening`, the `terms` joined by `separator`, and `closing` into lines of at most `width` columns.
    public static func lines(
        opening: [Segment] = [], terms: [Segment], separator: String, closing: [Segment],
        width: Int, maxLines: Int, glyphs: Glyphs
    ) -> [[Segment]] {
        let width = max(10, width)
        var shown = terms
        // Every term with its separator takes at least `narrowest` columns, so showing more than
        // `fitting` terms cannot fit in `maxLines` lines: start hiding from there (the same lines
        // as hiding one term at a time from the start, without laying out the long forms).
        let narrowest = max(1, (terms.lazy.map(\.width).min() ?? 1) + separator.count)
        let fitting = max(3, max(1, maxLines) * (width / narrowest + 1) + 3)
        var hidden = max(0, terms.count - fitting)
        if hidden > 0 { shown = elided(terms, hiding: hidden, glyphs: glyphs) }
        while true {
            let laidOut = wrap(opening: opening, terms: shown, separator: separator, closing: closing, width: width)
            if laidOut.count <= maxLines || shown.count <= 3 { return Array(laidOut.prefix(maxLines)) }
            // Hide one more term from the middle and say how many are hidden.
            hidden += 1
            shown = elided(terms, hiding: hidden, glyphs: glyphs)
        }
    }

    /// `terms` with `hidden` of them replaced, in the middle, by one segment saying how many.
    private static func elided(_ terms: [Segment], hiding hidden: Int, glyphs: Glyphs) -> [Segment] {
        let keepHead = (terms.count - hidden + 1) / 2
        let keepTail = terms.count - hidden - keepHead
        return Array(terms.prefix(keepHead))
            + [Segment("\(glyphs.ellipsis)\(hidden) more\(glyphs.ellipsis)", CellStyle(dim: true))]
            + Array(terms.suffix(keepTail))
    }

    private static func wrap(
        opening: [Segment], terms: [Segment], separator: String, closing: [Segment], width: Int
    ) -> [[Segment]] {
        var lines: [[Segment]] = [[]]
        var used = 0
        func append(_ segment: Segment) {
            if used + segment.width > width && used > 0 {
                lines.append([])
                used = 0
            }
            lines[lines.count - 1].append(segment)
            used += segment.width
        }
        for segment in opening { append(segment) }
        for (index, term) in terms.enumerated() {
            let joiner = index < terms.count - 1 ? separator : ""
            var piece = term
            // Keep the separator with its term so lines never start with "+".
            if !joiner.isEmpty {
                if used + term.width + joiner.count > width && used > 0 {
                    lines.append([])
                    used = 0
                }
                lines[lines.count - 1].append(piece)
                lines[lines.count - 1].append(Segment(joiner))
                used += piece.width + joiner.count
                piece = Segment("")
            } else {
                append(piece)
            }
        }
        // Keep the closing (e.g. "= 19") together.
        let closingWidth = closing.reduce(0) { $0 + $1.width }
        if used + closingWidth > width && used > 0 {
            lines.append([])
        }
        lines[lines.count - 1].append(contentsOf: closing)
        return lines
    }

    /// Draws lines of segments starting at a position.
    public static func draw(_ lines: [[Segment]], into canvas: inout Canvas, row: Int, column: Int) {
        for (offset, line) in lines.enumerated() {
            var x = column
            for segment in line {
                x = canvas.put(segment.text, row: row + offset, column: x, style: segment.style)
            }
        }
    }
}
