import CNNCore
import CNNSandbox
import Testing

/// The text syntax of `--values`/`--weights` (and of scene strings), and the shape checks shared
/// with scenes.
@Suite("Value text and explicit values")
struct ValueTextTests {
    private func parse(_ text: String) -> NumberGrid? {
        try? ValueText.parse(text).get()
    }

    private func refusal(_ text: String) -> String? {
        if case .failure(let error) = ValueText.parse(text) { return error.message }
        return nil
    }

    @Test("rows by ;, channels by |, kernels by ||, a flat list without separators")
    func shapes() {
        #expect(parse("0 1 2; 3 4 5") == NumberGrid(values: [0, 1, 2, 3, 4, 5], shape: [2, 3]))
        #expect(parse("1, -2.5, 3") == NumberGrid(values: [1, -2.5, 3], shape: [3]))
        #expect(parse("1 2; 3 4 | 5 6; 7 8")?.shape == [2, 2, 2])
        #expect(parse("1; 2 | 3; 4 || 5; 6 | 7; 8")?.shape == [2, 2, 2, 1])
        #expect(parse("0 1\n2 3\n\n4 5\n6 7\n") == NumberGrid(values: [0, 1, 2, 3, 4, 5, 6, 7], shape: [2, 2, 2]))
    }

    @Test("ragged rows, words, non-finite and empty text are refused with the place")
    func refusals() {
        #expect(refusal("0 1 2; 3 4") == "row 2 has 2 numbers, the first row has 3; every row needs the same count")
        #expect(refusal("0 x")?.contains("'x' (row 1, number 2) is not a finite number") == true)
        #expect(refusal("1 inf")?.contains("'inf'") == true)
        #expect(refusal("1 2; ")?.contains("row 2 is empty") == true)
        #expect(refusal("1 2 | 3 4; 5 6")?.contains("channel 2") == true)
    }

    @Test("values set the input size; a given size that disagrees is named with both shapes")
    func inputChecks() throws {
        var configuration = ExploreConfiguration()
        try ExplicitValues.applyInput(try #require(parse("0 1 2; 3 4 5")), view: ConvModel.self, to: &configuration)
        #expect((configuration.conv.inputRows, configuration.conv.inputColumns) == (2, 3))
        #expect(configuration.conv.inputValues == [0, 1, 2, 3, 4, 5])
        var sized = ExploreConfiguration()
        try Settings.named(.input).apply("4", to: &sized)
        #expect(
            throws: SettingError(
                "2 rows of 3 numbers do not match input 4x4; give 4 rows of 4 numbers or change input")
        ) {
            try ExplicitValues.applyInput(try #require(parse("0 1 2; 3 4 5")), view: ConvModel.self, to: &sized)
        }
        #expect(throws: SettingError("the pool view has no kernel weights; remove weights")) {
            try ExplicitValues.applyWeights(try #require(parse("1 0; 0 1")), view: PoolModel.self, to: &sized)
        }
    }

    @Test("channels: | gives in-channels; a kernel's slices must match in-channels / groups")
    func channelChecks() throws {
        var configuration = ExploreConfiguration()
        try ExplicitValues.applyInput(
            try #require(parse("1 2; 3 4 | 5 6; 7 8 | 0 0; 0 1")), view: ChannelsModel.self, to: &configuration)
        #expect(configuration.inputChannels == 3)
        #expect(throws: SettingError("each kernel has 2 slices, but in-channels 3 / groups 1 needs 3")) {
            try ExplicitValues.applyWeights(try #require(parse("1 | 2")), view: ChannelsModel.self, to: &configuration)
        }
        try ExplicitValues.applyWeights(
            try #require(parse("1 | 2 | 3 || 0 | 1 | 0")), view: ChannelsModel.self, to: &configuration)
        #expect(configuration.outputChannels == 2)
        #expect((configuration.conv.kernelRows, configuration.conv.kernelColumns) == (1, 1))
    }
}
