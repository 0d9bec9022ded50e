import CNNCourse
import CNNSandbox

/// The layout rule that the row a beat is about is on screen, for the views that draw rows
/// rather than titled grids (`CanvasLayout.namedRows`): in the stack view the chosen level's
/// table row, and the totals row once the narration shown mentions a total; in the matrix view
/// the row of M for the current output (`x = row k`). A frame with a refusal box is not checked.
extension LayoutCheck {
    /// The rows of `scene`'s beat that `frame` does not show, as messages.
    static func missingRows(
        _ scene: Scene, beat: Int, view model: (any SandboxModel)?, in frame: RenderedFrame
    ) -> [String] {
        // A refusal box in place of the view is its own problem; its missing rows add nothing.
        guard frame.canvas.layout.refusals.isEmpty else { return [] }
        let rows = frame.canvas.layout.namedRows
        var messages: [String] = []
        if let stack = model as? StackModel, stack.errorMessage == nil {
            let level = "level \(stack.level)"
            if !rows.contains(level) {
                messages.append("the stack's chosen \(level) has no table row on screen (rows: \(list(rows)))")
            }
            if mentionsTotal(scene, beat: beat) && !rows.contains("total") {
                messages.append("the narration mentions a total but the table's total row is not on screen")
            }
        }
        if let matrix = model as? MatrixModel, matrix.mode == .matrix {
            let row = "x = row \(matrix.player.step)"
            if !rows.contains(row) {
                messages.append(
                    "the matrix row of output \(matrix.player.step) is not on screen (rows: \(list(rows)))")
            }
        }
        return messages
    }

    /// Whether the paragraphs shown at `beat` mention a total (`total`, `totals`, `in total`).
    static func mentionsTotal(_ scene: Scene, beat: Int) -> Bool {
        scene.narration.prefix(scene.paragraphsShown(atBeat: beat)).contains { $0.lowercased().contains("total") }
    }

    /// `level 0, level 1, total`, or `none`.
    private static func list(_ rows: [String]) -> String {
        rows.isEmpty ? "none" : rows.joined(separator: ", ")
    }
}
