import CNNSandbox
import Testing

/// Key maps: lookup, conflicts, the help and footer they give.
@Suite("Key maps")
struct KeyMapTests {
    enum Command: Hashable, Sendable { case a, b, c }

    @Test("a key gives its binding's command; unbound keys give nil")
    func lookup() {
        let map = KeyMap<Command>([KeyBinding("xX", [.a, .b], help: "x"), KeyBinding([.escape], [.c], help: "esc")])
        #expect(map.command(for: .character("X")) == .b)
        #expect(map.command(for: .escape) == .c)
        #expect(map.command(for: .character("y")) == nil)
        #expect(map.conflicts == [])
    }

    @Test("a key bound twice is a conflict")
    func conflicts() {
        let map = KeyMap<Command>([KeyBinding("xy", [.a, .b], help: "x"), KeyBinding("y", [.c], help: "y")])
        #expect(map.conflicts == [.character("y")])
    }

    @Test("help entries, footer hints and README's table come from the bindings")
    func texts() {
        let map = KeyMap<Command>([
            KeyBinding("sS", [.a, .b], help: "stride − / +", hint: "s stride"), KeyBinding("|", [.c], help: "pipe"),
        ])
        #expect(map.entries.map(\.keys) == ["s S", "|"])
        #expect(map.footerHints == "s stride")
        #expect(map.markdownTable == "| key | action |\n| --- | --- |\n| `s S` | stride − / + |\n| `\\|` | pipe |")
    }

    @Test("every view's own map keeps the program's keys free and binds each key once", arguments: SandboxViews.names)
    func viewMaps(name: String) throws {
        let model = try #require(SandboxViews.model(named: name))
        #expect(model.keyMap.conflicts == [])
        #expect(model.keyMap.command(for: .character("q")) == .quit)
        #expect(model.keyMap.command(for: .character("?")) == .toggleHelp)
        #expect(model.keyMap.command(for: .character("v")) == .nextView)
    }
}
