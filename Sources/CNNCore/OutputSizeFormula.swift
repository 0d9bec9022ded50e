/// The output-size arithmetic of one axis, written out with its numbers, e.g.
/// `⌊(7 + 2·0 − 1·(3−1) − 1)/2⌋ + 1 = 3`.
public struct OutputSizeFormula: Hashable, Sendable, CustomStringConvertible {
    /// The geometry the formula describes.
    public let geometry: AxisGeometry

    /// Creates the formula of a geometry.
    public init(_ geometry: AxisGeometry) {
        self.geometry = geometry
    }

    /// The result: the number of outputs.
    public var result: Int { geometry.outputSize }

    /// With Unicode symbols: `⌊(7 + 2·0 − 1·(3−1) − 1)/2⌋ + 1 = 3`.
    public var unicode: String { render(ascii: false) }

    /// Plain ASCII: `floor((7 + 2*0 - 1*(3-1) - 1)/2) + 1 = 3`.
    public var ascii: String { render(ascii: true) }

    /// The Unicode form.
    public var description: String { unicode }

    /// The general symbolic formula this axis uses.
    public func symbolic(ascii: Bool = false) -> String {
        let g = geometry
        let pad = g.padding.isSymmetric ? (ascii ? "2*p" : "2·p") : (ascii ? "p_before + p_after" : "p₀ + p₁")
        let (open, close) = g.ceilMode ? (ascii ? ("ceil(", ")") : ("⌈", "⌉")) : (ascii ? ("floor(", ")") : ("⌊", "⌋"))
        let minus = ascii ? "-" : "−"
        let dot = ascii ? "*" : "·"
        return "\(open)(n + \(pad) \(minus) d\(dot)(k\(minus)1) \(minus) 1)/s\(close) + 1"
    }

    private func render(ascii: Bool) -> String {
        let g = geometry
        let minus = ascii ? "-" : "−"
        let dot = ascii ? "*" : "·"
        let (open, close) = g.ceilMode ? (ascii ? ("ceil(", ")") : ("⌈", "⌉")) : (ascii ? ("floor(", ")") : ("⌊", "⌋"))
        let pad =
            g.padding.isSymmetric
            ? "2\(dot)\(g.padding.before)" : "\(g.padding.before) + \(g.padding.after)"
        var text =
            "\(open)(\(g.inputSize) + \(pad) \(minus) \(g.dilation)\(dot)(\(g.kernelSize)\(minus)1) \(minus) 1)/\(g.stride)\(close) + 1"
        if g.ceilWindowDropped {
            text += " \(minus) 1"
        }
        if g.outputSize < 1 {
            return text + " < 1 (the window does not fit)"
        }
        return text + " = \(g.outputSize)"
    }

    /// A sentence when the stride leaves real input cells unread at the end of the axis,
    /// or nil when the windows reach the last cell. `axisName` is "row"/"column" style.
    public func tilingNote(rowsOrColumns axisName: String) -> String? {
        let g = geometry
        guard g.outputSize > 0 else { return nil }
        let unread = g.unreadInputCells
        guard unread > 0 else { return nil }
        let cells = unread == 1 ? axisName + " is" : "\(unread) \(axisName)s are"
        return
            "stride \(g.stride) does not tile \(g.paddedSize) cells with a window of \(g.effectiveKernel): the last \(cells) never read"
    }

    /// The tiling notes of a 2-D window: one sentence when rows and columns leave the same
    /// number of cells unread at the same stride, otherwise one per axis that leaves any.
    public static func tilingNotes(rows: AxisGeometry, columns: AxisGeometry) -> [String] {
        let rowNote = rows.formula.tilingNote(rowsOrColumns: "row")
        let columnNote = columns.formula.tilingNote(rowsOrColumns: "column")
        if rowNote != nil && columnNote != nil && rows.stride == columns.stride
            && rows.paddedSize == columns.paddedSize && rows.effectiveKernel == columns.effectiveKernel
        {
            let count = rows.unreadInputCells
            if count == columns.unreadInputCells {
                let cells = count == 1 ? "row and column" : "\(count) rows and columns"
                return [
                    "stride \(rows.stride) does not tile \(rows.paddedSize) cells with a window of \(rows.effectiveKernel): the last \(cells) are never read"
                ]
            }
        }
        return [rowNote, columnNote].compactMap { $0 }
    }
}
