import CNNCore
import Dispatch
import Testing

@testable import CNNRender
@testable import CNNSandbox

/// The conv, pool and matrix views at their worst accepted settings (4096×4096 inputs, the
/// largest kernels and dilations) build, draw and take an edit, computing only what the frames
/// show. Speed is measured by `cnnviz-bench`; here only a generous bound for a debug build.
@Suite("Worst settings")
struct WorstSettingsTests {
    /// A model of `view` with the flags, as `explore` builds it.
    static func model(_ view: String, _ flags: [(SettingName, String)]) throws -> any SandboxModel {
        var configuration = ExploreConfiguration()
        for (name, value) in flags { try Settings.named(name).apply(value, to: &configuration) }
        let type = try #require(SandboxViews.model(named: view))
        return try type.init(configuration: configuration, playing: false, speed: 2)
    }

    /// Seconds since `start`.
    static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test(
        "conv and pool at 4096×4096 compute only the tiles their frames read; the shown value is its trace's",
        arguments: [
            ("conv", [(SettingName.input, "4096"), (.kernel, "15"), (.dilation, "99"), (.padding, "99")]),
            // Window 15 at stride 1 is refused (3.7 billion window reads, over the core's 2^31).
            ("pool", [(SettingName.input, "4096"), (.kernel, "11"), (.stride, "1")]),
        ])
    func lazyViews(view: String, flags: [(SettingName, String)]) throws {
        let start = DispatchTime.now().uptimeNanoseconds
        var model = try Self.model(view, flags)
        let middle = model.player.stepCount / 2
        model.player.go(to: middle)
        // One drawing is the picture (conv: by default at this size; pool: after z), the other the numbers.
        let first = model.render(width: 200, height: 60, options: RenderOptions(color: false))
        let small = model.render(width: 80, height: 24, options: RenderOptions())
        #expect(small.canvas.width == 80)
        model.apply(.viewKey("z"))
        let second = model.render(width: 200, height: 60, options: RenderOptions(color: false))
        let sampled = first.canvas.contains("sampled") || second.canvas.contains("sampled")
        #expect(sampled, "the picture of a lazy output says it is sampled")
        let numbers = view == "conv" ? second : first
        if let conv = model as? ConvModel, let computation = conv.computation {
            let value = computation.trace(step: conv.player.step).value
            let shown = numbers.canvas.contains("= \(NumberText.format(value))")
            #expect(shown, "the dot product's sum is shown")
        }
        model.apply(.stride(1))
        _ = model.render(width: 200, height: 60, options: RenderOptions())
        #expect(Self.seconds(since: start) < 30, "debug build, four frames and an edit")
        if let conv = model as? ConvModel {
            let computation = try #require(conv.computation)
            #expect(computation.isLazy && conv.outputSummary.isEstimate)
            #expect(computation.tilesComputed <= 64, "only the tiles drawn: \(computation.tilesComputed)")
            let (row, column) = computation.position(ofStep: conv.player.step)
            let trace = computation.trace(step: conv.player.step)
            #expect(computation.value(row: row, column: column) == trace.value)
        }
        if let pool = model as? PoolModel {
            let computation = try #require(pool.computation)
            #expect(computation.isLazy && pool.outputSummary.isEstimate)
            #expect(computation.tilesComputed <= 64, "only the tiles drawn: \(computation.tilesComputed)")
            let (row, column) = computation.position(ofStep: pool.player.step)
            #expect(computation.value(row: row, column: column) == pool.currentTrace?.value)
        }
    }

    @Test("the matrix view refuses a 4096×4096 input at once, naming the largest that fits")
    func matrixRefusal() throws {
        let start = DispatchTime.now().uptimeNanoseconds
        var configuration = ExploreConfiguration()
        try Settings.named(.input).apply("4096", to: &configuration)
        try Settings.named(.kernel).apply("3", to: &configuration)
        let model = MatrixModel(from: configuration, playing: false)
        let message = try #require(model.errorMessage)
        #expect(message.contains("use an input of at most 8×8"), "\(message)")
        let frame = MatrixView.render(model, width: 200, height: 60, options: RenderOptions())
        #expect(frame.canvas.width == 200)
        #expect(Self.seconds(since: start) < 10)
    }

    @Test("the transpose view makes no ramp for an input it must refuse, and keeps it for one it may accept")
    func transposeRamp() throws {
        func setup(_ flags: [(SettingName, String)]) throws -> TransposeSetup {
            var configuration = ExploreConfiguration()
            for (name, value) in flags { try Settings.named(name).apply(value, to: &configuration) }
            return TransposeSetup(configuration: configuration)
        }
        #expect(try setup([(.input, "4096"), (.stride, "99")]).conv.inputValues == nil)
        #expect(try setup([(.input, "3")]).conv.inputValues == ConvSetup.smallRampValues(count: 9))
        // 800 − 2·99 = 602 per side at least: the output may fit, so the ramp is made as before.
        let padded = try setup([(.input, "800"), (.stride, "1"), (.kernel, "1"), (.padding, "99")])
        #expect(padded.conv.inputValues?.count == 640_000)
    }

    @Test("the fitting side found by bisection is the one found by counting down", arguments: [1, 2, 3])
    func fittingSide(stride: Int) {
        for kernel in [1, 3, 5] {
            for side in [1, 2, 7, 9, 12, 30] {
                let setup = ConvSetup(
                    inputRows: side, inputColumns: side, kernelRows: kernel, kernelColumns: kernel,
                    stride: [stride, stride], padding: .explicit([1, 1]))
                let fits: (Int, Int) -> Bool = { outputs, inputs in max(outputs, inputs) <= 64 }
                var expected: Int?
                var candidate = side
                while candidate > 1 {
                    candidate -= 1
                    guard
                        let layer = try? ConvLayer(
                            inputShape: [1, 1, candidate, candidate], weightShape: [1, 1, kernel, kernel],
                            hasBias: false,
                            parameters: ConvParameters(
                                stride: setup.stride, padding: setup.padding, dilation: setup.dilation))
                    else { break }
                    if fits(layer.axes[0].outputSize * layer.axes[1].outputSize, candidate * candidate) {
                        expected = candidate
                        break
                    }
                }
                #expect(MatrixModel.largestFittingSide(setup: setup, fits: fits) == expected, "\(setup)")
            }
        }
    }
}
