import CNNSandbox
import Testing

@Suite("Player: a page of steps")
struct PlayerPagingTests {
    @Test("PgDn and PgUp move a tenth of the timeline, pause, and stop at either end")
    func pages() {
        var player = Player(stepCount: 3844, playing: true)
        #expect(player.pageLength == 385)
        let applied = player.applyPlayback(.pageSteps(1))
        #expect(applied)
        #expect(player.step == 385 && !player.playing)
        _ = player.applyPlayback(.pageSteps(9))
        #expect(player.step == 3843)
        _ = player.applyPlayback(.pageSteps(-1))
        #expect(player.step == 3843 - 385)
        _ = player.applyPlayback(.pageSteps(-20))
        #expect(player.step == 0)
        var short = Player(stepCount: 4)
        _ = short.applyPlayback(.pageSteps(1))
        #expect(short.pageLength == 1 && short.step == 1)
    }

    @Test("every view binds PgUp and PgDn to a page of steps, or leaves them out", arguments: SandboxViews.names)
    func bound(name: String) throws {
        let model = try #require(SandboxViews.model(named: name))
        let down = model.keyMap.command(for: .pageDown)
        #expect(down == nil || down == .action(.pageSteps(1)))
        #expect(model.keyMap.command(for: .pageUp) == (down == nil ? nil : .action(.pageSteps(-1))))
    }
}
