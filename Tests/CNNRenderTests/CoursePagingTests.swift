import CNNCourse
import CNNSandbox
import Testing

@testable import CNNRender

/// Every beat of the built-in course at 80×24: a grid is shown as a page of itself only when the
/// screen truly has no room for the rest. A grid that shows part of itself records that in the
/// frame's layout (`CanvasLayout.pagedGrids`); the rows and columns it lacks must be more than
/// the screen leaves free (blank rows of the view, beyond one under the view's header and one
/// above the narration's rule; blank columns right of the strip).
@Suite("Course paging: no grid is cut while the screen has room for it")
struct CoursePagingTests {
    /// Blank rows a view keeps on purpose: one under its header lines, one above the rule.
    static let keptBlankRows = 2

    /// What is wrong with the paged grids of one frame, as sentences.
    static func problems(in frame: RenderedFrame) -> [String] {
        let lines = frame.canvas.lines
        let width = frame.canvas.width
        let rule = String(repeating: "─", count: width)
        guard let ruleRow = lines.indices.dropFirst().first(where: { lines[$0] == rule }) else { return [] }
        let viewRows = 1..<ruleRow
        let blank = viewRows.filter { lines[$0].allSatisfy { $0 == " " } }.count
        let freeRows = blank - keptBlankRows
        var found: [String] = []
        for grid in frame.canvas.layout.pagedGrids {
            let missingRows = grid.totalRows - grid.shownRows
            // Shown whole, the grid no longer needs its line of column indices.
            if missingRows > 0 && missingRows * grid.rowStep <= freeRows + 1 {
                found.append(
                    "grid at row \(grid.top) shows \(grid.shownRows) of \(grid.totalRows) rows with \(freeRows) rows free"
                )
            }
            let missingColumns = grid.totalColumns - grid.shownColumns
            guard missingColumns > 0 else { continue }
            let gridRows = grid.top..<min(ruleRow, grid.top + 2 + grid.shownRows * grid.rowStep)
            let rightmost =
                gridRows.map { row in
                    lines[row].unicodeScalars.lastIndex { $0 != " " }
                        .map { lines[row].unicodeScalars.distance(from: lines[row].unicodeScalars.startIndex, to: $0) }
                        ?? 0
                }.max() ?? 0
            let freeColumns = width - 2 - rightmost
            let freed = missingRows == 0 ? grid.margin : 0
            if missingColumns * grid.cellWidth - freed <= freeColumns {
                found.append(
                    "grid at row \(grid.top) shows \(grid.shownColumns) of \(grid.totalColumns) columns with \(freeColumns) columns free"
                )
            }
        }
        return found
    }

    @Test("at 80×24 no beat of the course pages a grid while rows or columns are left free")
    func noNeedlessPaging() throws {
        let scenes = try BuiltinCourse.load().get()
        var session = try #require(TutorialSession.session(scenes: scenes))
        let options = RenderOptions()
        var found: [String] = []
        for scene in session.scenes.indices {
            for beat in session.scenes[scene].beats.indices {
                session.go(scene: scene, beat: beat)
                var frames = [TutorialScreen.render(session, width: 80, height: 24, options: options)]
                if session.isAnimating {
                    session.finishBeat()
                    frames.append(TutorialScreen.render(session, width: 80, height: 24, options: options))
                }
                for frame in frames {
                    found += Self.problems(in: frame).map { "scene \(scene + 1) beat \(beat + 1): \($0)" }
                }
            }
        }
        #expect(found.isEmpty, "\(found.count) needless pages:\n\(found.joined(separator: "\n"))")
    }

    @Test("the check sees a grid cut while rows are free, and accepts one cut for want of room")
    func checkSeesRoom() {
        var canvas = Canvas(width: 30, height: 12)
        canvas.putBackdrop(String(repeating: "─", count: 30), row: 10, column: 0, style: .plain)
        let grid = GridPanel(title: "g", rows: 0..<3, columns: 0..<4, cellWidth: 3)
        grid.draw(into: &canvas, top: 2, left: 4, titleStyle: .plain) { _, _ in ("1", .plain) }
        grid.drawIndices(into: &canvas, top: 2, left: 4, style: .plain, glyphs: .unicode, total: (0..<5, 0..<4))
        // Rows 1, 7, 8, 9 are blank: two free beyond the kept ones, one more freed by the indices.
        #expect(
            Self.problems(in: RenderedFrame(canvas: canvas)) == ["grid at row 2 shows 3 of 5 rows with 2 rows free"])

        var full = Canvas(width: 30, height: 8)
        full.putBackdrop(String(repeating: "─", count: 30), row: 6, column: 0, style: .plain)
        grid.draw(into: &full, top: 1, left: 4, titleStyle: .plain) { _, _ in ("1", .plain) }
        grid.drawIndices(into: &full, top: 1, left: 4, style: .plain, glyphs: .unicode, total: (0..<9, 0..<4))
        #expect(Self.problems(in: RenderedFrame(canvas: full)).isEmpty)
    }
}
