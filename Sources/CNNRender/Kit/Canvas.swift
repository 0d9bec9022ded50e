import CNNSandbox

/// A colour as the renderer asks for it: an xterm-256 index, with the nearest of the
/// eight basic colours for terminals that have only those.
public struct TerminalColor: Hashable, Sendable {
    /// Index in the xterm 256-colour palette.
    public let index256: UInt8
    /// Index of the nearest basic colour (0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white).
    public let basic: UInt8
    /// The exact colour as `0xRRGGBB` for true-colour output, or nil; `index256` is its fallback.
    public let rgb: UInt32?

    /// Creates a colour from its 256-palette index and its basic-colour fallback (and an exact RGB).
    public init(index256: UInt8, basic: UInt8, rgb: UInt32? = nil) {
        self.index256 = index256
        self.basic = basic
        self.rgb = rgb
    }

    public static let black = TerminalColor(index256: 16, basic: 0)
    public static let red = TerminalColor(index256: 160, basic: 1)
    public static let green = TerminalColor(index256: 34, basic: 2)
    public static let yellow = TerminalColor(index256: 220, basic: 3)
    public static let blue = TerminalColor(index256: 33, basic: 4)
    public static let magenta = TerminalColor(index256: 170, basic: 5)
    public static let cyan = TerminalColor(index256: 44, basic: 6)
    public static let white = TerminalColor(index256: 231, basic: 7)
    public static let gray = TerminalColor(index256: 244, basic: 7)
}

/// How one cell is drawn. Every style must stay legible with colour turned off, so
/// emphasis that matters is also carried by `bold`, `reverse` or `underline`.
public struct CellStyle: Hashable, Sendable {
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    /// Creates a style; every attribute is off unless given.
    public init(
        foreground: TerminalColor? = nil, background: TerminalColor? = nil,
        bold: Bool = false, dim: Bool = false, reverse: Bool = false, underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// The terminal's default look.
    public static let plain = CellStyle()

    /// This style with colours removed (for `--no-color` / NO_COLOR); attributes stay.
    public var withoutColor: CellStyle {
        var copy = self
        copy.foreground = nil
        copy.background = nil
        return copy
    }
}

/// One screen cell: a character and its style (the left half of a two-column character, or
/// `Cell.continuationCharacter` for its right half).
public struct Cell: Hashable, Sendable {
    public var character: Unicode.Scalar
    public var style: CellStyle

    /// Creates a cell.
    public init(_ character: Unicode.Scalar = " ", style: CellStyle = .plain) {
        self.character = character
        self.style = style
    }
}

/// An in-memory screen: a grid of styled cells that the renderer draws into and the
/// terminal layer copies to the real terminal. Drawing outside the grid is clipped.
///
/// The canvas also keeps the frame's layout record (see `CanvasLayout`): text written over
/// other text (an overlap) and refusal boxes drawn. Two canvases are equal when their cells are.
public struct Canvas: Equatable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Cells row by row.
    public private(set) var cells: [Cell]
    /// What wrote each cell this frame: 0 nothing, 1 a fill (background), 2 text.
    private var writes: [UInt8]
    /// The layout record: overlaps and refusals.
    public internal(set) var layout = CanvasLayout()
    /// While true (overlays such as the help box), writing over text is intended and not recorded.
    public var drawsOver = false

