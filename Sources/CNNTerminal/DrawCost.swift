/// The fewest bytes a terminal needs to show a set of changed cells — the yardstick the bytes
/// actually written are measured against (issue 11: at most 1.5× this). Pure.
///
/// Defined per draw as the sum, over each changed run the screen sends, of
/// - one absolute cursor move to its first cell, `ESC [ row ; column H` (4 bytes + the digits);
/// - the UTF-8 bytes of its characters (a wide character once);
/// - one SGR sequence each time the style differs from the one before it in the draw (the
///   draw starts from the plain style), setting the whole style from a reset:
///   `ESC [ 0 ; attributes ; colours m`, with a colour as `38;5;N`/`48;5;N` on 256-colour
///   terminals and `3N`/`4N` on 8-colour ones, or `ESC [ m` (3 bytes) back to plain;
/// - and, when the draw ends in a style other than plain, one `ESC [ m` (3 bytes).
/// A terminal driver can sometimes do better (relative moves, runs that touch), so the ratio
/// written/minimum may fall below 1.
struct DrawCost: Equatable, Sendable {
    /// Cells whose content or style changed (a wide character counts once).
    var changedCells = 0
    /// Changed runs.
    var runs = 0
    /// The minimum bytes, as defined above.
    var minimumBytes = 0

    /// The cost of one run at 0-based `row`, `column`, sending `items`, whose resolved styles
    /// are given by `styleBytes` (the SGR length for a style, 0 for the plain style) and
    /// compared with `sameStyle`. `current` is the style in effect before the run; it is
    /// updated to the style after it.
    mutating func add<Style: Equatable>(
        row: Int, column: Int, items: [(bytes: Int, style: Style)], current: inout Style,
        styleBytes: (Style) -> Int
    ) {
        guard !items.isEmpty else { return }
        runs += 1
        minimumBytes += 4 + Self.digits(row + 1) + Self.digits(column + 1)
        for item in items {
            changedCells += 1
            if item.style != current {
                minimumBytes += styleBytes(item.style)
                current = item.style
            }
            minimumBytes += item.bytes
        }
    }

    /// Adds the final reset when the draw ends in a style other than plain.
    mutating func finish<Style: Equatable>(current: Style, plain: Style) {
        if current != plain { minimumBytes += 3 }
    }

    /// The length of the SGR sequence that sets a style from a reset: `ESC [ 0` + `;1` bold +
    /// `;2` dim + `;7` reverse + `;4` underline + the colours + `m`; `ESC [ m` (3) for the plain style.
    static func sgrBytes(
        bold: Bool, dim: Bool, reverse: Bool, underline: Bool, foreground: Int?, background: Int?, colors: Int
    ) -> Int {
        let attributes = [bold, dim, reverse, underline].filter { $0 }.count
        guard attributes > 0 || foreground != nil || background != nil else { return 3 }
        var length = 3 + 2 * attributes + 1  // ESC [ 0 … m
        for color in [foreground, background].compactMap({ $0 }) {
            length += colors >= 256 ? 1 + 5 + digits(color) : 3  // ;38;5;N or ;3N
        }
        return length
    }

    /// Decimal digits of a non-negative number.
    static func digits(_ number: Int) -> Int {
        var count = 1
        var rest = number / 10
        while rest > 0 {
            count += 1
            rest /= 10
        }
        return count
    }
}
