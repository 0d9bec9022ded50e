import CNNCore
import CNNSandbox
import Testing

@testable import CNNCourse

/// Loading scene files: every field read as the format says, and the lecture's numbers checked.
@Suite("Scene loader")
struct SceneLoaderTests {
    @Test("the cross-correlation sample loads with its values, beats and expectations")
    func crossCorrelation() throws {
        let scene = try SceneFixtures.scene("good/cross-correlation")
        #expect(scene.title == "Cross-correlation, step by step")
        #expect(scene.topic == 2)
        #expect(scene.view.kind == ConvModel.kind)
        #expect(scene.narration.count == 4)
        #expect(scene.narration[1] == "The four products add up: 0·0 + 1·1 + 3·2 + 4·3 = 19.")
        let conv = scene.configuration.conv
        #expect((conv.inputRows, conv.inputColumns, conv.kernelRows, conv.kernelColumns) == (3, 3, 2, 2))
        #expect(conv.inputValues == [0, 1, 2, 3, 4, 5, 6, 7, 8])
        #expect(conv.kernelValues == [0, 1, 2, 3])
        #expect(
            scene.beats == [
                SceneBeat(say: 1, step: 1, hold: 3), SceneBeat(say: 2), SceneBeat(say: 3, play: 1...4, speed: 2),
                SceneBeat(say: 4, select: (1, 0)),
            ])
        #expect(scene.expectationCount == 5)
        // The core agrees with the lecture: 0·0 + 1·1 + 3·2 + 4·3 = 19 … 43.
        let model = try ConvModel(configuration: scene.configuration, playing: false, speed: 2)
        #expect(model.mainOutput?.channels == [[[19, 25], [37, 43]]])
        #expect(scene.paragraphsShown(atBeat: 0) == 1)
        #expect(scene.paragraphsShown(atBeat: 3) == 4)
    }

    @Test("the pooling sample: window from kernel, stride 2, the pool-example fill gives 6 8 / 3 4")
    func maxPooling() throws {
        let scene = try SceneFixtures.scene("good/max-pooling")
        #expect(scene.view.kind == PoolModel.kind)
        #expect(scene.configuration.conv.pattern == .poolExample)
        #expect(scene.configuration.given.isSuperset(of: ["input", "kernel", "stride", "fill"]))
        let model = try PoolModel(configuration: scene.configuration, playing: false, speed: 2)
        #expect(model.mainOutput?.channels == [[[6, 8], [3, 4]]])
        #expect(scene.beats[1].hold == 6)
    }

    @Test("the channels sample: explicit values per channel reach the core (first output 56)")
    func twoChannels() throws {
        let scene = try SceneFixtures.scene("good/two-channels")
        #expect(scene.configuration.inputChannels == 2)
        #expect(scene.configuration.outputChannels == 1)
        #expect(scene.configuration.conv.inputValues?.count == 18)
        let model = try ChannelsModel(configuration: scene.configuration, playing: false, speed: 2)
        // ch0 [0,1,3,4]·[0,1,2,3] = 19 and ch1 [1,2,4,5]·[1,2,3,4] = 37 (ramp kernel slices).
        #expect(model.mainOutput?.channels == [[[56, 72], [104, 120]]])
        #expect(model.mainOutput?.shape == [1, 2, 2])
    }

    @Test("without a timeline: one beat per paragraph, the first playing every step")
    func defaultTimeline() throws {
        let scene = try #require(
            try? SceneFixtures.inline(
                """
                title: Default timeline
                topic: 1
                view: conv
                setup: {input: 4, kernel: 3}
                narration: ["One.", "Two."]
                """
            ).get())
        #expect(scene.beats == [SceneBeat(say: 1, play: 1...4), SceneBeat(say: 2)])
    }

    @Test("explicit weights on a 4-level list give every kernel and slice of the channels view")
    func channelsWeights() throws {
        let scene = try #require(
            try? SceneFixtures.inline(
                """
                title: Two kernels
                topic: 11
                view: channels
                setup:
                  values: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]
                  weights: [[[[1]], [[0]]], [[[0]], [[1]]]]
                narration: ["Each kernel copies one channel."]
                expect:
                  output: [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]
                  output_shape: [2, 2, 2]
                """
            ).get())
        #expect(scene.configuration.outputChannels == 2)
        #expect(scene.configuration.conv.kernelValues == [1, 0, 0, 1])
    }

    @Test("the 1-D view takes a flat signal and kernel")
    func oneDimensionalValues() throws {
        let scene = try #require(
            try? SceneFixtures.inline(
                """
                title: A 1-D kernel
                topic: 19
                view: 1d
                setup:
                  values: [1, 2, 3, 4, 5]
                  weights: [1, 0, -1]
                narration: ["Differences two apart."]
                expect:
                  output: [-2, -2, -2]
                  steps: 3
                  step_values: {1: -2}
                """
            ).get())
        #expect(scene.configuration.conv.inputValues == [1, 2, 3, 4, 5])
    }

    @Test("an average the screen writes as 0.33 matches the core's 1/3")
    func roundedAverages() {
        let text = """
            title: Thirds
            topic: 9
            view: pool
            setup: {values: [[1, 0, 0], [0, 0, 0], [0, 0, 0]], kernel: 3, pool: avg}
            narration: ["A third of a ninth."]
            expect:
              output: [[0.11]]
            """
        #expect(SceneFixtures.inlineProblems(text) == [])
        #expect(
            SceneFixtures.inlineProblems(text.replacingOccurrences(of: "0.11", with: "0.12")) == [
                "inline.yaml:7:3: expect.output: the core computes [[0.11]], the scene says [[0.12]]"
            ])
    }

    @Test("the stack view states shapes; values and step values are refused with a reason")
    func stackExpectations() {
        let problems = SceneFixtures.inlineProblems(
            """
            title: Stack
            topic: 14
            view: stack
            setup: {layers: "conv3,conv3", input: 9}
            narration: ["Two layers."]
            expect:
              output_shape: [1, 5, 5]
              steps: 3
              output: [[1]]
              step_values: {1: 3}
            """)
        #expect(
            problems == [
                "inline.yaml:9:3: expect.output: the stack view shows sizes, not values; state output_shape or facts instead",
                "inline.yaml:10:3: expect.step_values: the stack view's steps light up levels, they compute no value",
            ])
    }

    @Test("values that disagree with a given input size are refused at the values")
    func valuesSizeMismatch() {
        let problems = SceneFixtures.inlineProblems(
            """
            title: Mismatch
            topic: 2
            view: conv
            setup:
              input: 4x4
              values: [[1, 2], [3, 4]]
            narration: ["No."]
            """)
        #expect(
            problems == [
                "inline.yaml:6:11: setup.values: 2 rows of 2 numbers do not match input 4x4; give 4 rows of 4 numbers or change input"
            ])
    }

    @Test("an empty file, a list at the top and duplicate keys are reported at their places")
    func structuralMistakes() {
        #expect(
            SceneFixtures.inlineProblems("") == [
                "inline.yaml:1:1: the file is empty; a scene needs title, topic, view, narration"
            ])
        #expect(
            SceneFixtures.inlineProblems("- title: x\n") == [
                "inline.yaml:1:1: expected a mapping of fields (title, topic, view, setup, narration, timeline, expect), got a list of 1"
            ])
        #expect(
            SceneFixtures.inlineProblems("title: a\ntitle: b\n").first?.hasPrefix(
                "inline.yaml:1:1: bad YAML: the field 'title' appears twice") == true)
    }
}
