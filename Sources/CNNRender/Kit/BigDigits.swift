import CNNSandbox

/// A block-glyph font for numbers three rows tall, for classroom mode: digits, the sign, the
/// decimal point, the pending dot and infinity's `∞` fallback, drawn with full and half blocks
/// so they read from the back of a room.
public enum BigDigits {
    /// Rows of every glyph.
    public static let height = 3

    /// The glyphs: three strings (top, middle, bottom) of equal width.
    private static let glyphs: [Unicode.Scalar: [String]] = [
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
}
