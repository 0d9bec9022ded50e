import CNNCore
import Foundation

/// The table of every setting the sandbox's views read, in the order help and README list them.
/// `explore`'s flags and scenes' `setup:` fields both read values through it. (A scene's `values:`
/// and `weights:` take nested lists and are read by the course; `--values`/`--weights` are not
/// in this table.)
public enum Settings {
    /// Every setting, in help order.
    public static let all: [Setting] = [
        Setting(
            name: .input, kind: .value, syntax: "7x7 or 7", defaultText: "7x7",
            help: "Input size, rows×columns (1…4096)"
        ) { text, configuration throws(SettingError) in
            let size = try readSize(text, range: 1...4096)
            (configuration.conv.inputRows, configuration.conv.inputColumns) = (size[0], size[1])
        },
        Setting(
            name: .image, kind: .value, syntax: "a PGM, PPM, PNG or JPEG file", defaultText: "",
            help:
                "conv, pool, channels, stack views: take the input from an image (up to 4096×4096; colour is 3 channels in the channels view, luminance elsewhere)"
        ) { text, configuration throws(SettingError) in
            let path = text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else {
                throw SettingError("expected an image file (PGM, PPM, PNG or JPEG), got nothing")
            }
            guard path.utf8.count <= 4096 else {
                throw SettingError("the path has \(path.utf8.count) bytes; at most 4096 are read")
            }
            configuration.imagePath = path
        },
        Setting(
            name: .imageRange, kind: .value, syntax: "1 or 255", defaultText: "1",
            help: "with image: pixel values from 0 to 1, or from 0 to 255"
        ) { text, configuration throws(SettingError) in
            switch text.trimmingCharacters(in: .whitespaces) {
            case "1", "1.0": configuration.imageRange = 1
            case "255": configuration.imageRange = 255
            default: throw SettingError("expected 1 (values 0…1) or 255 (values 0…255), got '\(quoted(text))'")
            }
        },
        Setting(
            name: .kernel, kind: .value, syntax: "3 or 3x2", defaultText: "3, pool 2",
            help: "Kernel or pooling window size (1…15)"
        ) { text, configuration throws(SettingError) in
            let size = try readSize(text, range: 1...15)
            (configuration.conv.kernelRows, configuration.conv.kernelColumns) = (size[0], size[1])
        },
        Setting(
            name: .stride, kind: .value, syntax: "2 or 3,2", defaultText: "1; pool: the window",
            help: "Stride, one number or rows,columns (1…99)"
        ) { text, configuration throws(SettingError) in
            configuration.conv.stride = try readPair(
                text, range: 1...99, meaning: "the stride is how far the kernel moves, at least 1")
        },
        Setting(
            name: .padding, kind: .value, syntax: "1, 1,2, 0:1,1:0, valid, same or full", defaultText: "0",
            help: "Padding: a number, rows,columns, before:after pairs, or valid, same, full (0…99)"
        ) { text, configuration throws(SettingError) in
            switch ValueSyntax.padding(text) {
            case .success(let padding): configuration.conv.padding = padding
            case .failure(.malformed):
                throw SettingError(
                    "expected a number, two numbers (rows,columns), before:after pairs, or valid/same/full; got '\(quoted(text))'"
                )
            case .failure(.outOfRange(let bad)):
                throw SettingError("\(bad) is outside 0…99; padding counts zeros added on a side")
            }
        },
        Setting(
            name: .dilation, kind: .value, syntax: "2 or 2,1", defaultText: "1",
            help: "Dilation, one number or rows,columns (1…99)"
        ) { text, configuration throws(SettingError) in
            configuration.conv.dilation = try readPair(
                text, range: 1...99, meaning: "dilation 1 means no gaps between taps")
        },
        Setting(
            name: .preset, kind: .value, syntax: KernelPreset.allCases.map(\.rawValue).joined(separator: ", "),
            defaultText: KernelPreset.verticalEdge.rawValue, help: "Kernel preset"
        ) { text, configuration throws(SettingError) in
            configuration.conv.preset = try readChoice(text, KernelPreset.self, what: "preset")
        },
        Setting(
            name: .fill, kind: .value, syntax: InputPattern.allCases.map(\.rawValue).joined(separator: ", "),
            defaultText: InputPattern.random.rawValue, help: "Input values"
        ) { text, configuration throws(SettingError) in
            configuration.conv.pattern = try readChoice(text, InputPattern.self, what: "fill")
        },
        Setting(
            name: .seed, kind: .value, syntax: "a whole number", defaultText: "1",
            help: "Seed for random input and kernels (the same seed draws the same numbers)"
        ) { text, configuration throws(SettingError) in
            guard let seed = UInt64(text.trimmingCharacters(in: .whitespaces)) else {
                throw SettingError("expected a whole number from 0 to \(UInt64.max), got '\(quoted(text))'")
            }
            configuration.conv.seed = seed
        },
        Setting(
            name: .bias, kind: .value, syntax: "a number", defaultText: "0", help: "Add this bias to every output"
        ) { text, configuration throws(SettingError) in
            guard let bias = Double(text.trimmingCharacters(in: .whitespaces)), bias.isFinite,
                abs(bias) <= Settings.largestValue
            else {
                throw SettingError(
                    "expected a finite number between −\(Int(Settings.largestValue)) and \(Int(Settings.largestValue)), got '\(quoted(text))'"
                )
            }
            configuration.conv.bias = bias
        },
        Setting(
            name: .activation, kind: .value, syntax: "none or relu", defaultText: "none",
            help: "conv view: the activation after the sum; relu shows max(0, out)"
        ) { text, configuration throws(SettingError) in
            configuration.activation = try readChoice(text, Activation.self, what: "activation")
        },
        Setting(
            name: .pool, kind: .value, syntax: "max or avg", defaultText: "max",
            help: "pool view: max or average pooling"
        ) { text, configuration throws(SettingError) in
            switch text.lowercased() {
            case "max": configuration.poolKind = .max
            case "avg", "average", "mean": configuration.poolKind = .average
            default: throw SettingError("unknown pooling '\(quoted(text))'; choose max or avg")
            }
        },
        Setting(
            name: .ceilMode, kind: .flag, syntax: "on or off", defaultText: "",
            help: "pool view: round the output size up (PyTorch ceil_mode)"
        ) { text, configuration throws(SettingError) in
            configuration.ceilMode = try readSwitch(text)
        },
        Setting(
            name: .excludePad, kind: .flag, syntax: "on or off", defaultText: "",
            help: "pool view, avg: divide by the real cells only (count_include_pad=False)"
        ) { text, configuration throws(SettingError) in
            configuration.countIncludePad = !(try readSwitch(text))
        },
        Setting(
            name: .layers, kind: .value, syntax: "conv3,conv3,pool2s2,conv3d2", defaultText: "conv3,conv3,conv3",
            help:
                "stack and 1d views: layers, e.g. conv3,conv3,pool2s2,conv3d2; the stack view also reads the network "
                + "language of cnnviz summary (see README)"
        ) { text, configuration throws(SettingError) in
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw SettingError("expected layers like conv3,conv3,pool2s2, got nothing")
            }
            guard text.utf8.count <= 4096 else {
                throw SettingError("the layer string has \(text.utf8.count) bytes; at most 4096 are read")
            }
            configuration.layers = text
        },
        channelCount(.inChannels, help: "channels view: input channels (1…16)") { $0.inputChannels = $1 },
        channelCount(.outChannels, help: "channels view: output channels, one kernel each (1…16)") {
            $0.outputChannels = $1
        },
        channelCount(.groups, help: "channels view: groups, dividing both channel counts (1…16)") { $0.groups = $1 },
        Setting(
            name: .outputPadding, kind: .value, syntax: "0 or 1,0", defaultText: "0",
            help: "transpose view: extra bottom/right rows and columns (0…98)"
        ) { text, configuration throws(SettingError) in
            configuration.outputPadding = try readPair(
                text, range: 0...98,
                meaning: "it adds rows/columns at the bottom/right and must be smaller than the stride or the dilation")
        },
        Setting(
            name: .causal, kind: .flag, syntax: "on or off", defaultText: "",
            help: "1d view: causal padding (only on the left)"
        ) { text, configuration throws(SettingError) in
            configuration.causal = try readSwitch(text)
        },
    ]

    /// The largest magnitude a number given by the user may have (bias, values, weights).
    public static let largestValue = 1e12

    /// The setting called `name`.
    public static func named(_ name: SettingName) -> Setting {
        all.first { $0.name == name } ?? all[0]
    }

    /// The setting whose flag or field is `text`, or nil.
    public static func named(_ text: String) -> Setting? {
        SettingName(rawValue: text).map(named)
    }

    // MARK: Value syntax

    static func readSize(_ text: String, range: ClosedRange<Int>) throws(SettingError) -> [Int] {
        switch ValueSyntax.size(text, range: range) {
        case .success(let values): return values
        case .failure(.malformed): throw SettingError("expected a size like 7x7 or 7, got '\(quoted(text))'")
        case .failure(.outOfRange(let bad)):
            throw SettingError("\(bad) is outside \(range.lowerBound)…\(range.upperBound); choose a size in that range")
        }
    }

    static func readPair(_ text: String, range: ClosedRange<Int>, meaning: String) throws(SettingError) -> [Int] {
        switch ValueSyntax.pair(text, range: range) {
        case .success(let values): return values
        case .failure(.malformed):
            throw SettingError(
                "expected a whole number or two separated by a comma (e.g. 2 or 3,2), got '\(quoted(text))'")
        case .failure(.outOfRange(let bad)):
            throw SettingError("\(bad) is outside \(range.lowerBound)…\(range.upperBound); \(meaning)")
        }
    }

    static func readSwitch(_ text: String) throws(SettingError) -> Bool {
        switch text.lowercased() {
        case "true", "on", "yes", "1": return true
        case "false", "off", "no", "0": return false
        default: throw SettingError("expected on or off (true or false), got '\(quoted(text))'")
        }
    }

    static func readChoice<Choice: RawRepresentable & CaseIterable>(
        _ text: String, _ type: Choice.Type, what: String
    ) throws(SettingError) -> Choice where Choice.RawValue == String {
        guard let choice = Choice(rawValue: text.lowercased()) else {
            throw SettingError(
                "unknown \(what) '\(quoted(text))'; choose one of \(Choice.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        return choice
    }

    static func channelCount(
        _ name: SettingName, help: String, set: @escaping @Sendable (inout ExploreConfiguration, Int) -> Void
    ) -> Setting {
        Setting(name: name, kind: .value, syntax: "1…16", defaultText: name == .groups ? "1" : "2", help: help) {
            text, configuration throws(SettingError) in
            guard let count = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw SettingError("expected a whole number from 1 to 16, got '\(quoted(text))'")
            }
            guard (1...16).contains(count) else { throw SettingError("\(count) is outside 1…16") }
            set(&configuration, count)
        }
    }

    /// The user's text as a message quotes it: at most 60 characters.
    static func quoted(_ text: String) -> String {
        text.count <= 60 ? text : String(text.prefix(57)) + "…"
    }
}
