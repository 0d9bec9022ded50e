import CNNCore

/// The name of a setting: the `explore` flag `--NAME` and the scene `setup:` field `NAME`.
public enum SettingName: String, CaseIterable, Hashable, Sendable {
    case input, values, kernel, weights, fill, preset, seed, bias, activation, stride, padding, dilation, pool
    case image
    case imageRange = "image-range"
    case ceilMode = "ceil-mode"
    case excludePad = "exclude-pad"
    case layers
    case inChannels = "in-channels"
    case outChannels = "out-channels"
    case groups
    case outputPadding = "output-padding"
    case causal
}

/// A bad setting value: the message says what was given, what is allowed and why. The command
/// line prefixes it with `--NAME: `, a scene with `file:line:column: setup.NAME: `.
public struct SettingError: Error, Hashable, Sendable {
    /// The message, without the flag or field name.
    public let message: String

    /// Creates an error.
    public init(_ message: String) {
        self.message = message
    }
}

/// One setting, declared once: its name, value syntax, range, default and help, and how its text
/// is read into a configuration. The `explore` flags and the scene `setup:` reader both use it, so
/// a bad value gets the same message from either.
public struct Setting: Sendable {
    /// Whether the setting is an on/off switch (`--causal`, `causal: true`) or takes a value.
    public enum Kind: Hashable, Sendable {
        case value
        case flag
    }

    /// The flag and field name.
    public let name: SettingName
    /// Value or switch.
    public let kind: Kind
    /// The value syntax, e.g. `7x7 or 7`.
    public let syntax: String
    /// The default, as the help states it.
    public let defaultText: String
    /// One help line.
    public let help: String
    /// Reads a value's text into a configuration, or refuses it.
    let read: @Sendable (String, inout ExploreConfiguration) throws(SettingError) -> Void

    /// The help line with the default.
    public var helpLine: String { defaultText.isEmpty ? help : "\(help) (default \(defaultText))" }

    /// Reads `text` into `configuration` and records that the setting was given.
    public func apply(_ text: String, to configuration: inout ExploreConfiguration) throws(SettingError) {
        try read(text, &configuration)
        configuration.given.insert(name.rawValue)
    }
}
