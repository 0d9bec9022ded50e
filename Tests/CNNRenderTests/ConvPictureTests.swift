import CNNCore
import CNNCourse
import Foundation
import TestSupport
import Testing

@testable import CNNRender
@testable import CNNSandbox

/// The conv view with an image: pictures in half blocks, one scale, the window's numbers, the
/// feature map's range, `z` for the numbers, `T` for the PyTorch code; pictures averaged once
/// per change, not per frame.
@Suite("Convolution view: pictures", .serialized)
struct ConvPictureTests {
    /// The conv view of `Samples/shapes.pgm` on 0…255 with the Sobel kernel, paused at `step`.
    static func shapesModel(step: Int) throws -> ConvModel {
        var configuration = ExploreConfiguration()
        try Settings.named(.image).apply(Repository.url("Samples/shapes.pgm").path, to: &configuration)
        try Settings.named(.imageRange).apply("255", to: &configuration)
        try Settings.named(.preset).apply("sobel-x", to: &configuration)
        try ImageInput.load(into: &configuration, view: ConvModel.self)
        var model = try ConvModel(configuration: configuration, playing: false, speed: 1)
        model.player.go(to: step)
        return model
    }

    @Test("an image is drawn as pictures: one scale, the window's pixels beside, the feature map's range")
    func pictures() throws {
        let model = try Self.shapesModel(step: 1886)
        let frame = ConvView.render(model, width: 80, height: 24, options: RenderOptions(color: false))
        Golden.check(frame.canvas, named: "conv-picture-shapes-80x24")
        #expect(frame.canvas.contains("input 48×96  1 cell = 4×8 pixels  0…255"))
        #expect(frame.canvas.contains("feature map 46×94  −476…476"))
        #expect(frame.canvas.contains("under the window"))
        #expect(frame.canvas.contains("25   25  109"))
        #expect(frame.canvas.contains("= -336"))
        let wide = ConvView.render(model, width: 200, height: 60, options: RenderOptions(color: true))
        // At 200×60 the numbers go under the input, so the pictures are drawn at full resolution.
        #expect(wide.canvas.contains("1 cell = 1×2 pixels"))
        #expect(wide.canvas.cells.contains { $0.character == "▀" && $0.style.background != nil })
    }

    @Test("z switches to the numbers and back; T shows the PyTorch code over the view")
    func keys() throws {
        var model = try Self.shapesModel(step: 0)
        #expect(ConvModel.keyMap.command(for: .character("z")) == .action(.viewKey("z")))
        model.apply(.viewKey(ConvModel.zoomKey))
        let numbers = ConvView.render(model, width: 80, height: 24, options: RenderOptions(color: false))
        #expect(!numbers.canvas.contains("1 cell ="))
        #expect(numbers.canvas.contains("output 46×94"))
        model.apply(.viewKey(ConvModel.zoomKey))
        #expect(
            ConvView.render(model, width: 80, height: 24, options: RenderOptions(color: false)).canvas.contains(
                "1 cell ="))
        model.apply(.viewKey(ConvModel.codeKey))
        let code = ConvView.render(model, width: 100, height: 30, options: RenderOptions(color: false))
        #expect(code.canvas.contains("PyTorch (cnnviz explore --torch)"))
        #expect(code.canvas.contains("y = F.conv2d(x, w, None, stride=(1, 1), padding=(0, 0)"))
        #expect(code.canvas.contains("torch.rand(1, 1, 48, 96"))
    }

    @Test("a cache averages a picture once per change of values or scale, not per draw")
    func cacheFitsOnce() {
        let cache = PictureCache()
        let values = (0..<(64 * 32)).map { Double($0 % 7) }
        for _ in 0..<5 { _ = cache.fitted(values: values, width: 64, shading: .grey(low: 0, high: 6), factor: 2) }
        #expect(cache.fitCount == 1)
        _ = cache.fitted(values: values, width: 64, shading: .grey(low: 0, high: 6), factor: 4)
        #expect(cache.fitCount == 2)
        let fitted = cache.fitted(values: values.map { $0 + 1 }, width: 64, shading: .grey(low: 0, high: 6), factor: 4)
        #expect(cache.fitCount == 3)
        #expect(fitted?.fitted.columns == 16)
    }

    @Test("stepping over a 512×512 image redraws without averaging the pictures again")
    func steppingReusesPictures() {
        let side = 512
        let values = (0..<(side * side)).map { Double(($0 / side + $0 % side) % 256) / 255 }
        var model = ConvModel(
            setup: ConvSetup(inputRows: side, inputColumns: side, preset: .sobelX, inputValues: values), playing: false)
        model.fromImage = true
        _ = ConvView.render(model, width: 200, height: 60, options: RenderOptions(color: true))
        let before = ConvPictureView.inputCache.fitCount + ConvPictureView.outputCache.fitCount
        let start = Date()
        for step in 1...20 {
            model.player.go(to: step * 997)
            _ = ConvView.render(model, width: 200, height: 60, options: RenderOptions(color: true))
        }
        let perFrame = Date().timeIntervalSince(start) / 20
        print("512×512 image: \(Int(perFrame * 1000)) ms per frame (debug build)")
        #expect(ConvPictureView.inputCache.fitCount + ConvPictureView.outputCache.fitCount == before)
    }

    @Test("a picture heading with no room left ends with an ellipsis, not cut mid-word")
    func headingCutWithEllipsis() throws {
        let side = 1024
        let values = (0..<(side * side)).map { Double(($0 / side + $0 % side) % 256) / 255 }
        var model = ConvModel(
            setup: ConvSetup(inputRows: side, inputColumns: side, preset: .sobelX, inputValues: values), playing: false)
        model.fromImage = true
        let frame = ConvView.render(model, width: 72, height: 24, options: RenderOptions(color: false))
        let heading = try #require(frame.canvas.lines.first { $0.contains("1 cell =") })
        let trimmed = heading.trimmingCharacters(in: .whitespaces)
        // The feature map's heading starts far right: it is whole, or cut at a word with "…".
        let tail = try #require(trimmed.components(separatedBy: "  ").last)
        #expect(tail.hasSuffix("…") || tail.contains("…") && tail.first == "−", "\(heading)")
    }
}
