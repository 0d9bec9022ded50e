import CNNSandbox
import Foundation
import Testing

@testable import CNNCourse

/// README's key tables are the key maps themselves: each sits between `<!-- keys:NAME -->` and
/// `<!-- /keys:NAME -->` and must equal `KeyTables`. Run with `CNNVIZ_UPDATE_README=1` to rewrite
/// them after changing a map.
@Suite("README key tables", .serialized)
struct ReadmeKeyTablesTests {
    static let readme = SceneFixtures.root.appendingPathComponent("README.md")

    /// The text between a table's markers.
    static func section(_ name: String, in text: String) -> Range<String.Index>? {
        guard let open = text.range(of: "<!-- keys:\(name) -->\n"),
            let close = text.range(of: "<!-- /keys:\(name) -->", range: open.upperBound..<text.endIndex)
        else { return nil }
        return open.upperBound..<close.lowerBound
    }

    @Test("every key table in README equals its key map", arguments: KeyTables.all.map(\.name))
    func tableMatchesMap(name: String) throws {
        var text = try String(contentsOf: Self.readme, encoding: .utf8)
        let table = try #require(KeyTables.all.first { $0.name == name }).table + "\n"
        let range = try #require(Self.section(name, in: text), "README has no <!-- keys:\(name) --> section")
        if ProcessInfo.processInfo.environment["CNNVIZ_UPDATE_README"] == "1" {
            text.replaceSubrange(range, with: table)
            try text.write(to: Self.readme, atomically: true, encoding: .utf8)
            return
        }
        #expect(String(text[range]) == table, "README's \(name) key table differs from the key map")
    }

    @Test("no key is bound twice in any context: the tutorial, the scene list, every view")
    func noKeyBoundTwice() {
        #expect(TutorialKeys.lesson.conflicts == [])
        #expect(SandboxKeys.shared.conflicts == [])
        for model in SandboxViews.all {
            #expect(model.keyMap.conflicts == [], "the \(model.kind.name) view binds a key twice")
            #expect(
                model.keyMap.keys.isDisjoint(with: SandboxKeys.program.keys),
                "the \(model.kind.name) view binds a program key")
        }
    }
}
