import ArgumentParser
import CNNCore
import CNNRender
import CNNSandbox
import Foundation

/// `cnnviz explore`: the live sandbox where a kernel slides over an input grid.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the live sandbox: a kernel slides over the input and the feature map fills in.",
        discussion: """
            Change the geometry live with single keys (press ? for the list). With --frame N the \
            screen of step N is printed as plain text instead (no terminal needed), e.g. \
            `cnnviz explore --stride 2 --frame 3 --size 100x30`.
            """)

    @Option(
        help: "The view: \(SandboxViews.names.joined(separator: ", ")) (v cycles them).",
        completion: .list(SandboxViews.names))
    var view = "conv"

    @Option(parsing: .unconditional, help: ArgumentHelp(Settings.named(.input).helpLine)) var input: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(Settings.named(.image).helpLine),
        completion: .file(extensions: ["pgm", "ppm", "pbm", "pnm", "png", "jpg", "jpeg"]))
    var image: String?
    @Option(
        name: .customLong("image-range"), parsing: .unconditional,
        help: ArgumentHelp(Settings.named(.imageRange).helpLine),
        completion: .list(["1", "255"]))
    var imageRange: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Input values: \"0 1 2; 3 4 5\" (rows by ;, channels by |) or @FILE.csv (a row per line, a blank line between channels)"
        ), completion: .file())
    var values: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Kernel weights, the same syntax; channels view: slices by |, kernels by || (or @FILE.csv)"),
        completion: .file())
    var weights: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(Settings.named(.kernel).helpLine)) var kernel: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(Settings.named(.stride).helpLine)) var stride: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(Settings.named(.padding).helpLine)) var padding: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(Settings.named(.dilation).helpLine)) var dilation: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(Settings.named(.preset).helpLine + ": " + Settings.named(.preset).syntax),
        completion: .list(KernelPreset.allCases.map(\.rawValue)))
    var preset: String?
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(Settings.named(.fill).helpLine + ": " + Settings.named(.fill).syntax),
        completion: .list(InputPattern.allCases.map(\.rawValue)))
    var fill: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(Settings.named(.seed).helpLine)) var seed: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(Settings.named(.bias).helpLine)) var bias: String?
    @Option(
        parsing: .unconditional, help: ArgumentHelp(Settings.named(.activation).helpLine),
        completion: .list(Activation.allCases.map(\.rawValue)))
    var activation: String?
    @Option(
        parsing: .unconditional, help: ArgumentHelp(Settings.named(.pool).helpLine), completion: .list(["max", "avg"]))
    var pool: String?
    @Flag(name: .customLong("ceil-mode"), help: ArgumentHelp(Settings.named(.ceilMode).helpLine))
    var ceilMode = false
    @Flag(name: .customLong("exclude-pad"), help: ArgumentHelp(Settings.named(.excludePad).helpLine))
    var excludePad = false
    @Option(parsing: .unconditional, help: ArgumentHelp(Settings.named(.layers).helpLine)) var layers: String?
    @Option(
        name: .customLong("in-channels"), parsing: .unconditional,
        help: ArgumentHelp(Settings.named(.inChannels).helpLine))
    var inChannels: String?
    @Option(
        name: .customLong("out-channels"), parsing: .unconditional,
        help: ArgumentHelp(Settings.named(.outChannels).helpLine))
    var outChannels: String?
    @Option(parsing: .unconditional, help: ArgumentHelp(Settings.named(.groups).helpLine)) var groups: String?
    @Option(
        name: .customLong("output-padding"), parsing: .unconditional,
        help: ArgumentHelp(Settings.named(.outputPadding).helpLine))
    var outputPadding: String?
    @Flag(help: ArgumentHelp(Settings.named(.causal).helpLine)) var causal = false

    @Option(parsing: .unconditional, help: "Steps per second while playing (0.25…32).")
    var speed = "2"

    @Flag(help: "Start paused.")
    var paused = false

    @Flag(help: "Draw with plain ASCII (automatic when the locale is not UTF-8).")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    @Option(parsing: .unconditional, help: "Print the screen of step N (1 is the first) as plain text and exit.")
    var frame: Int?

    @Option(help: "Screen size for --frame, WIDTHxHEIGHT.")
    var size = "80x24"

    @Option(
        help: "Format of the --frame output: \(FrameFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
        completion: .list(FrameFormat.allCases.map(\.rawValue)))
    var format = "text"

    @Flag(help: "Print runnable PyTorch for the setup (the F call and the nn module, with the tensors) and exit.")
    var torch = false

    /// The values given, by setting (switches as "on").
    var givenSettings: [(SettingName, String)] {
        let values: [(SettingName, String?)] = [
            (.input, input), (.image, image), (.imageRange, imageRange), (.kernel, kernel), (.stride, stride),
            (.padding, padding), (.dilation, dilation),
            (.preset, preset), (.fill, fill), (.seed, seed), (.bias, bias), (.activation, activation),
            (.pool, pool),
            (.ceilMode, ceilMode ? "on" : nil), (.excludePad, excludePad ? "on" : nil), (.layers, layers),
            (.inChannels, inChannels), (.outChannels, outChannels), (.groups, groups),
            (.outputPadding, outputPadding), (.causal, causal ? "on" : nil),
        ]
        return values.compactMap { name, text in text.map { (name, $0) } }
    }

    func validate() throws {
        _ = try makeConfiguration()
    }

    func run() throws {
        var configuration = try makeConfiguration()
        guard let model = SandboxViews.model(named: view) else {
            throw ValidationError(
                "--view: unknown view '\(view)'; choose one of \(SandboxViews.names.joined(separator: ", "))")
        }
        do throws(FlagError) {
            try ExploreInputs.complete(&configuration, view: model, values: values, weights: weights)
        } catch {
            throw CommandFailure.usage("cnnviz explore: \(error.message)")
        }
        let speed = try stepsPerSecond()
        var shown: any SandboxModel
        do throws(CNNError) {
            shown = try model.init(configuration: configuration, playing: !paused && frame == nil, speed: speed)
        } catch {
            throw CommandFailure.usage("cnnviz explore: \(error.message)")
        }
        if torch {
            switch TorchCode.program(for: shown) {
            case .success(let code): print(code, terminator: "")
            case .failure(let refusal): throw CommandFailure.usage("cnnviz explore: --torch: \(refusal.reason)")
            }
            return
        }
        if let frame {
            let size: (width: Int, height: Int)
            let frameFormat: FrameFormat
            do {
                size = try FlagValues.screenSize(self.size)
                frameFormat = try FlagValues.frameFormat(format)
            } catch {
                throw CommandFailure.usage("cnnviz explore: \(error.message)")
            }
            guard frame >= 1 && frame <= shown.player.stepCount else {
                throw CommandFailure.usage(
                    "cnnviz explore: --frame \(frame) is outside 1…\(shown.player.stepCount); this setup has \(shown.player.stepCount) steps"
                )
            }
            shown.player.go(to: frame - 1)
            let options = RenderOptions(
                ascii: ascii || !Locale.current.prefersUnicode, color: frameFormat != .text && !noColor)
            print(
                export(
                    shown.render(width: size.width, height: size.height, options: options).canvas, format: frameFormat))
            return
        }
        let session = ExploreSession(view: shown, configuration: configuration)
        try InteractiveLoop.run(command: "explore", noColor: noColor) { terminal in
            AppLoop.run(
                session, options: InteractiveLoop.renderOptions(ascii: ascii, terminal: terminal), terminal: terminal)
        }
    }

    /// Builds the configuration from the flags through the setting table; a bad value is refused
    /// with the same message a scene's `setup:` gets.
    func makeConfiguration() throws(ValidationError) -> ExploreConfiguration {
        var configuration = ExploreConfiguration()
        for (name, text) in givenSettings {
            do throws(SettingError) {
                try Settings.named(name).apply(text, to: &configuration)
            } catch {
                throw ValidationError("--\(name.rawValue): \(error.message)")
            }
        }
        _ = try stepsPerSecond()
        if SandboxViews.model(named: view) == nil {
            throw ValidationError(
                "--view: unknown view '\(view)'; choose one of \(SandboxViews.names.joined(separator: ", "))")
        }
        return configuration
    }

    /// `--speed` as a number within the player's range; the refusal quotes the value as given.
    func stepsPerSecond() throws(ValidationError) -> Double {
        let range = "\(NumberText.format(Player.slowest))…\(NumberText.format(Player.fastest)) steps per second"
        guard let value = Double(speed.trimmingCharacters(in: .whitespaces)), value.isFinite else {
            throw ValidationError(
                "--speed: expected a number of steps per second in \(range), got '\(speed.prefix(60))'")
        }
        guard value >= Player.slowest, value <= Player.fastest else {
            throw ValidationError("--speed: \(NumberText.exact(value)) is outside \(range)")
        }
        return value
    }
}

extension Locale {
    /// Whether the environment's locale (LC_ALL, LC_CTYPE, LANG) names UTF-8.
    var prefersUnicode: Bool {
        let environment = ProcessInfo.processInfo.environment
        let value =
            environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LANG"] ?? ""
        let lowered = value.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }
}
