import CNNCourse
import CNNSandbox

/// The layout rule that what a beat names is on screen: each cell its new paragraphs name
/// (`{out[r,c]}`) and the cell it selects must be inside the main output's grid as the frame
/// drew it (`CanvasLayout.grids`). Views whose main output is not drawn as a titled grid (the
/// stack, matrix and 1-D views) are not checked here; the stack's and matrix view's rows are
/// (LayoutCheck+Rows.swift).
extension LayoutCheck {
    /// The title of the main output's grid in each view that draws one: a prefix, or for the
    /// channels view `out` followed by the channel number.
    static func isMainOutput(_ title: String, view: String, channel: Int?) -> Bool {
        switch view {
        case "conv": return title.hasPrefix("output ") || title.hasPrefix("relu(out) ")
        case "pool", "transpose": return title.hasPrefix("output")
        case "backprop": return title.hasPrefix("dL/dK ")
        case "channels":
            guard let channel else { return title.hasPrefix("out") && title.dropFirst(3).first?.isNumber == true }
            return title.hasPrefix("out\(channel) ")
        default: return false
        }
    }

    /// The views whose main output grid the check can find.
    static let checkedViews: Set<String> = ["conv", "pool", "transpose", "backprop", "channels"]

    /// The referents of `scene`'s beat that `frame` does not show, as messages. The whole output
    /// is asked for only while the view's output still has the shape `expect.output` gave it
    /// (`view`; a beat's keys may change it).
    static func missingReferents(
        _ scene: Scene, beat: Int, view model: (any SandboxModel)?, in frame: RenderedFrame
    ) -> [String] {
        let view = scene.view.kind.name
        guard checkedViews.contains(view) else { return [] }
        let grids = frame.canvas.layout.grids
        return scene.referents(atBeat: beat).compactMap { referent in
            if case .wholeOutput(let rows, let columns) = referent {
                guard let shape = model?.mainOutput?.shape, shape == [rows, columns] else { return nil }
                let outputs = grids.filter { isMainOutput($0.title, view: view, channel: nil) }
                guard let shown = outputs.first else { return nil }
                if outputs.contains(where: { $0.rows == 0..<rows && $0.columns == 0..<columns }) { return nil }
                return "the scene states \(referent) but \(extent(shown))"
            }
            guard case .outputCell(let channel, let row, let column) = referent else { return nil }
            let outputs = grids.filter { isMainOutput($0.title, view: view, channel: channel) }
            if outputs.contains(where: { $0.shows(row: row, column: column) }) { return nil }
            guard let shown = outputs.first else {
                let drawn = grids.map(\.title).joined(separator: ", ")
                let grids = drawn.isEmpty ? "none" : drawn
                return "the beat names \(referent) but the main output is not drawn (grids: \(grids))"
            }
            return "the beat names \(referent) but \(extent(shown))"
        }
    }

    /// `'output 7×7' shows rows 0–6, columns 1–6`.
    private static func extent(_ grid: ShownGrid) -> String {
        "'\(grid.title)' shows rows \(text(grid.rows)), columns \(text(grid.columns))"
    }

    /// `0–3`, or `none`.
    private static func text(_ range: Range<Int>) -> String {
        range.isEmpty ? "none" : "\(range.lowerBound)–\(range.upperBound - 1)"
    }
}
