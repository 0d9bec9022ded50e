/// A size and drawing of the block font (`BigDigits`): how many half-columns and half-rows one
/// pixel of a glyph takes, and whether it is drawn with block characters or ASCII `#`.
///
/// A glyph is 3 pixels wide (1 for the point, 5 for infinity) and 6 tall. One terminal cell holds
/// 2×2 half-cells, drawn with the half-block and quadrant characters (`▀ ▄ ▌ ▐ ▘ ▝ ▖ ▗ ▚ ▞ ▛ ▜ ▙ ▟ █`),
/// so a face of `horizontal` 2 and `vertical` 1 draws a digit in 3 columns and 3 rows, and
/// `horizontal` 1 gives a condensed digit of 2 columns for values with many digits. In ASCII a
/// half-cell cannot be drawn: both scales are even and every set cell is a `#`.
public struct BigDigitFace: Equatable, Hashable, Sendable {
    /// Half-columns per glyph pixel.
    public let horizontal: Int
    /// Half-rows per glyph pixel.
    public let vertical: Int
    /// `#` for every set cell instead of block characters.
    public let ascii: Bool

    /// A face; scales below 1 become 1.
    public init(horizontal: Int, vertical: Int, ascii: Bool = false) {
        self.horizontal = max(1, horizontal)
        self.vertical = max(1, vertical)
        self.ascii = ascii
    }

    /// Blank columns between two glyphs: one glyph pixel, and at least one column.
    public var gap: Int { max(1, horizontal / 2) }

    /// Text rows of every glyph.
    public var rows: Int { (BigDigits.pixelRows * vertical + 1) / 2 }

    /// The faces that exist, largest first (taller, then wider): glyphs up to 12 rows tall, never
    /// wider than their natural shape (square pixels) nor narrower than half of it.
    public static func ladder(ascii: Bool) -> [BigDigitFace] {
        var faces: [BigDigitFace] = []
        for vertical in stride(from: 4, through: 1, by: -1) {
            for horizontal in stride(from: 2 * vertical, through: vertical, by: -1)
            where !ascii || (horizontal % 2 == 0 && vertical % 2 == 0) {
                faces.append(BigDigitFace(horizontal: horizontal, vertical: vertical, ascii: ascii))
            }
        }
        return faces
    }
}

/// A value drawn in a face: its text rows and the columns each glyph occupies.
public struct BigDigitText: Equatable, Sendable {
    /// Rows of equal width; blanks are background.
    public let lines: [String]
    /// The columns of each glyph, left to right, with at least one blank column between two.
    public let glyphColumns: [Range<Int>]

    /// Columns of the whole text.
    public var width: Int { glyphColumns.last?.upperBound ?? 0 }
}

extension BigDigits {
    /// Pixel rows of every glyph.
    public static let pixelRows = 2 * height

    /// The glyph of a character as pixels (rows of `pixelRows`), or nil when it has none.
    static func pixels(_ scalar: Unicode.Scalar) -> [[Bool]]? {
        guard let glyph = glyphs[scalar] else { return nil }
        var pixels: [[Bool]] = []
        for line in glyph {
            let scalars = Array(line.unicodeScalars)
            pixels.append(scalars.map { $0 == "█" || $0 == "▀" })
            pixels.append(scalars.map { $0 == "█" || $0 == "▄" })
        }
        return pixels
    }

    /// Columns of a glyph in a face, or nil when the character has none.
    static func glyphWidth(_ scalar: Unicode.Scalar, face: BigDigitFace) -> Int? {
        guard let columns = glyphs[scalar]?.first?.unicodeScalars.count else { return nil }
        return (columns * face.horizontal + 1) / 2
    }

    /// Columns of `text` in a face (the face's gap between glyphs), or nil when a character
    /// has no glyph.
    public static func width(_ text: String, face: BigDigitFace) -> Int? {
        var total = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            guard let columns = glyphWidth(scalar, face: face) else { return nil }
            total += columns + (index == 0 ? 0 : face.gap)
        }
        return total
    }

    /// `text` drawn in a face, each glyph in its own columns and the face's gap between two, or
    /// nil when a character has no glyph or the text is longer than 16 characters.
    public static func draw(_ text: String, face: BigDigitFace) -> BigDigitText? {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.isEmpty, scalars.count <= 16 else { return nil }
        var lines = Array(repeating: "", count: face.rows)
        var spans: [Range<Int>] = []
        for (index, scalar) in scalars.enumerated() {
            guard let pixels = pixels(scalar), let columns = glyphWidth(scalar, face: face) else { return nil }
            let start = (spans.last?.upperBound ?? 0) + (index == 0 ? 0 : face.gap)
            let cells = cells(of: pixels, face: face, columns: columns)
            let gap = String(repeating: " ", count: index == 0 ? 0 : face.gap)
            for row in 0..<face.rows { lines[row] += gap + cells[row] }
            spans.append(start..<(start + columns))
        }
        return BigDigitText(lines: lines, glyphColumns: spans)
    }

    /// One glyph's pixels magnified by the face and packed 2×2 half-cells to a character.
    private static func cells(of pixels: [[Bool]], face: BigDigitFace, columns: Int) -> [String] {
        func isSet(_ halfRow: Int, _ halfColumn: Int) -> Bool {
            let row = halfRow / face.vertical
            let column = halfColumn / face.horizontal
            return row < pixels.count && column < pixels[row].count && pixels[row][column]
        }
        return (0..<face.rows).map { row in
            String(
                String.UnicodeScalarView(
                    (0..<columns).map { column -> Unicode.Scalar in
                        let bits =
                            (isSet(2 * row, 2 * column) ? 8 : 0) | (isSet(2 * row, 2 * column + 1) ? 4 : 0)
                            | (isSet(2 * row + 1, 2 * column) ? 2 : 0) | (isSet(2 * row + 1, 2 * column + 1) ? 1 : 0)
                        if face.ascii { return bits == 0 ? " " : "#" }
                        return quadrants[bits]
                    }))
        }
    }

    /// The character of each set of quadrants: bit 8 upper left, 4 upper right, 2 lower left, 1 lower right.
    private static let quadrants: [Unicode.Scalar] = [
        " ", "▗", "▖", "▄", "▝", "▐", "▞", "▟", "▘", "▚", "▌", "▙", "▀", "▜", "▛", "█",
    ]
}
