import CNNSandbox

/// The colours and emphasis of every frame, in one place.
///
/// Values use a diverging blue–orange scale (safe for the common colour-vision deficiencies):
/// blue for negative, orange for positive, stronger with magnitude. Everything that matters
/// is also carried by an attribute (bold, reverse, underline, dim), so frames stay legible in
/// monochrome and with `--no-color`.
public struct Palette: Sendable {
    public let options: RenderOptions

    /// Creates the palette for a set of options.
    public init(options: RenderOptions) {
        self.options = options
    }

    private static let negative: [UInt8] = [153, 117, 75, 32, 25]
    private static let positive: [UInt8] = [223, 222, 215, 208, 202]
    /// Classroom mode: the same hues in steps that stay apart on a washed-out projector.
    private static let classroomNegative: [UInt8] = [117, 75, 33, 26, 19]
    private static let classroomPositive: [UInt8] = [222, 215, 208, 202, 160]
    /// Classroom mode: zero, a neutral grey block like any other value.
    private static let classroomZero: UInt8 = 252

    /// The style of a value cell, scaled against the largest magnitude in its grid. In classroom
    /// mode zero gets a neutral block (it is a value, not a gap) and text is bold.
    public func value(_ value: Double, scale: Double) -> CellStyle {
        guard options.color, value.isFinite else { return .plain }
        if options.classroom {
            guard scale > 0, value != 0 else {
                return CellStyle(
                    foreground: .black, background: TerminalColor(index256: Palette.classroomZero, basic: 7),
                    bold: true)
            }
            let level = min(4, max(0, Int((abs(value) / scale * 4).rounded(.up)) - 1))
            let index = value < 0 ? Palette.classroomNegative[level] : Palette.classroomPositive[level]
            let foreground: TerminalColor = level >= 3 ? .white : .black
            return CellStyle(
                foreground: foreground, background: TerminalColor(index256: index, basic: value < 0 ? 4 : 3),
                bold: true)
        }
        guard scale > 0, value != 0 else { return .plain }
        let level = min(4, max(0, Int((abs(value) / scale * 4).rounded(.up)) - 1))
        let index = value < 0 ? Palette.negative[level] : Palette.positive[level]
        let basic: UInt8 = value < 0 ? 4 : 3
        let foreground: TerminalColor = value < 0 && level >= 3 ? .white : .black
        return CellStyle(foreground: foreground, background: TerminalColor(index256: index, basic: basic))
    }

    /// A kernel tap reading this cell, or the output cell being computed: a hue of its own,
    /// outside the blue–orange value scale (magenta; a yellow would sit among the oranges), bold
    /// and underlined. In classroom mode grids draw its underline as a frame around the cell.
    public var highlight: CellStyle {
        guard options.color else { return CellStyle(bold: true, reverse: true, underline: true) }
        return CellStyle(
            foreground: .black, background: TerminalColor(index256: 213, basic: 5), bold: true, underline: true)
    }

    /// The selection cursor on the output map.
    public var cursor: CellStyle {
        CellStyle(bold: true, reverse: true)
    }

    /// Padding cells (dim zeros or −∞).
    public var padding: CellStyle {
        options.color ? CellStyle(foreground: .gray, dim: true) : CellStyle(dim: true)
    }

    /// Cells the stride never reads, and outputs not computed yet.
    public var faint: CellStyle {
        options.color ? CellStyle(foreground: .gray, dim: true) : CellStyle(dim: true)
    }

    /// Panel titles.
    public var title: CellStyle { CellStyle(bold: true) }

    /// The title bar across the top.
    public var bar: CellStyle {
        options.color
            ? CellStyle(foreground: .white, background: TerminalColor(index256: 24, basic: 4), bold: true)
            : CellStyle(bold: true, reverse: true)
    }

    /// Results (the sum of a dot product).
    public var result: CellStyle { CellStyle(bold: true) }

    /// Refusals and warnings.
    public var error: CellStyle {
        options.color
            ? CellStyle(foreground: TerminalColor(index256: 196, basic: 1), bold: true) : CellStyle(bold: true)
    }

    /// Notes (e.g. unread rows).
    public var note: CellStyle {
        options.color ? CellStyle(foreground: TerminalColor(index256: 208, basic: 3)) : CellStyle(underline: true)
    }

    /// Key names in hints.
    public var key: CellStyle { CellStyle(bold: true) }

    /// Secondary text.
    public var dim: CellStyle { CellStyle(dim: true) }
}
