import CNNCourse
import CNNSandbox
import Testing

@testable import CNNRender

/// Every beat of every built-in scene keeps the layout rules at 80×24 and in classroom mode at
/// 200×60 and 160×45: nothing drawn over anything else, no refusal box, the header cut with an
/// ellipsis, the footer keeping `? keys` and `q quit`.
@Suite("Course layout")
struct CourseLayoutTests {
    static func course() throws -> TutorialSession {
        let scenes = try BuiltinCourse.load().get()
        return try #require(TutorialSession.session(scenes: scenes))
    }

    @Test(
        "every beat fits",
        arguments: [(80, 24, false), (200, 60, true), (160, 45, true), (200, 60, false)])
    func everyBeatFits(width: Int, height: Int, classroom: Bool) throws {
        let session = try CourseLayoutTests.course()
        let problems = LayoutCheck.problems(
            session, width: width, height: height, options: RenderOptions(classroom: classroom)
        )
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.map(\.description).joined(separator: "\n"))")
    }

    @Test("the check finds a named output cell and a stated whole output that the frame does not draw")
    func checkFindsMissingReferents() throws {
        let text = """
            title: Referents
            topic: 5
            view: conv
            setup: {input: 40x40, fill: ramp, kernel: 3}
            narration: ["The first cell is {out[0,0]}.", "The last cell is {out[37,37]}."]
            timeline:
              - say: 1
                step: 1
              - say: 2
                step: 1
              - select: [37, 0]
            expect:
              output_shape: [38, 38]
            """
        let scene = try SceneLoader.load(text: text, file: "referents.yaml").get()
        let session = try #require(TutorialSession.session(scenes: [scene]))
        let problems = LayoutCheck.problems(session, width: 80, height: 24, options: RenderOptions())
        let messages = problems.map { "beat \($0.beat + 1): \($0.message)" }
        #expect(!messages.contains { $0.hasPrefix("beat 1:") }, "out[0,0] is on screen at step 1")
        // The page shown depends on the zoom; it starts at the top left and stops short of row 37.
        let cut = "beat 2: the beat names out[37,37] but 'output 38×38' shows rows 0–"
        #expect(messages.contains { $0.hasPrefix(cut) && $0.contains(", columns 0–") }, "\(messages)")
        #expect(!messages.contains { $0.hasPrefix("beat 3:") }, "select: pages the output to the chosen cell")
    }

    @Test("the check finds text drawn over text, refusal boxes and a footer without its keys")
    func checkFindsProblems() {
        var canvas = Canvas(width: 20, height: 3)
        canvas.fill(row: 0, column: 0, width: 18, height: 1, with: Cell("x"))
        canvas.put("sum = 12", row: 0, column: 0)
        canvas.put("? keys  q quit", row: 2, column: 0)
        #expect(LayoutCheck.problems(in: RenderedFrame(canvas: canvas)).isEmpty, "text over a fill is no overlap")
        canvas.put("out", row: 0, column: 4)
        RefusalBox("no", top: 1, left: 0, width: 20, maxHeight: 1).draw(
            into: &canvas, palette: Palette(options: RenderOptions()), glyphs: .unicode)
        canvas.fill(row: 2, column: 0, width: 20, height: 1, with: Cell())
        let problems = LayoutCheck.problems(in: RenderedFrame(canvas: canvas))
        #expect(problems.contains { $0.hasPrefix("2 cells drawn over, first at row 0 column 4 ('=' under 'o')") })
        #expect(problems.contains { $0.contains("'cannot compute' box") })
        #expect(problems.contains { $0.hasPrefix("the footer lost") })
    }

    @Test("a long header is cut at a word with an ellipsis")
    func headerCut() {
        #expect(
            TextWrap.cut("topic 2: Cross-correlation, step by step", width: 30, glyphs: .unicode)
                == "topic 2: Cross-correlation…")
        #expect(TextWrap.cut("short", width: 20, glyphs: .unicode) == "short")
    }
}
