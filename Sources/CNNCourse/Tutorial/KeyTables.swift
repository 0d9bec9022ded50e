import CNNSandbox

/// README's key tables, made from the key maps themselves (a test keeps README in step with them).
public enum KeyTables {
    /// The tutorial's keys.
    public static var tutorial: String {
        TutorialKeys.lesson.markdownTable
            + "\n| `\(TutorialKeys.viewKeysNote.keys)` | \(TutorialKeys.viewKeysNote.action) |"
    }

    /// The keys every sandbox view shares, and the program's own.
    public static var explore: String {
        SandboxKeys.shared.markdownTable + "\n"
            + SandboxKeys.program.markdownTable.split(separator: "\n")
            .dropFirst(2).joined(separator: "\n")
    }

    /// Each view's own keys: the bindings of its map that the shared map does not have.
    public static var views: String {
        let shared = Set(SandboxKeys.shared.bindings.map(\.label))
        var lines = ["| view | its own keys |", "| --- | --- |"]
        for model in SandboxViews.all {
            let own = model.keyMap.bindings.filter { !shared.contains($0.label) }
            let text =
                own.isEmpty ? "(only the shared keys)" : own.map { "`\($0.label)` \($0.help)" }.joined(separator: " · ")
            lines.append("| \(model.kind.name) | \(text.replacingOccurrences(of: "|", with: "\\|")) |")
        }
        return lines.joined(separator: "\n")
    }

    /// The tables by the name of their README marker (`<!-- keys:NAME -->`).
    public static var all: [(name: String, table: String)] {
        [("tutorial", tutorial), ("explore", explore), ("views", views)]
    }
}
