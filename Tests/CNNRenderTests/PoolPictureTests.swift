import CNNCore
import CNNCourse
import CNNRender
import CNNSandbox
import TestSupport
import Testing

/// The pool view with an image: the image and the pooled image at one scale; `z` for the numbers.
@Suite("Pooling view: pictures")
struct PoolPictureTests {
    @Test("an image and its pooled image share one scale, the window's pixels beside; z gives the numbers")
    func pictures() throws {
        var configuration = ExploreConfiguration()
        try Settings.named(.image).apply(Repository.url("Samples/shapes.pgm").path, to: &configuration)
        try Settings.named(.imageRange).apply("255", to: &configuration)
        try ImageInput.load(into: &configuration, view: PoolModel.self)
        var model = try PoolModel(configuration: configuration, playing: false, speed: 1)
        model.player.go(to: 29)
        let frame = PoolView.render(model, width: 80, height: 24, options: RenderOptions(color: false))
        #expect(frame.canvas.contains("input 48×96  1 cell = 4×8 pixels  0…255"))
        #expect(frame.canvas.contains("max pooled 24×48  0…255"))
        #expect(frame.canvas.contains("under the window"))
        #expect(frame.canvas.contains("max(25, 25, 25, 25) = 25"))
        #expect(PoolModel.keyMap.command(for: .character("z")) == .action(.viewKey("z")))
        model.apply(.viewKey("z"))
        let numbers = PoolView.render(model, width: 80, height: 24, options: RenderOptions(color: false))
        #expect(!numbers.canvas.contains("1 cell ="))
        #expect(numbers.canvas.contains("output 24×48"))
    }
}
