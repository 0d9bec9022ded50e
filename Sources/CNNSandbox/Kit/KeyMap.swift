/// One line of a key map: the keys, the command each one gives, and how `?` describes them
/// (e.g. keys `s S`, commands stride −1 and +1, "stride − / +").
public struct KeyBinding<Command: Hashable & Sendable>: Hashable, Sendable {
    /// The keys, in the order the help names them.
    public let keys: [KeyPress]
    /// The command of each key (the same count as `keys`).
    public let commands: [Command]
    /// How the help writes the keys (`← → or h l`).
    public let label: String
    /// What the keys do, as the help says it.
    public let help: String
    /// A short footer hint (`m picture`), or nil when the footer does not name this binding.
    public let hint: String?
    /// Each key's stable action name for narration (`[[padding-up]]`), overriding the command's
    /// own (`NamedCommand.actionName`); nil entries keep the command's name.
    public private(set) var names: [String?]

    /// Binds keys to one command each; the label defaults to the keys' names.
    public init(_ keys: [KeyPress], _ commands: [Command], label: String? = nil, help: String, hint: String? = nil) {
        precondition(keys.count == commands.count, "a key binding needs one command per key")
        self.keys = keys
        self.commands = commands
        self.label = label ?? keys.map(\.label).joined(separator: " ")
        self.help = help
        self.hint = hint
        self.names = Array(repeating: nil, count: keys.count)
    }

    /// Binds several keys to the same command.
    public init(_ keys: [KeyPress], all command: Command, label: String? = nil, help: String, hint: String? = nil) {
        self.init(keys, Array(repeating: command, count: keys.count), label: label, help: help, hint: hint)
    }

    /// Binds the characters of `characters` (e.g. "sS") to one command each.
    public init(_ characters: String, _ commands: [Command], label: String? = nil, help: String, hint: String? = nil) {
        self.init(characters.map { KeyPress.character($0) }, commands, label: label, help: help, hint: hint)
    }

    /// The same keys with a new command type.
    public func map<Other>(_ transform: (Command) -> Other) -> KeyBinding<Other> {
        KeyBinding<Other>(keys, commands.map(transform), label: label, help: help, hint: hint).named(names)
    }

    /// The same keys and commands, described differently.
    public func described(_ help: String) -> KeyBinding {
        KeyBinding(keys, commands, label: label, help: help, hint: hint).named(names)
    }

    /// The same keys and commands with another footer hint (nil: not in the footer).
    public func hinted(_ hint: String?) -> KeyBinding {
        KeyBinding(keys, commands, label: label, help: help, hint: hint).named(names)
    }

    /// The same binding with action names for its keys (one per key; nil keeps the command's).
    public func named(_ names: [String?]) -> KeyBinding {
        var named = self
        named.names = (0..<keys.count).map { $0 < names.count ? names[$0] : nil }
        return named
    }

    /// The same binding without `dropped` keys (nil when none is left); the label then names the
    /// keys that remain.
    public func without(_ dropped: Set<KeyPress>) -> KeyBinding? {
        let kept = keys.indices.filter { !dropped.contains(keys[$0]) }
        guard !kept.isEmpty else { return nil }
        guard kept.count < keys.count else { return self }
        return KeyBinding(
            kept.map { keys[$0] }, kept.map { commands[$0] }, help: help, hint: nil
        ).named(kept.map { names[$0] })
    }
}

/// The keys of one context (the sandbox with a view, the tutorial, the scene list): key, command
/// and help text in one place. The `?` overlay, the footer hints and README's key tables come
/// from it; `conflicts` lists keys bound twice (a test requires none).
public struct KeyMap<Command: Hashable & Sendable>: Sendable {
    /// The bindings, in help order.
    public let bindings: [KeyBinding<Command>]

    /// Creates a map.
    public init(_ bindings: [KeyBinding<Command>]) {
        self.bindings = bindings
    }

    /// The command of a key, or nil when the key means nothing here.
    public func command(for key: KeyPress) -> Command? {
        for binding in bindings {
            if let index = binding.keys.firstIndex(of: key) { return binding.commands[index] }
        }
        return nil
    }

    /// The keys bound more than once.
    public var conflicts: [KeyPress] {
        var seen: Set<KeyPress> = []
        var twice: [KeyPress] = []
        for key in bindings.flatMap(\.keys) {
            if !seen.insert(key).inserted && !twice.contains(key) { twice.append(key) }
        }
        return twice
    }

    /// Every key bound here.
    public var keys: Set<KeyPress> { Set(bindings.flatMap(\.keys)) }

    /// The `?` overlay's lines: keys and what they do.
    public var entries: [(keys: String, action: String)] { bindings.map { ($0.label, $0.help) } }

    /// The footer's hints, two spaces apart (`space play  ← → step  ? keys`).
    public var footerHints: String { bindings.compactMap(\.hint).joined(separator: "  ") }

    /// This map with `extra` bindings inserted before the first binding whose label is `before`
    /// (at the end when there is none).
    public func inserting(_ extra: [KeyBinding<Command>], before label: String) -> KeyMap {
        let index = bindings.firstIndex { $0.label == label } ?? bindings.count
        return KeyMap(Array(bindings[..<index]) + extra + Array(bindings[index...]))
    }

    /// This map without the bindings labelled `labels`.
    public func removing(_ labels: Set<String>) -> KeyMap {
        KeyMap(bindings.filter { !labels.contains($0.label) })
    }

    /// This map with the binding labelled `label` described as `help`.
    public func describing(_ label: String, as help: String) -> KeyMap {
        KeyMap(bindings.map { $0.label == label ? $0.described(help) : $0 })
    }

    /// A Markdown table of the map, as README shows it.
    public var markdownTable: String {
        var lines = ["| key | action |", "| --- | --- |"]
        for binding in bindings {
            let keys = binding.label.replacingOccurrences(of: "|", with: "\\|")
            lines.append("| `\(keys)` | \(binding.help) |")
        }
        return lines.joined(separator: "\n")
    }
}
