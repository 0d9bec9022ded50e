/// How the values of one grid are lettered in classroom mode: the block-font face every cell
/// uses, chosen once per grid from the cell size and all the grid's texts, so digits keep one
/// size from cell to cell whether a cell is highlighted (framed) or not.
public struct CellLettering: Equatable, Sendable {
    /// The face of every value that has glyphs and fits; nil draws plain text.
    public let face: BigDigitFace?

    /// The largest face in which every text of the grid fits its cell: one blank column inside
    /// each edge of the cell, the digits' height within the cell's. Texts too long even for the
    /// smallest face are left out of the choice (they are drawn as plain text); a leading marker
    /// (the star) is not part of the value.
    public init(width: Int, height: Int, texts: some Sequence<String>, glyphs: Glyphs) {
        let ladder = BigDigitFace.ladder(ascii: glyphs == .ascii)
        var values = Set<String>()
        for text in texts { values.insert(CellLettering.split(text, glyphs: glyphs).value) }
        guard let smallest = ladder.last, smallest.rows <= height, width >= 3 else {
            self.face = nil
            return
        }
        let fitting = values.filter { value in
            BigDigits.width(value, face: smallest).map { $0 <= width - 2 } ?? false
        }
        let face = ladder.first { face in
            face.rows <= height
                && fitting.allSatisfy { (BigDigits.width($0, face: face) ?? .max) <= width - 2 }
        }
        self.face = fitting.isEmpty ? nil : face
    }

    /// A cell's text split into a leading marker (the star, drawn small) and the value.
    static func split(_ text: String, glyphs: Glyphs) -> (marker: String?, value: String) {
        let markers = [Glyphs.unicode.star, Glyphs.ascii.star, glyphs.star]
        for marker in markers where text.hasPrefix(marker) && text.count > marker.count {
            return (marker, String(text.dropFirst(marker.count)))
        }
        return (nil, text)
    }
}
