/// What HTML and SVG exports share: escaping, the default colours, and a run's resolved colours.
enum MarkupText {
    /// The page's default foreground (the terminal's default text colour).
    static let defaultForeground = "#e5e5e5"
    /// The page's default background.
    static let defaultBackground = "#000000"

    /// Escapes `<`, `>`, `&`, quotes, and replaces control characters that XML forbids.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) || scalar.value == 0xFFFE
                    || scalar.value == 0xFFFF
                {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// `#rrggbb` of a colour: its exact RGB if it has one, else its palette entry.
    static func hex(_ color: TerminalColor) -> String {
        color.rgb.map { Xterm256.hex(rgb: $0) } ?? Xterm256.hex(color.index256)
    }

    /// The run's text and background colours after `reverse`; nil means the page default.
    static func colors(_ style: CellStyle) -> (foreground: String?, background: String?) {
        let foreground = style.foreground.map(hex)
        let background = style.background.map(hex)
        guard style.reverse else { return (foreground, background) }
        return (background ?? defaultBackground, foreground ?? defaultForeground)
    }
}
