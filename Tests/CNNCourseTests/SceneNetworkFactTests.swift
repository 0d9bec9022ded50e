import Testing

@testable import CNNCourse

/// The `network` fact: a whole network in `cnnviz summary`'s layer language, its totals checked
/// against `NetworkSummary`, a refused layer string reported at the character the core names.
@Suite("Network facts")
struct SceneNetworkFactTests {
    /// LeNet-5 as PyTorch code writes it (the lecture notes' network).
    static let lenet = "conv5c6,relu,maxpool2,conv5c16,relu,maxpool2,flatten,fc120,relu,fc84,relu,fc10"

    /// A scene whose only content is one network fact with the given results.
    static func scene(layers: String, input: String = "[1, 32, 32]", results: String) -> String {
        """
        title: A network
        topic: 21
        view: conv
        narration: ["Totals."]
        expect:
          facts:
            - network: {layers: \(layers), input: \(input)}
        \(results)
        """
    }

    @Test("LeNet-5's totals are the core's: 61,706 parameters, 416,520 multiplications, 10 outputs")
    func lenetTotals() {
        let text = Self.scene(
            layers: "\"\(Self.lenet)\"",
            results: "      parameters: 61706\n      multiplications: 416520\n      output_shape: [10]")
        #expect(SceneFixtures.inlineProblems(text) == [])
    }

    @Test("a wrong total names both numbers, at the result's key")
    func wrongTotal() {
        let text = Self.scene(
            layers: "\"\(Self.lenet)\"", results: "      parameters: 61707\n      output_shape: [84]")
        #expect(
            SceneFixtures.inlineProblems(text) == [
                "inline.yaml:8:7: expect.facts[1].parameters: the core computes 61706, the scene says 61707",
                "inline.yaml:9:7: expect.facts[1].output_shape: the core computes [10], the scene says [84]",
            ])
    }

    @Test("a bad network: the core's message at the layer it names, inside the quoted string")
    func badNetwork() {
        let text = Self.scene(layers: "\"conv5c6,relu,maxpol2\"", results: "      parameters: 1")
        #expect(
            SceneFixtures.inlineProblems(text) == [
                "inline.yaml:7:39: expect.facts[1].network.layers: 'maxpol2': unknown layer; a layer is one of conv, convt, maxpool, pool, avgpool, gap, gmp, relu, sigmoid, tanh, dropout, bn, up, flatten, fc or res(…)"
            ])
    }

    @Test("shapes that do not add up are refused at the layer, in a plain (unquoted) string too")
    func shapesDoNotFit() {
        let text = Self.scene(layers: "conv5c6", input: "[1, 4, 4]", results: "      parameters: 1")
        let problems = SceneFixtures.inlineProblems(text)
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("inline.yaml:7:25: expect.facts[1].network.layers: ") == true)
    }

    @Test("an input that is not a shape names the sizes that would work")
    func badInput() {
        let text = Self.scene(layers: "conv5c6", input: "[0, 32]", results: "      parameters: 1")
        #expect(
            SceneFixtures.inlineProblems(text) == [
                "inline.yaml:7:41: expect.facts[1].network.input: [0, 32] is not an input shape; give [C, H, W] or [H, W] with every size from 1 to 2147483648, e.g. [1, 32, 32]"
            ])
    }
}
