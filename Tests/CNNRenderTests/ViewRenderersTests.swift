import CNNCore
import CNNRender
import CNNSandbox
import Testing

/// The two lists of a view (models in `SandboxViews.all`, renderers in `ViewRenderers.all`) agree:
/// a view missing from either fails here, not at run time.
@Suite("The list of renderers")
struct ViewRenderersTests {
    @Test("every view model has exactly one renderer, in the same order")
    func everyModelHasARenderer() {
        #expect(ViewRenderers.kinds.map(\.name) == SandboxViews.names)
    }

    @Test("every view's screen is drawn by its own renderer inside the host's chrome", arguments: SandboxViews.names)
    func hostDrawsEveryView(name: String) throws {
        let model = try #require(SandboxViews.model(named: name))
        let view = try model.init(configuration: ExploreConfiguration(), playing: false, speed: 2)
        let canvas = view.render(width: 80, height: 24, options: RenderOptions(color: false)).canvas
        #expect(canvas.lines[0].hasPrefix(" cnnviz explore · \(model.kind.title)"))
        #expect(canvas.lines[0].hasSuffix("? keys  q quit"))
        #expect(canvas.lines[23].hasPrefix(" step 1/"))
        #expect(!canvas.text.contains("no renderer"))
    }

    @Test("the help overlay is the view's key map", arguments: SandboxViews.names)
    func helpOverlayIsTheKeyMap(name: String) throws {
        let model = try #require(SandboxViews.model(named: name))
        var view = try model.init(configuration: ExploreConfiguration(), playing: false, speed: 2)
        view.apply(.toggleHelp)
        for (width, height) in [(100, 40), (80, 24)] {
            let text = view.render(width: width, height: height, options: RenderOptions(color: false)).canvas.text
            #expect(text.contains("keys: \(model.kind.title)"))
            for entry in model.keyMap.entries {
                #expect(
                    text.contains(entry.action), "the \(name) overlay at \(width)×\(height) lacks '\(entry.action)'")
            }
        }
    }
}
