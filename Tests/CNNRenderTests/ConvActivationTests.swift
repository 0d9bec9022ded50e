import CNNCore
import CNNRender
import CNNSandbox
import Testing

/// The convolution view with `activation: relu`: the output panel is `relu(out)`, its cells are
/// max(0, z) of the core's sums, and the written-out sum ends with the ReLU of the current cell.
@Suite("Convolution view: ReLU after the sum")
struct ConvActivationTests {
    /// Scene 05a's setup: a step edge, the vertical-edge kernel, bias −15.
    static func model(activation: Activation, step: Int) -> ConvModel {
        var configuration = ExploreConfiguration()
        configuration.conv = ConvSetup(
            inputRows: 6, inputColumns: 6, preset: .verticalEdge, pattern: .step, bias: -15)
        configuration.activation = activation
        // The setup is valid (scene 05a uses it); a refusal would fail every test below.
        var model =
            (try? ConvModel(configuration: configuration, playing: false, speed: 1)) ?? ConvModel(setup: ConvSetup())
        model.player.go(to: step)
        return model
    }

    @Test("relu(out): the panel title, the clipped and passed cells, the sum and its ReLU (golden)")
    func reluFrame() throws {
        let model = Self.model(activation: .relu, step: 15)
        let frame = ConvView.render(model, width: 80, height: 24, options: RenderOptions(color: false))
        Golden.check(frame.canvas, named: "conv-relu-80x24")
        let text = frame.canvas.lines.joined(separator: "\n")
        #expect(text.contains("relu(out) 4×4"))
        #expect(text.contains("(bias) = -15, relu(-15) = 0"))
        #expect(text.components(separatedBy: "0    15    15     0").count == 5, "four rows of 0 15 15 0")
        #expect(!text.contains("-15   15"))
    }

    @Test("each shown value is the activation trace's output of the core's sum")
    func shownEqualsTrace() throws {
        let model = Self.model(activation: .relu, step: 0)
        let computation = try #require(model.computation)
        for step in 0..<computation.stepCount {
            let (row, column) = computation.position(ofStep: step)
            let trace = try #require(model.activationTrace(step: step))
            #expect(trace.input == computation.trace(step: step).value)
            #expect(model.shownValue(row: row, column: column) == trace.output)
            #expect(trace.output == max(0, trace.input))
        }
        let rows = try #require(model.mainOutput?.channels.first)
        #expect(rows.flatMap { $0 } == computation.output.data.map { max(0, $0) })
    }

    @Test("without an activation the panel is the plain output and the `a` key switches ReLU on")
    func keySwitches() throws {
        var model = Self.model(activation: .none, step: 3)
        let plain = ConvView.render(model, width: 80, height: 24, options: RenderOptions(color: false))
            .canvas.lines.joined(separator: "\n")
        #expect(plain.contains("output 4×4"))
        #expect(plain.contains("(bias) = -15"))
        #expect(!plain.contains("relu"))
        #expect(model.activationTrace(step: 3) == nil)
        model.apply(.viewKey(ConvModel.activationKey))
        let relu = ConvView.render(model, width: 80, height: 24, options: RenderOptions(color: false))
        #expect(relu.canvas.lines.contains { $0.contains("relu(out) 4×4") })
    }
}
