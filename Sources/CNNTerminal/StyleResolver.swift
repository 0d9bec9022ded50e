import CNNRender

/// A cell style reduced to what the terminal can show: attributes and the colour
/// numbers to put in a colour pair (-1 is the terminal's default colour).
struct ResolvedStyle: Hashable, Sendable {
    var bold: Bool
    var dim: Bool
    var reverse: Bool
    var underline: Bool
    /// The colour pair's contents, or nil when the cell uses pair 0 (default colours).
    var colors: ColorPairKey?
}

/// The two colours of a colour pair; -1 means the terminal's default.
struct ColorPairKey: Hashable, Sendable {
    var foreground: Int16
    var background: Int16
}

/// Reduces `CellStyle`s to what the terminal can show. Pure.
struct StyleResolver: Sendable {
    /// Colours in use: 0, 8 or 256.
    let colors: Int
    /// Whether the terminal accepts -1 (its own default) in colour pairs (`use_default_colors`).
    let defaultColorsAvailable: Bool

    /// The attributes and colour pair contents for `style`.
    func resolve(_ style: CellStyle) -> ResolvedStyle {
        ResolvedStyle(
            bold: style.bold, dim: style.dim, reverse: style.reverse, underline: style.underline,
            colors: colorPair(foreground: style.foreground, background: style.background))
    }

    /// The colour pair contents, or nil for default colours (or no colour at all).
    func colorPair(foreground: TerminalColor?, background: TerminalColor?) -> ColorPairKey? {
        guard colors > 0, foreground != nil || background != nil else { return nil }
        let fg = number(foreground) ?? (defaultColorsAvailable ? -1 : 7)
        let bg = number(background) ?? (defaultColorsAvailable ? -1 : 0)
        return ColorPairKey(foreground: fg, background: bg)
    }

    /// The palette number of a colour: its 256 index, or its basic index on 8-colour terminals.
    func number(_ color: TerminalColor?) -> Int16? {
        guard let color else { return nil }
        return Int16(colors >= 256 ? color.index256 : color.basic)
    }
}
