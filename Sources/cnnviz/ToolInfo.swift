/// The parts of argument-parser's command description (`--experimental-dump-help`, version 0)
/// that the man page uses.
struct ToolInfo: Decodable {
    var command: CommandInfo

    /// One command and its subcommands.
    struct CommandInfo: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var subcommands: [CommandInfo]?
        var arguments: [ArgumentInfo]?
    }

    /// One option, flag or positional argument.
    struct ArgumentInfo: Decodable {
        var kind: String
        var names: [NameInfo]?
        var valueName: String?
        var defaultValue: String?
        var isOptional: Bool?
        var isRepeating: Bool?
        var abstract: String?
        var shouldDisplay: Bool?
    }

    /// `--long`, `-s` or `-long`.
    struct NameInfo: Decodable {
        var kind: String
        var name: String

        /// The name as typed.
        var typed: String {
            switch kind {
            case "short", "longWithSingleDash": return "-" + name
            default: return "--" + name
            }
        }
    }
}
