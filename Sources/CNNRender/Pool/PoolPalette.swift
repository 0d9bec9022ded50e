/// Emphasis the pooling and 1-D views add to the shared palette, built from the same rules:
/// legible in monochrome (attributes carry the meaning), colours only as a second cue.
extension Palette {
    /// The winning cell of a max window (or a kept k-max cell): unlike `highlight` it is not
    /// underlined, and the views also put a marker glyph in front of its value.
    public var winner: CellStyle {
        options.color
            ? CellStyle(foreground: .white, background: TerminalColor(index256: 127, basic: 5), bold: true)
            : CellStyle(bold: true, reverse: true)
    }

    /// A window cell that takes no part in the result: padding an average does not count, or
    /// a ceil-mode overhang past the padding. Dim and underlined, never reversed.
    public var uncounted: CellStyle {
        options.color ? CellStyle(foreground: .gray, dim: true, underline: true) : CellStyle(dim: true, underline: true)
    }
}
