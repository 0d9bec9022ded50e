import Testing

@testable import CNNCourse

/// Every kind of mistake in a scene file, with the exact `file:line:column: message` lines that
/// `cnnviz check` prints (Tests/SceneFixtures/broken/*.yaml).
@Suite("Broken scenes")
struct BrokenSceneTests {
    @Test("bad YAML: Yams' own line and column")
    func badYAML() throws {
        #expect(
            try SceneFixtures.problems("broken/bad-yaml") == [
                "broken/bad-yaml.yaml:6:1: bad YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 5, column 11)"
            ])
    }

    @Test("unknown fields at every level, each at its key, naming what would be accepted")
    func unknownFields() throws {
        #expect(
            try SceneFixtures.problems("broken/unknown-field") == [
                "broken/unknown-field.yaml:4:1: unknown field 'colour'; a scene takes title, topic, view, setup, narration, timeline, expect",
                "broken/unknown-field.yaml:7:3: unknown field 'setup.strde'; setup takes input, image, image-range, kernel, stride, padding, dilation, preset, fill, seed, bias, activation, pool, ceil-mode, exclude-pad, layers, in-channels, out-channels, groups, output-padding, causal, values, weights",
                "broken/unknown-field.yaml:12:5: unknown field 'timeline[1].wait'; a beat takes say, step, play, speed, hold, keys, do, mode, stage, select",
                "broken/unknown-field.yaml:14:3: unknown field 'expect.outputs'; expect takes output, output_shape, steps, step_values, facts",
            ])
    }

    @Test("wrong types: a whole number, a pair, true/false, a number, a list, a range, a number of seconds in range")
    func wrongTypes() throws {
        #expect(
            try SceneFixtures.problems("broken/wrong-type") == [
                "broken/wrong-type.yaml:2:8: topic: expected a whole number, got 'two'",
                "broken/wrong-type.yaml:6:11: setup.stride: expected 2 or 3,2, got a list of 3",
                "broken/wrong-type.yaml:7:14: setup.ceil-mode: expected on or off (true or false), got 'maybe'",
                "broken/wrong-type.yaml:8:9: setup.bias: expected a finite number between −1000000000000 and 1000000000000, got 'lots'",
                "broken/wrong-type.yaml:9:12: narration: expected a list of paragraphs (at least one), got 'A paragraph that should have been a lis…'",
                "broken/wrong-type.yaml:11:11: timeline[1].play: expected a range of steps [first, last], got '3'",
                "broken/wrong-type.yaml:12:11: timeline[1].hold: -1 is outside 0.1…3600 seconds",
            ])
    }

    @Test("missing required fields, at the top of the file")
    func missingFields() throws {
        #expect(
            try SceneFixtures.problems("broken/missing-field") == [
                "broken/missing-field.yaml:1:1: missing required field 'title'",
                "broken/missing-field.yaml:1:1: missing required field 'topic'",
                "broken/missing-field.yaml:1:1: missing required field 'narration'",
            ])
    }

    @Test("invalid geometry: the core's own message, at the setup")
    func invalidGeometry() throws {
        #expect(
            try SceneFixtures.problems("broken/invalid-geometry") == [
                "broken/invalid-geometry.yaml:4:1: setup: the core refuses this setup: kernel 5×5 at dilation 2 spans 9×9, larger than the padded input 3×3 (input 3×3, padding 0); lower the dilation, add padding or use a smaller kernel (padding 3 per side, a kernel of at most 2×2 would fit)"
            ])
    }

    @Test("expectations the core contradicts: each at its key, with both numbers")
    func contradicted() throws {
        #expect(
            try SceneFixtures.problems("broken/contradicted") == [
                "broken/contradicted.yaml:10:3: expect.output: the core computes [[19, 25], [37, 43]], the scene says [[19, 25], [37, 44]]",
                "broken/contradicted.yaml:11:3: expect.output_shape: the core computes [2, 2], the scene says [2, 3]",
                "broken/contradicted.yaml:12:3: expect.steps: the view has 4 steps, the scene says 5",
                "broken/contradicted.yaml:13:3: expect.step_values: step 2: the core computes 25, the scene says 26",
                "broken/contradicted.yaml:16:7: expect.facts[1].parameters: the core computes 760, the scene says 761",
                "broken/contradicted.yaml:18:7: expect.facts[2].equals: the core computes 14, the scene says 15",
                "broken/contradicted.yaml:20:7: expect.facts[3].receptive_field: the core computes [3, 5, 7], the scene says [3, 5, 8]",
            ])
    }

    @Test("a timeline that names a paragraph, step, range or cell that does not exist, or a player key")
    func badTimeline() throws {
        #expect(
            try SceneFixtures.problems("broken/bad-timeline") == [
                "broken/bad-timeline.yaml:10:10: timeline[1].say: paragraph 2 does not exist; the narration has 1 paragraph",
                "broken/bad-timeline.yaml:11:11: timeline[2].step: step 5 is outside 1…4, the view's steps here",
                "broken/bad-timeline.yaml:12:11: timeline[3].play: [3, 1] is not a range of steps within 1…4 (first ≤ last)",
                "broken/bad-timeline.yaml:13:13: timeline[4].select: cell [2, 0] is outside the 2×2 output; rows and columns count from 0",
                "broken/bad-timeline.yaml:14:11: timeline[5].keys: 'q' is not a key of the conv view; q, v, ? and space belong to the player (see cnnviz explore's ? help for view keys)",
            ])
    }

    @Test("facts: a core refusal at the fact's kind, a missing setting, an unknown result, no kind")
    func factMistakes() {
        let problems = SceneFixtures.inlineProblems(
            """
            title: Facts
            topic: 5
            view: conv
            narration: ["Costs."]
            expect:
              facts:
                - convolution: {input: [3, 4, 4], out_channels: 2, kernel: 5}
                  weights: 150
                - fully_connected: {inputs: 10}
                  weights: 20
                - output_size: {input: 8, kernel: 3}
                  size: 6
                - weights: 3
            """)
        #expect(
            problems == [
                "inline.yaml:7:7: expect.facts[1].convolution: kernel 5×5 is larger than the padded input 4×4 (input 4×4, padding 0); add padding or use a smaller kernel (padding 1 per side, a kernel of at most 4×4 would fit)",
                "inline.yaml:9:24: expect.facts[2].fully_connected: missing required field 'outputs'",
                "inline.yaml:12:7: unknown field 'expect.facts[3].size'; a output_size fact states equals",
                "inline.yaml:13:7: expect.facts[4]: a fact names exactly one of fully_connected, convolution, separable, stack, pool, output_size, network",
            ])
    }
}
