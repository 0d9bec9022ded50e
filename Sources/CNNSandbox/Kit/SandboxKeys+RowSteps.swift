extension SandboxKeys {
    /// The shared keys for views whose steps are not a pickable output grid: ↑ ↓ step a whole row
    /// instead of Tab picking a cell; the view's own keys come before `v`, and `dropping` are left out.
    public static func rowStepping(_ viewKeys: [KeyBinding<ExploreAction>], dropping: Set<String> = [])
        -> KeyMap<SandboxCommand>
    {
        let rows = KeyBinding<SandboxCommand>(
            [.up, .down], [.action(.moveCursor(rows: -1, columns: 0)), .action(.moveCursor(rows: 1, columns: 0))],
            label: "↑ ↓", help: "step a whole row back / forward")
        let bindings = shared.bindings.compactMap { binding -> KeyBinding<SandboxCommand>? in
            if binding.label == "Tab, arrows" { return rows }
            return dropping.contains(binding.label) ? nil : binding
        }
        return KeyMap(bindings).inserting(viewKeys.map { $0.map(SandboxCommand.action) }, before: "v")
    }
}
