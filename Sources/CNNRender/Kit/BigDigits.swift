import CNNSandbox

/// A block-glyph font for numbers three rows tall, for classroom mode: digits, the sign, the
/// decimal point, the pending dot, the winner's star and infinity, drawn with full and half
/// blocks so they read from the back of a room.
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
        "⋆": ["▄ ▄", " █ ", "▀ ▀"],
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
    /// `scale` columns wide): every half-block pixel becomes a square of `scale` by `scale`.
    public static func rows(_ text: String, scale: Int) -> [String]? {
        guard let small = rows(text) else { return nil }
        let scale = max(1, scale)
        guard scale > 1 else { return small }
        // Pixels: two per glyph row (upper and lower half).
        var pixels: [[Bool]] = []
        for line in small {
            let scalars = Array(line.unicodeScalars)
            pixels.append(scalars.map { $0 == "█" || $0 == "▀" })
            pixels.append(scalars.map { $0 == "█" || $0 == "▄" })
        }
        let grown = pixels.flatMap { row in
            Array(repeating: row.flatMap { Array(repeating: $0, count: scale) }, count: scale)
        }
        return stride(from: 0, to: grown.count, by: 2).map { top in
            String(
                String.UnicodeScalarView(
                    zip(grown[top], grown[top + 1]).map { upper, lower -> Unicode.Scalar in
                        switch (upper, lower) {
                        case (true, true): "█"
                        case (true, false): "▀"
                        case (false, true): "▄"
                        case (false, false): " "
                        }
                    }))
        }
    }
}
