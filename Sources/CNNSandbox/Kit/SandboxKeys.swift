/// What a key asks of the sandbox's host: the program's own commands, or an action for the view.
public enum SandboxCommand: Hashable, Sendable {
    case quit
    case nextView
    case redraw
    case toggleHelp
    case action(ExploreAction)
}

/// The keys every sandbox view shares. A view's map (`SandboxModel.keyMap`) starts from these,
/// adds its own keys before `v`, and may drop or re-describe shared ones.
public enum SandboxKeys {
    /// The shared bindings, in help order.
    public static let shared = KeyMap<SandboxCommand>([
        KeyBinding([.character(" ")], all: .action(.togglePlay), help: "play / pause", hint: "space play"),
        KeyBinding(
            [.left, .right, .character("h"), .character("l")],
            [
                .action(.moveCursor(rows: 0, columns: -1)), .action(.moveCursor(rows: 0, columns: 1)),
                .action(.stepBackward), .action(.stepForward),
            ],
            label: "← → or h l", help: "step back / forward", hint: "← → step"),
        KeyBinding([.home, .end], [.action(.firstStep), .action(.lastStep)], help: "first / last step"),
        KeyBinding(
            [.character("+"), .character("-"), .character("="), .character("_")],
            [.action(.faster), .action(.slower), .action(.faster), .action(.slower)], label: "+ -",
            help: "faster / slower"),
        KeyBinding("sS", [.action(.stride(-1)), .action(.stride(1))], help: "stride − / +"),
        KeyBinding("pP", [.action(.padding(-1)), .action(.padding(1))], help: "padding − / +"),
        KeyBinding("o", [.action(.cyclePaddingMode)], help: "padding mode: numbers, valid, same, full"),
        KeyBinding("dD", [.action(.dilation(-1)), .action(.dilation(1))], help: "dilation − / +"),
        KeyBinding("kK", [.action(.kernelSize(-1)), .action(.kernelSize(1))], help: "kernel size − / +"),
        KeyBinding("iI", [.action(.inputSize(-1)), .action(.inputSize(1))], help: "input size − / +"),
        KeyBinding("c", [.action(.cyclePreset)], help: "next kernel preset"),
        KeyBinding("r", [.action(.newRandomInput)], help: "new random input"),
        KeyBinding(
            [.tab, .backTab, .up, .down],
            [
                .action(.toggleFocus), .action(.toggleFocus), .action(.moveCursor(rows: -1, columns: 0)),
                .action(.moveCursor(rows: 1, columns: 0)),
            ],
            label: "Tab, arrows", help: "pick an output cell (or click it)", hint: "Tab pick a cell"),
        KeyBinding(
            [.pageUp, .pageDown], [.action(.pageSteps(-1)), .action(.pageSteps(1))], label: "PgUp PgDn",
            help: "a page of steps back / forward"),
        KeyBinding("v", [.nextView], help: "next view"),
        KeyBinding("?", [.toggleHelp], help: "this help", hint: "? keys"),
        KeyBinding([.character("q"), .escape], all: .quit, label: "q Esc", help: "quit"),
    ])

    /// The keys the program keeps in every context (explore and the tutorial), checked before the
    /// context's own map: they are never shown in `?` overlays, only in README.
    public static let program = KeyMap<SandboxCommand>([
        KeyBinding([.control("l")], all: .redraw, label: "Ctrl-L", help: "redraw the whole screen")
    ])

    /// The shared map with a view's own keys inserted before `v`.
    public static func with(_ viewKeys: [KeyBinding<ExploreAction>]) -> KeyMap<SandboxCommand> {
        shared.inserting(viewKeys.map { $0.map(SandboxCommand.action) }, before: "v")
    }
}
