/// How many terminal columns text takes, as `wcwidth` counts them in a UTF-8 locale, without
/// depending on the process's locale: combining marks and format characters take 0, East Asian
/// wide and full-width characters (CJK, Hangul, kana, full-width forms) and emoji shown as
/// emoji take 2, everything else 1. Pure.
public enum DisplayWidth {
    /// Columns for one scalar: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }  // ASCII, Latin-1, Latin Extended: the common case, fast
        if (0x2500...0x25FC).contains(value) { return 1 }  // box drawing, blocks, shapes: fast
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// Columns for a whole text: the sum over its scalars.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// Columns for a run of scalars.
    public static func of(_ scalars: Substring.UnicodeScalarView) -> Int {
        scalars.reduce(0) { $0 + of($1) }
    }

    /// Blocks of East Asian Wide (W) and Full-width (F) characters (Unicode's EastAsianWidth.txt,
    /// coarsened to whole blocks); emoji are found by their Emoji_Presentation property.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,  // Hangul Jamo initial consonants
        0x2329...0x232A,  // angle brackets
        0x2E80...0x303E,  // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility, Kanbun, CJK compatibility
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA000...0xA4CF,  // Yi
        0xA960...0xA97F,  // Hangul Jamo extended A
        0xAC00...0xD7A3,  // Hangul syllables
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0xFE10...0xFE19,  // vertical forms
        0xFE30...0xFE6F,  // CJK compatibility forms, small form variants
        0xFF00...0xFF60,  // full-width forms
        0xFFE0...0xFFE6,  // full-width signs
        0x1B000...0x1B2FF,  // kana supplement and extensions, Nüshu
        0x1F200...0x1F2FF,  // enclosed ideographic supplement
        0x20000...0x2FFFD,  // CJK extensions B–F, compatibility supplement
        0x30000...0x3FFFD,  // CJK extensions G–H
    ]

    /// Whether `value` lies in one of `wideRanges` (binary search; the ranges are sorted).
    static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0x1100 else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = wideRanges[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

extension Cell {
    /// The character stored in the second cell of a two-column character: `Canvas.put`
    /// writes a wide character into its cell and marks the next one with this, and the
    /// terminal layer skips it (the terminal fills that column itself). U+FFFF is a
    /// noncharacter, so no text ever contains it.
    public static let continuationCharacter: Unicode.Scalar = "\u{FFFF}"

    /// The right half of a two-column character.
    public static func continuation(style: CellStyle) -> Cell {
        Cell(continuationCharacter, style: style)
    }

    /// Whether this cell is the right half of a two-column character.
    public var isContinuation: Bool { character == Cell.continuationCharacter }
}
