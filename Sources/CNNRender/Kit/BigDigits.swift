import CNNSandbox

/// A block-glyph font for numbers three rows tall, for classroom mode: digits, the sign, the
/// decimal point, the exponent, the pending dot and infinity, drawn with full and half blocks so
/// they read from the back of a room. Markers that are not part of a number (the pool winner's
/// star) have no glyph: a cell draws them small in its corner (`GridCellBlock`), so that they
/// never read as a digit or an operator. `BigDigitFace` draws the font larger or condensed.
public enum BigDigits {
    /// Rows of every glyph.
    public static let height = 3

    /// The glyphs: three strings (top, middle, bottom) of equal width.
    static let glyphs: [Unicode.Scalar: [String]] = [
        "0": ["█▀█", "█ █", "█▄█"],
        "1": ["▀█ ", " █ ", "▄█▄"],
        "2": ["▀▀█", "█▀▀", "█▄▄"],
        "3": ["▀▀█", " ▀█", "▄▄█"],
        "4": ["█ █", "▀▀█", "  █"],
        "5": ["█▀▀", "▀▀█", "▄▄█"],
        "6": ["█▀▀", "█▀█", "█▄█"],
        "7": ["▀▀█", "  █", "  █"],
        "8": ["█▀█", "█▀█", "█▄█"],
        "9": ["█▀█", "▀▀█", "▄▄█"],
        "-": ["   ", "▀▀▀", "   "],
        "−": ["   ", "▀▀▀", "   "],
        "+": [" ▄ ", "▀█▀", "   "],
        ".": [" ", " ", "▄"],
        "·": [" ", "▄", " "],
        "e": ["   ", "█▀█", "█▄▄"],
        "∞": [" ▄ ▄ ", "█ █ █", " ▀ ▀ "],
    ]

    /// The three rows of `text` in the font (one blank column between glyphs), or nil when a
    /// character has no glyph.
    public static func rows(_ text: String) -> [String]? {
        var rows = ["", "", ""]
        for (index, scalar) in text.unicodeScalars.enumerated() {
            guard let glyph = glyphs[scalar] else { return nil }
            for line in 0..<height { rows[line] += (index == 0 ? "" : " ") + glyph[line] }
        }
        return rows
    }

    /// The width of `text` in the font, or nil when a character has no glyph.
    public static func width(_ text: String) -> Int? {
        rows(text)?.first?.unicodeScalars.count
    }

    /// The rows of `text` in the font magnified `scale` times (3·scale rows, each glyph column
    /// `scale` columns wide, `scale` blank columns between glyphs).
    public static func rows(_ text: String, scale: Int) -> [String]? {
        let scale = max(1, scale)
        return draw(text, face: BigDigitFace(horizontal: 2 * scale, vertical: scale))?.lines
    }
}
