import CNNSandbox

/// Breaks prose into lines of at most `width` columns at spaces.
public enum TextWrap {
    /// The wrapped lines; words longer than the width are cut.
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                while word.unicodeScalars.count > width {
                    if !line.isEmpty {
                        result.append(line)
                        line = ""
                    }
                    result.append(String(String.UnicodeScalarView(word.unicodeScalars.prefix(width))))
                    word = String(String.UnicodeScalarView(word.unicodeScalars.dropFirst(width)))
                }
                if line.isEmpty {
                    line = word
                } else if line.unicodeScalars.count + 1 + word.unicodeScalars.count <= width {
                    line += " " + word
                } else {
                    result.append(line)
                    line = word
                }
            }
            result.append(line)
        }
        return result
    }

    /// `text` when it fits in `width` columns; otherwise its longest run of whole words that fits
    /// with the ellipsis after it (a single long word is cut where it must be).
    public static func cut(_ text: String, width: Int, glyphs: Glyphs) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > width else { return text }
        let room = max(0, width - glyphs.ellipsis.unicodeScalars.count)
        var end = room
        while end > 0 && scalars[end] != " " { end -= 1 }
        if end < room / 2 { end = room }
        var kept = String(String.UnicodeScalarView(scalars[0..<end]))
        while kept.hasSuffix(" ") || kept.hasSuffix(":") || kept.hasSuffix(",") || kept.hasSuffix("·") {
            kept.removeLast()
        }
        return kept + glyphs.ellipsis
    }
}
