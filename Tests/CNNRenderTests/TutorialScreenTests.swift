import CNNCore
import CNNCourse
import CNNSandbox
import Foundation
import Testing

@testable import CNNRender

/// The tutorial screen: header, the view's frame, the narration, the footer; classroom mode;
/// the scene list, the help and the blank screen. Golden frames plus checks on what they say.
@Suite("Tutorial screen")
struct TutorialScreenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SceneFixtures/good")

    /// The three sample scenes of Tests/SceneFixtures/good.
    static func scenes() throws -> [Scene] {
        try ["cross-correlation", "max-pooling", "two-channels"].map { name in
            let text = try String(contentsOf: fixtures.appendingPathComponent("\(name).yaml"), encoding: .utf8)
            return try SceneLoader.load(text: text, file: "\(name).yaml").get()
        }
    }

    static func session() throws -> TutorialSession {
        try #require(TutorialSession.session(scenes: try scenes()))
    }

    static func text(_ session: TutorialSession, _ width: Int = 80, _ height: Int = 24, classroom: Bool = false)
        -> Canvas
    {
        TutorialScreen.render(
            session, width: width, height: height, options: RenderOptions(color: false, classroom: classroom)
        ).canvas
    }

    @Test("80×24: header, the conv view with the selected cell's sum, all four paragraphs, the keys")
    func scene80x24() throws {
        var session = try TutorialScreenTests.session()
        session.go(scene: 0, beat: 3)
        let canvas = TutorialScreenTests.text(session)
        Golden.check(canvas, named: "tutorial-scene-80x24")
        #expect(canvas.lines[0].hasPrefix(" cnnviz tutorial · scene 1/3 · topic 2: Cross-correlation, step by step"))
        // The view's numbers are the core's: out[1,0] = 3·0 + 4·1 + 6·2 + 7·3 = 37.
        #expect(canvas.contains("out[1,0]: 3×0 + 4×1 + 6×2 + 7×3 = 37"))
        #expect(canvas.contains("19      25") && canvas.contains("37      43"))
        #expect(canvas.contains("Pick any output cell and the input cells that made it light up."))
        #expect(canvas.lines[23].contains("← → beat") && canvas.lines[23].contains("q quit"))
        #expect(canvas.lines[23].hasSuffix("beat 4/4 step 3/4 ❚❚"))
        #expect(!canvas.contains("cnnviz explore"), "the view's own title bar is replaced by the tutorial's header")
        #expect(!canvas.contains("vertical edge"), "explicit weights are not named after a preset")
    }

    @Test("the newest paragraph is bold; older ones are dim in normal mode and plain in classroom mode")
    func narrationEmphasis() throws {
        var session = try TutorialScreenTests.session()
        session.go(scene: 0, beat: 1)
        for classroom in [false, true] {
            let canvas = TutorialScreen.render(
                session, width: 80, height: 24, options: RenderOptions(classroom: classroom)
            ).canvas
            let older = try #require(canvas.row(containing: "To compute the first output"))
            let newest = try #require(canvas.row(containing: "The four products add up"))
            let olderColumn =
                canvas.lines[older].firstIndex(of: "T").map {
                    canvas.lines[older].distance(from: canvas.lines[older].startIndex, to: $0)
                } ?? 0
            let newestColumn =
                canvas.lines[newest].firstIndex(of: "T").map {
                    canvas.lines[newest].distance(from: canvas.lines[newest].startIndex, to: $0)
                } ?? 0
            #expect(canvas[newest, newestColumn].style.bold)
            #expect(canvas[older, olderColumn].style.dim == !classroom)
            #expect(!canvas[older, olderColumn].style.bold)
        }
    }

    @Test("classroom mode at 200×60: the view large, narration across the full width with blank lines, presenter keys")
    func classroom200x60() throws {
        var session = try TutorialScreenTests.session()
        session.go(scene: 0, beat: 3)
        let canvas = TutorialScreenTests.text(session, 200, 60, classroom: true)
        Golden.check(canvas, named: "tutorial-classroom-200x60")
        #expect(canvas.lines[0].contains("cnnviz tutorial · scene 1/3 · topic 2: Cross-correlation, step by step"))
        #expect(canvas.lines[59].contains(". blank") && canvas.lines[59].contains("1–9 jump"))
        let first = try #require(canvas.row(containing: "To compute the first output"))
        let second = try #require(canvas.row(containing: "The four products add up"))
        #expect(canvas.lines[second - 1].isEmpty, "a blank line between paragraphs")
        #expect(canvas.lines[first].hasPrefix("    To compute"), "a margin of four columns")
        #expect(canvas.lines[first].unicodeScalars.count > 104, "the narration is no longer held to a 100-column block")
        // The view gets the rest of the screen: far more rows than at 80×24, and larger cells.
        let rule = try #require(canvas.lines.firstIndex { $0.hasPrefix("────") })
        #expect(rule > 40)
        let normal = TutorialScreenTests.text(session, 200, 60)
        #expect(normal.lines.firstIndex { $0.hasPrefix("────") }.map { $0 >= rule } == true)
    }

    @Test("the scene list over the view, the chosen scene in reverse")
    func sceneList() throws {
        var session = try TutorialScreenTests.session()
        session.press(.character(">"))
        session.press(.escape)
        session.press(.down)
        let canvas = TutorialScreen.render(session, width: 80, height: 24, options: RenderOptions(color: false)).canvas
        Golden.check(canvas, named: "tutorial-scene-list")
        let chosen = try #require(canvas.row(containing: "3  topic 11  channels  Two channels add up into one output"))
        let current = try #require(canvas.row(containing: "2  topic 9  pool  Max pooling keeps the largest value"))
        #expect(canvas.lines[current].contains("▶ 2"))
        let column = canvas.lines[chosen].distance(
            from: canvas.lines[chosen].startIndex, to: canvas.lines[chosen].firstIndex(of: "3")!)
        #expect(canvas[chosen, column].style.reverse)
        #expect(canvas.contains("Enter open"))
    }

    @Test(". blanks the whole screen")
    func blank() throws {
        var session = try TutorialScreenTests.session()
        session.press(.character("."))
        let canvas = TutorialScreenTests.text(session)
        Golden.check(canvas, named: "tutorial-blank")
        #expect(canvas.cells.allSatisfy { $0.character == " " && $0.style == .plain })
        session.press(.character("x"))
        #expect(TutorialScreenTests.text(session).contains("cnnviz tutorial"))
    }

    @Test("? shows the tutorial's keys")
    func help() throws {
        var session = try TutorialScreenTests.session()
        session.press(.character("?"))
        let canvas = TutorialScreenTests.text(session)
        Golden.check(canvas, named: "tutorial-help")
        #expect(canvas.contains("tutorial keys"))
        #expect(canvas.contains("blank the screen (any key returns)"))
    }

    @Test("a small screen: whole older paragraphs give way, the newest shows from its start")
    func narrationOverflow() throws {
        var session = try TutorialScreenTests.session()
        session.go(scene: 0, beat: 1)
        let canvas = TutorialScreenTests.text(session, 40, 12)
        #expect(canvas.contains("The four products add up: 0·0 + 1·1"))
        #expect(!canvas.contains("To compute") && !canvas.contains("them."), "no partial older paragraph")
        session.go(scene: 0, beat: 0)
        let first = TutorialScreenTests.text(session, 40, 12)
        #expect(first.contains("To compute the first output we lay"))
        #expect(first.lines.contains { $0.hasSuffix("…") }, "a cut paragraph ends with an ellipsis")
    }

    @Test("--ascii: header and narration without Unicode")
    func ascii() throws {
        var session = try TutorialScreenTests.session()
        session.go(scene: 0, beat: 1)
        let canvas = TutorialScreen.render(
            session, width: 80, height: 24, options: RenderOptions(ascii: true, color: false)
        ).canvas
        #expect(canvas.lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        #expect(canvas.lines[0].contains("cnnviz tutorial * scene 1/3 * topic 2"))
        #expect(canvas.contains("0*0 + 1*1 + 3*2 + 4*3 = 19"))
    }

    @Test("the same keys give the same frames every time")
    func deterministicFrames() throws {
        let keys: [KeyPress] = [
            .right, .right, .character("l"), .right, .right, .character("m"), .left, .character("3"), .right,
        ]
        func frames() throws -> [String] {
            var session = try TutorialScreenTests.session()
            return keys.enumerated().map { index, key in
                session.press(key)
                if index % 2 == 1 { session.timerFired() }
                return TutorialScreenTests.text(session).text
            }
        }
        let first = try frames()
        #expect(try frames() == first)
        #expect(Set(first).count > 5, "the keys change the screen")
    }

    @Test("the footer says a beat's animation is playing, and paused once it has finished")
    func playingWhileAnimating() throws {
        var session = try TutorialScreenTests.session()
        let beat = try #require(session.scenes[0].beats.firstIndex { $0.play != nil })
        session.go(scene: 0, beat: beat)
        #expect(session.isAnimating)
        let playing = try #require(TutorialScreenTests.text(session).lines.last)
        #expect(playing.hasSuffix("\u{25B6}") && !playing.contains("\u{275A}"), "\(playing)")
        session.finishBeat()
        let finished = try #require(TutorialScreenTests.text(session).lines.last)
        #expect(finished.hasSuffix("\u{275A}\u{275A}"), "\(finished)")
    }
}
