/// The character actually sent for a canvas cell. Pure.
enum DisplayCharacter {
    /// `scalar` itself when the terminal can show it in one column, otherwise a stand-in:
    /// control characters become "?", and without a UTF-8 locale non-ASCII characters
    /// become their nearest ASCII look-alike.
    static func resolve(_ scalar: Unicode.Scalar, unicode: Bool) -> Unicode.Scalar {
        if scalar.value < 32 || scalar.value == 127 || (128..<160).contains(scalar.value) { return "?" }
        if scalar.isASCII || unicode { return scalar }
        return asciiFallback(scalar)
    }

    /// The nearest ASCII look-alike of a non-ASCII character.
    static func asciiFallback(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2014, 0x2013,
            0x2212:
            return "-"
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577:
            return "|"
        case 0x250C...0x254B, 0x2552...0x256C, 0x256D...0x2570:
            return "+"
        case 0x2580...0x259F, 0x25A0, 0x25AA, 0x25FC:
            return "#"
        case 0x00D7: return "x"
        case 0x00B7, 0x2022, 0x2219, 0x22C5: return "."
        case 0x2026: return "."
        case 0x2190: return "<"
        case 0x2192: return ">"
        case 0x2191: return "^"
        case 0x2193: return "v"
        case 0x00B0: return "o"
        default: return "?"
        }
    }
}
