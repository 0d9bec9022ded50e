import CNNSandbox

/// A picture with its title and scale on the first line, the window outlined on it, and the
/// exact values under the window as numbers to its right (up to 15×15 of them; cells outside
/// the image, i.e. padding, are dim zeros).
public struct PicturePanel: Sendable {
    /// The title, e.g. "input 96×48".
    public var title: String
    /// The full-resolution values (for the numbers under the window).
    public var source: Picture
    /// The averaged picture to draw (compute once per change of values or space).
    public var fitted: FittedPicture
    /// The window in source pixels, or nil.
    public var window: PictureWidget.Window?
    /// Whether the heading states the scale (off when a caller states one scale for several pictures).
    public var showsScale = true
    /// Whether the numbers under the window are listed below the picture instead of to its right
    /// (when that leaves the pictures a larger scale).
    public var numbersBelow = false

    /// The most numbers shown per side.
    public static let maxNumbers = 15

    /// Creates a panel.
    public init(title: String, source: Picture, fitted: FittedPicture, window: PictureWidget.Window? = nil) {
        self.title = title
        self.source = source
        self.fitted = fitted
        self.window = window
    }

    /// The values' range as the shading shows it: `0…1` for an image, `−4…4` for a feature map.
    public var rangeText: String {
        switch source.shading {
        case .grey(let low, let high): return "\(NumberText.format(low))…\(NumberText.format(high))"
        case .signed(let scale):
            return scale == 0 ? "all 0" : "−\(NumberText.format(scale))…\(NumberText.format(scale))"
        }
    }

    /// The rows and columns of numbers shown for the window.
    private var numberRange: (rows: Range<Int>, columns: Range<Int>)? {
        guard let window, window.height >= 1, window.width >= 1 else { return nil }
        let rows = window.row..<(window.row + min(window.height, Self.maxNumbers))
        let columns = window.column..<(window.column + min(window.width, Self.maxNumbers))
        return (rows, columns)
    }

    /// Draws the panel with its top-left corner at `row`, `column`; returns the size it took.
    @discardableResult
    public func draw(into canvas: inout Canvas, row: Int, column: Int, options: RenderOptions) -> (
        width: Int, height: Int
    ) {
        let palette = Palette(options: options)
        let heading = showsScale ? "\(title)  \(fitted.scaleText)  \(rangeText)" : "\(title)  \(rangeText)"
        // A heading wider than the room left on the screen ends with an ellipsis, not mid-word.
        let room = max(1, canvas.width - column)
        let shownHeading = TextWrap.cut(options.glyphs.adapt(heading), width: room, glyphs: options.glyphs)
        canvas.put(shownHeading, row: row, column: column, style: palette.title)
        let widget = PictureWidget(picture: fitted, options: options)
        widget.draw(into: &canvas, row: row + 1, column: column, window: window)
        var width = max(heading.unicodeScalars.count, widget.size.columns)
        var height = 1 + widget.size.rows
        guard let range = numberRange else { return (width, height) }
        let texts = range.rows.flatMap { y in range.columns.map { x in value(row: y, column: x) } }
        // As wide as the widest of the window's values and the picture's range ends, so the list
        // keeps its width while the window moves (a course test holds grid sizes within a scene).
        let cellWidth =
            2 + ((texts.map { $0 ?? 0 } + rangeEnds).map { NumberText.format($0).unicodeScalars.count }.max() ?? 1)
        let panel = GridPanel(title: "under the window", rows: range.rows, columns: range.columns, cellWidth: cellWidth)
        let left = numbersBelow ? column + 1 : column + widget.size.columns + 2
        let top = numbersBelow ? row + 1 + widget.size.rows : row + 2
        panel.draw(into: &canvas, top: top, left: left, titleStyle: palette.title) { y, x in
            guard let value = value(row: y, column: x) else { return ("0", palette.padding) }
            return (NumberText.format(value), .plain)
        }
        if numbersBelow {
            width = max(width, 1 + panel.width)
            height = 1 + widget.size.rows + panel.height
        } else {
            width = max(width, widget.size.columns + 2 + max(panel.width, 16))
            height = max(height, 2 + panel.height)
        }
        return (width, height)
    }

    /// The ends of the values' range (for an image, its grey range; for a feature map, ±scale).
    private var rangeEnds: [Double] {
        switch source.shading {
        case .grey(let low, let high): return [low, high]
        case .signed(let scale): return [-scale, scale]
        }
    }

    /// The source value at a pixel, nil outside the image.
    private func value(row: Int, column: Int) -> Double? {
        guard row >= 0, row < source.height, column >= 0, column < source.width else { return nil }
        return source.values[row * source.width + column]
    }
}
