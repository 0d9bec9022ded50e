import CNNCourse
import CNNSandbox
import Testing

@testable import CNNRender

/// The rows check of `LayoutCheck`: the views that draw rows (the stack's table, the matrix view's
/// M) record each row drawn, and a beat fails when the row it is about is not on screen.
@Suite("Course layout: rows")
struct CourseRowsLayoutTests {
    static func session(_ text: String) throws -> TutorialSession {
        let scene = try SceneLoader.load(text: text, file: "rows.yaml").get()
        return try #require(TutorialSession.session(scenes: [scene]))
    }

    static let stackScene = """
        title: Rows
        topic: 20
        view: stack
        setup: {layers: "conv3,conv3,pool2s2,conv3", input: 16}
        narration: ["The chosen level is in bold.", "The total row adds the params column."]
        timeline:
          - say: 1
            step: 3
          - say: 2
        """

    @Test("the stack's table records its rows by level, and the total row")
    func stackRecordsRows() throws {
        var session = try CourseRowsLayoutTests.session(CourseRowsLayoutTests.stackScene)
        session.go(scene: 0, beat: 1)
        let frame = TutorialScreen.render(session, width: 80, height: 24, options: RenderOptions())
        let rows = frame.canvas.layout.namedRows
        #expect(rows.contains("level 0") && rows.contains("total"), "\(rows)")
        let problems = LayoutCheck.problems(session, width: 80, height: 24, options: RenderOptions())
        #expect(problems.isEmpty, "\(problems.map(\.description))")
    }

    @Test("the check fails a stack beat whose chosen level or named total has no row on screen")
    func stackMissingRows() throws {
        var session = try CourseRowsLayoutTests.session(CourseRowsLayoutTests.stackScene)
        session.go(scene: 0, beat: 1)
        let level = try #require(session.view as? StackModel).level
        let empty = RenderedFrame(canvas: Canvas(width: 80, height: 24))
        let messages = LayoutCheck.missingRows(session.scenes[0], beat: 1, view: session.view, in: empty)
        #expect(
            messages.contains("the stack's chosen level \(level) has no table row on screen (rows: none)"),
            "\(messages)")
        #expect(messages.contains { $0.hasPrefix("the narration mentions a total") }, "\(messages)")
        let first = LayoutCheck.missingRows(session.scenes[0], beat: 0, view: session.view, in: empty)
        #expect(!first.contains { $0.contains("total") }, "the first paragraph names no total")
    }

    /// A matrix scene on a `size` input, stepping to output 0 and then to output `last`.
    static func matrixScene(size: Int, last: Int) -> String {
        """
        title: Rows
        topic: 17
        view: matrix
        setup: {input: \(size)x\(size), fill: ramp}
        narration: ["Row k of M reads window k."]
        timeline:
          - say: 1
            step: 1
          - step: \(last + 1)
        """
    }

    @Test("the matrix view records the rows of M it draws, and the current one is on screen")
    func matrixRecordsRows() throws {
        let session = try CourseRowsLayoutTests.session(CourseRowsLayoutTests.matrixScene(size: 4, last: 3))
        let frame = TutorialScreen.render(session, width: 80, height: 24, options: RenderOptions())
        #expect(frame.canvas.layout.namedRows.prefix(4) == ["x = row 0", "x = row 1", "x = row 2", "x = row 3"])
        let problems = LayoutCheck.problems(session, width: 80, height: 24, options: RenderOptions())
        #expect(problems.isEmpty, "\(problems.map(\.description))")
    }

    @Test("the check fails a matrix beat whose row of M is not on screen, and leaves a refused frame alone")
    func matrixRowMissing() throws {
        var session = try CourseRowsLayoutTests.session(CourseRowsLayoutTests.matrixScene(size: 4, last: 3))
        session.go(scene: 0, beat: 1)
        let empty = RenderedFrame(canvas: Canvas(width: 80, height: 24))
        let messages = LayoutCheck.missingRows(session.scenes[0], beat: 1, view: session.view, in: empty)
        #expect(messages == ["the matrix row of output 3 is not on screen (rows: none)"])
        // 16 rows of M do not fit under the tutorial's narration at 80×24: the refusal is the problem.
        let refused = try CourseRowsLayoutTests.session(CourseRowsLayoutTests.matrixScene(size: 6, last: 15))
        let problems = LayoutCheck.problems(refused, width: 80, height: 24, options: RenderOptions())
        #expect(problems.map(\.message).allSatisfy { $0.contains("'does not fit' box") }, "\(problems)")
        #expect(!problems.isEmpty)
    }
}
