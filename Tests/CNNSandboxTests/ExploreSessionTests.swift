import CNNCore
import CNNSandbox
import Testing

/// `ExploreSession` without a terminal: the same keys and clock events give the same states.
@Suite("Explore session")
struct ExploreSessionTests {
    static func session(playing: Bool = false) throws -> ExploreSession {
        let view = try ConvModel(configuration: ExploreConfiguration(), playing: playing, speed: 2)
        return ExploreSession(view: view, configuration: ExploreConfiguration())
    }

    @Test("paused: no timer; playing: the step interval; the clock advances one step")
    func timers() throws {
        var session = try Self.session()
        #expect(session.timer == nil)
        session.press(.character(" "))
        #expect(session.timer == 0.5)
        session.timerFired()
        #expect(session.view.player.step == 1)
        session.press(.character("+"))
        #expect(session.timer == 0.25)
    }

    @Test("keys go through the view's key map: l steps, S raises the stride, unknown keys do nothing")
    func keys() throws {
        var session = try Self.session()
        session.press(.character("l"))
        #expect(session.view.player.step == 1)
        session.press(.character("S"))
        #expect((session.view as? ConvModel)?.setup.stride == [2, 2])
        session.press(.character("Z"))
        #expect((session.view as? ConvModel)?.setup.stride == [2, 2])
    }

    @Test("? opens the help; any key closes it without acting")
    func help() throws {
        var session = try Self.session()
        session.press(.character("?"))
        #expect(session.showHelp)
        session.press(.character("l"))
        #expect(!session.showHelp)
        #expect(session.view.player.step == 0)
    }

    @Test("v cycles through every view and back; q and Esc finish; Ctrl-L asks for a repaint")
    func viewsAndQuitting() throws {
        var session = try Self.session()
        var names: [String] = []
        for _ in SandboxViews.all {
            names.append(type(of: session.view).kind.name)
            session.press(.character("v"))
        }
        #expect(names == SandboxViews.names)
        #expect(type(of: session.view).kind == ConvModel.kind)
        let repaint = session.press(.control("l"))
        #expect(repaint)
        #expect(!session.finished)
        session.press(.escape)
        #expect(session.finished)
    }

    @Test("a click on an output cell selects it")
    func click() throws {
        var session = try Self.session()
        session.click(.outputCell(row: 1, column: 2))
        #expect(session.view.player.step == 1 * 5 + 2)
    }
}
