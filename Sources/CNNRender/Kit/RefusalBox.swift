import CNNSandbox

/// A refusal a view reports instead of drawing it: the core's message (or the view's) in a
/// boxed rectangle the view reserved for it. The host (`ViewHost` in explore, `TutorialScreen`
/// in a lesson) draws it with `draw(into:palette:glyphs:rowOffset:)`, which also records it in
/// the canvas' layout for the layout check.
public struct RefusalBox: Sendable, Equatable {
    /// The box's title (`cannot compute`, `does not fit`).
    public var title: String
    /// What the core refused and what would work.
    public var message: String
    /// The reserved rectangle's top-left corner, in body coordinates.
    public var top: Int
    public var left: Int
    /// The box's width.
    public var width: Int
    /// The most rows the box may take.
    public var maxHeight: Int

    /// The usual title of a box that replaces a computation.
    public static let cannotCompute = "cannot compute"

    /// Describes a box at `top`, `left`, `width` columns wide and at most `maxHeight` rows tall.
    public init(
        _ message: String, title: String = RefusalBox.cannotCompute, top: Int, left: Int, width: Int, maxHeight: Int
    ) {
        self.title = title
        self.message = message
        self.top = top
        self.left = left
        self.width = width
        self.maxHeight = maxHeight
    }

    /// The message's lines, wrapped to the box's inside.
    func lines(glyphs: Glyphs) -> [String] {
        TextWrap.lines(glyphs.adapt(message), width: max(8, width - 4))
    }

    /// The rows the box takes: a frame around a blank line and the message, at most `maxHeight`.
    public func height(glyphs: Glyphs) -> Int {
        min(maxHeight, lines(glyphs: glyphs).count + 3)
    }

    /// Draws the box `rowOffset` rows lower than its body coordinates (where the host put the
    /// body) and records it in `canvas.layout`. Returns the rows used.
    @discardableResult
    public func draw(into canvas: inout Canvas, palette: Palette, glyphs: Glyphs, rowOffset: Int = 0) -> Int {
        let lines = lines(glyphs: glyphs)
        let boxHeight = min(maxHeight, lines.count + 3)
        let top = top + rowOffset
        canvas.layout.recordRefusal(title)
        canvas.fill(row: top, column: left, width: width, height: boxHeight, with: Cell(" "))
        Box.draw(
            into: &canvas, top: top, left: left, width: width, height: boxHeight, glyphs: glyphs, style: palette.error)
        canvas.put(" \(title) ", row: top, column: left + 2, style: palette.error)
        for (index, line) in lines.prefix(max(0, boxHeight - 3)).enumerated() {
            canvas.put(line, row: top + 2 + index, column: left + 2)
        }
        return boxHeight
    }
}