    /// Creates a blank canvas.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.cells = Array(repeating: Cell(), count: self.width * self.height)
        self.writes = Array(repeating: 0, count: self.width * self.height)
    }

    /// Canvases are equal when they show the same cells; the layout record is not compared.
    public static func == (lhs: Canvas, rhs: Canvas) -> Bool {
        lhs.width == rhs.width && lhs.height == rhs.height && lhs.cells == rhs.cells
    }

    /// Writes text into cell `index`, recording an overlap when it replaces different text
    /// written earlier in the frame (a fill before it is a background, not an overlap).
    private mutating func writeText(_ scalar: Unicode.Scalar, style: CellStyle, at index: Int) {
        let old = cells[index].character
        if !drawsOver && writes[index] == 2 && old != " " && old != scalar {
            layout.recordOverlap(row: index / max(1, width), column: index % max(1, width), old: old, new: scalar)
        }
        cells[index] = Cell(scalar, style: style)
        writes[index] = 2
    }

    /// Copies one cell of another canvas here with what wrote it, recording an overlap when
    /// text lands on different text.
    mutating func copyCell(_ cell: Cell, wroteText: Bool, wroteFill: Bool, row: Int, column: Int) {
        guard contains(row: row, column: column) else { return }
        let index = row * width + column
        if wroteText {
            writeText(cell.character, style: cell.style, at: index)
        } else {
            cells[index] = cell
            writes[index] = wroteFill ? 1 : 0
        }
    }

    /// What wrote a cell this frame: (text, fill).
    func written(row: Int, column: Int) -> (text: Bool, fill: Bool) {
        guard contains(row: row, column: column) else { return (false, false) }
        let write = writes[row * width + column]
        return (write == 2, write == 1)
    }

    /// Reads or writes one cell; reads outside the grid give a blank, writes are dropped.
    public subscript(row: Int, column: Int) -> Cell {
        get {
            guard contains(row: row, column: column) else { return Cell() }
            return cells[row * width + column]
        }
        set {
            guard contains(row: row, column: column) else { return }
            writeText(newValue.character, style: newValue.style, at: row * width + column)
        }
    }

    /// Whether a position lies on the canvas.
    public func contains(row: Int, column: Int) -> Bool {
        row >= 0 && row < height && column >= 0 && column < width
    }

    /// Writes text starting at a position, clipped at the edges, each scalar taking its display
    /// width (`DisplayWidth`): a wide character (CJK, emoji) fills its cell and marks the next
    /// as its continuation, a combining mark takes no column (and is dropped: a cell holds one
    /// scalar), and a wide character cut by an edge leaves a blank. Returns the column after
    /// the last character written.
    @discardableResult
    public mutating func put(_ text: String, row: Int, column: Int, style: CellStyle = .plain) -> Int {
        var x = column
        guard row >= 0 && row < height else {
            if text.unicodeScalars.contains(where: { $0 != " " }) { layout.recordClipped(row: row) }
            return column + DisplayWidth.of(text)
        }
        for scalar in text.unicodeScalars {
            switch DisplayWidth.of(scalar) {
            case 0:
                continue
            case 2:
                if x >= 0 && x + 1 < width {
                    writeText(scalar, style: style, at: row * width + x)
                    cells[row * width + x + 1] = .continuation(style: style)
                    writes[row * width + x + 1] = 2
                } else if x >= 0 && x < width {
                    writeText(" ", style: style, at: row * width + x)
                } else if x + 1 == 0 && width > 0 {
                    writeText(" ", style: style, at: row * width)
                }
                x += 2
            default:
                if x >= 0 && x < width { writeText(scalar, style: style, at: row * width + x) }
                x += 1
            }
        }
        return x
    }

    /// Writes lines that other text may be written over without an overlap being recorded:
    /// box outlines, rules (a title set into a frame's border is intended).
    public mutating func putBackdrop(_ text: String, row: Int, column: Int, style: CellStyle = .plain) {
        guard row >= 0 && row < height else { return }
        var x = column
        for scalar in text.unicodeScalars {
            if x >= 0 && x < width {
                cells[row * width + x] = Cell(scalar, style: style)
                writes[row * width + x] = 1
            }
            x += 1
        }
    }

    /// Changes the style of cells in a rectangle, keeping their characters.
    public mutating func restyle(
        row: Int, column: Int, width w: Int, height h: Int, _ change: (inout CellStyle) -> Void
    ) {
        for y in max(0, row)..<min(height, row + h) {
            for x in max(0, column)..<min(width, column + w) {
                change(&cells[y * width + x].style)
            }
        }
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(row: Int, column: Int, width w: Int, height h: Int, with cell: Cell) {
        guard w > 0, h > 0 else { return }
        for y in max(0, row)..<min(height, row + h) {
            for x in max(0, column)..<min(width, column + w) {
                cells[y * width + x] = cell
                writes[y * width + x] = 1
            }
        }
    }

    /// The canvas as plain text, one line per row, trailing spaces removed.
    public var text: String {
        lines.joined(separator: "\n")
    }

    /// The rows as plain strings with trailing spaces removed (a wide character appears once:
    /// its continuation cell is skipped).
    public var lines: [String] {
        (0..<height).map { y in
            var line = String.UnicodeScalarView()
            line.append(
                contentsOf: cells[(y * width)..<((y + 1) * width)].lazy.filter { !$0.isContinuation }.map(\.character))
            var text = String(line)
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
    }
}
