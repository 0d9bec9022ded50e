import CNNSandbox
import Testing

@testable import CNNCourse

/// A beat's `mode:` and `stage:`: names checked against the view (with the names that would
/// work), and the player putting the view in them whichever way the beat is reached.
@Suite("Beat modes and stages")
struct SceneBeatStateTests {
    /// A matrix-view scene with the given timeline lines.
    static func matrixScene(_ timeline: String) -> String {
        "title: States\ntopic: 17\nview: matrix\nnarration: [\"One.\", \"Two.\", \"Three.\"]\ntimeline:\n\(timeline)"
    }

    @Test("an unknown mode, two modes of one group, a stage of a view without stages")
    func refusedNames() {
        let text = Self.matrixScene(
            """
              - mode: im2cl
              - mode: [matrix, im2col]
              - stage: dL/dX
            """)
        #expect(
            SceneFixtures.inlineProblems(text) == [
                "inline.yaml:6:11: timeline[1].mode: the matrix view has no mode 'im2cl'; its modes are matrix, im2col, transposed, names, values",
                "inline.yaml:7:20: timeline[2].mode[2]: 'matrix' and 'im2col' exclude each other (both are the view's picture); name one",
                "inline.yaml:8:12: timeline[3].stage: the matrix view has no stages; its modes (mode:) are matrix, im2col, transposed, names, values",
            ])
    }

    @Test("a stage of another mode is refused with the stages there are; after mode: separable it exists")
    func stageOfAnotherMode() {
        let text = """
            title: States
            topic: 19
            view: channels
            narration: ["One."]
            timeline:
              - stage: pointwise
              - mode: separable
                stage: pointwise
            """
        #expect(
            SceneFixtures.inlineProblems(text) == [
                "inline.yaml:6:12: timeline[1].stage: the channels view has no stage 'pointwise' in the mode it is in here; its stages here are convolution (an earlier mode: changes them)"
            ])
    }

    @Test("the player puts the view in each beat's mode, also when going back to a beat after pressing keys")
    func playerEntersModes() throws {
        let text = Self.matrixScene(
            """
              - say: 1
                mode: im2col
              - say: 2
              - say: 3
                mode: [transposed, values]
            """)
        let scene = try SceneFixtures.inline(text).get()
        var player = try #require(TutorialPlayer(scenes: [scene]))
        func matrix() -> MatrixModel? { player.view as? MatrixModel }
        #expect(matrix()?.mode == .im2col)
        player.go(scene: 0, beat: 2)
        #expect(matrix()?.mode == .transposed)
        #expect(matrix()?.showNames == false)
        player.previousBeat()
        #expect(matrix()?.mode == .im2col)
        #expect(matrix()?.showNames == true)
        player.press(.character(MatrixModel.modeKey))
        #expect(matrix()?.mode == .transposed)
        player.nextBeat()
        player.previousBeat()
        #expect(matrix()?.mode == .im2col)
    }

    @Test("stage: dL/dX opens the input's gradient; stage: pointwise starts at the pointwise stage's first step")
    func playerEntersStages() throws {
        let backprop = try SceneFixtures.inline(
            "title: B\ntopic: 18\nview: backprop\nnarration: [\"One.\"]\ntimeline:\n  - stage: dL/dX\n"
        ).get()
        let player = try #require(TutorialPlayer(scenes: [backprop]))
        #expect((player.view as? BackpropModel)?.mode == .input)

        let channels = try SceneFixtures.inline(
            """
            title: C
            topic: 20
            view: channels
            setup: {input: 3x3, kernel: 3x3, in-channels: 3, out-channels: 4}
            narration: ["One."]
            timeline:
              - mode: separable
                stage: pointwise
            """
        ).get()
        let shown = try #require(TutorialPlayer(scenes: [channels]).flatMap { $0.view as? ChannelsModel })
        let position = try #require(shown.position)
        #expect(shown.computation?.stages[position.stage].name == "pointwise")
        #expect((position.channel, position.row, position.column) == (0, 0, 0))
    }

    @Test("every view's states are reachable from its opening setup and hold once entered")
    func everyStateReachable() throws {
        for view in SandboxViews.all {
            for state in view.namedStates {
                var model: any SandboxModel = try view.init(
                    configuration: ExploreConfiguration(), playing: false, speed: 1)
                if state.field == .stage && !state.available(model) {
                    // A stage of another mode: enter that mode first.
                    for mode in view.namedStates(.mode) where !state.available(model) { mode.enter(&model) }
                }
                state.enter(&model)
                #expect(state.holds(model), "\(view.kind.name) \(state.field.rawValue) \(state.name)")
            }
        }
    }
}
