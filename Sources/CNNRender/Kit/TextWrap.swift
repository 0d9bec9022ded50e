import CNNSandbox

/// Breaks prose into lines of at most `width` terminal columns at spaces, measuring text by
/// its display width (`DisplayWidth`: CJK and emoji take two columns, combining marks none).
public enum TextWrap {
    /// The wrapped lines; words wider than the width are cut (a line always takes at least one
    /// character, so a two-column character in a one-column width still makes progress).
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let linesBefore = result.count
            var line = ""
            var lineWidth = 0
            for piece in paragraph.split(separator: " ") {
                var word = Substring(piece).unicodeScalars
                var wordWidth = DisplayWidth.of(word)
                while wordWidth > width {
                    if !line.isEmpty {
                        result.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    let cut = prefixEnd(of: word, fitting: width)
                    result.append(String(String.UnicodeScalarView(word[..<cut])))
                    word = word[cut...]
                    wordWidth = DisplayWidth.of(word)
                }
                if word.isEmpty { continue }  // a cut used it all (a wide character in a 1-column width)
                let text = String(String.UnicodeScalarView(word))
                if line.isEmpty {
                    line = text
                    lineWidth = wordWidth
                } else if lineWidth + 1 + wordWidth <= width {
                    line += " " + text
                    lineWidth += 1 + wordWidth
                } else {
                    result.append(line)
                    line = text
                    lineWidth = wordWidth
                }
            }
            if !line.isEmpty || result.count == linesBefore { result.append(line) }
        }
        return result
    }

    /// The end of the longest prefix of `scalars` no wider than `width` (at least one scalar,
    /// with the zero-width marks that follow it).
    static func prefixEnd(of scalars: Substring.UnicodeScalarView, fitting width: Int) -> String.Index {
        var used = 0
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let next = DisplayWidth.of(scalars[index])
            if used + next > width && used > 0 { break }
            used += next
            index = scalars.index(after: index)
        }
        return index
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
