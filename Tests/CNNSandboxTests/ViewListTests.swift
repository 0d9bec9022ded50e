import CNNCore
import CNNSandbox
import Testing

/// The one list of views: names unique, each buildable from the default settings, cycling in order.
@Suite("The list of views")
struct ViewListTests {
    @Test("names are unique and found case-insensitively")
    func names() {
        let names = SandboxViews.names
        #expect(Set(names).count == names.count)
        #expect(names == ["conv", "pool", "stack", "channels", "transpose", "matrix", "backprop", "1d"])
        for name in names {
            #expect(SandboxViews.model(named: name.uppercased())?.kind.name == name)
        }
        #expect(SandboxViews.model(named: "nope") == nil)
    }

    @Test("every view builds from the default settings, paused, with at least one step", arguments: SandboxViews.names)
    func builds(name: String) throws {
        let model = try #require(SandboxViews.model(named: name))
        let view = try model.init(configuration: ExploreConfiguration(), playing: false, speed: 2)
        #expect(view.player.stepCount >= 1)
        #expect(!view.player.playing)
        #expect(view.errorMessage == nil)
        #expect(type(of: view).kind == model.kind)
    }

    @Test("next wraps around the list")
    func cycling() {
        var model: any SandboxModel.Type = ConvModel.self
        var seen: [String] = []
        for _ in SandboxViews.all {
            seen.append(model.kind.name)
            model = SandboxViews.next(after: model)
        }
        #expect(seen == SandboxViews.names)
        #expect(model.kind == ConvModel.kind)
    }
}
