/// The operators between the grids of a strip (`⋆`, `=`, `×`), drawn three rows tall and three
/// columns wide for a projector, where one character among cell blocks four or more rows tall
/// does not show. The star is drawn as a six-armed asterisk, which reads as convolution in
/// every font (the small `⋆` looks like a dot in some). Other operators stay one character.
public enum BigOperator {
    /// The rows the large form takes.
    public static let height = 3
    /// The columns the large form takes.
    public static let width = 3

    /// The three lines of the large form of `symbol` in a glyph set, or nil when it has none.
    public static func lines(_ symbol: String, glyphs: Glyphs) -> [String]? {
        let ascii = glyphs == .ascii
        switch symbol {
        case glyphs.star:
            return ascii ? ["\\|/", "-+-", "/|\\"] : ["╲┃╱", "━╋━", "╱┃╲"]
        case "=":
            return ascii ? ["===", "   ", "==="] : ["███", "   ", "███"]
        case glyphs.times:
            return ascii ? ["\\ /", " X ", "/ \\"] : ["█ █", " █ ", "█ █"]
        default:
            return nil
        }
    }

    /// Whether operators are drawn large: in classroom mode, when a grid row is at least four
    /// screen rows tall (so the operator is no taller than a cell block).
    public static func wanted(options: RenderOptions, rowStep: Int) -> Bool {
        options.classroom && rowStep >= 4
    }

    /// Draws `symbol` centred on (`row`, `column`), where its one-character form would go: the
    /// large form when `large` is set and the symbol has one, else the character itself.
    public static func draw(
        _ symbol: String, row: Int, column: Int, large: Bool, style: CellStyle, glyphs: Glyphs,
        into canvas: inout Canvas
    ) {
        guard large, let lines = lines(symbol, glyphs: glyphs) else {
            canvas.put(symbol, row: row, column: column, style: style)
            return
        }
        for (offset, line) in lines.enumerated() where line.contains(where: { $0 != " " }) {
            canvas.put(line, row: row - 1 + offset, column: column - 1, style: style)
        }
    }
}
