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

    @Option(help: "The view: \(ViewKind.allCases.map(\.rawValue).joined(separator: ", ")) (v cycles them).")
    var view = "conv"

    @Option(help: "Input size, e.g. 7x7 or 7 (1…4096; default 7x7).")
    var input: String?

    @Option(help: "Kernel or pooling window size, e.g. 3 or 3x2 (1…15; default 3, pool 2).")
    var kernel: String?

    @Option(help: "Stride, e.g. 2 or 3,2 for rows,columns (default 1; pool: the window).")
    var stride: String?

    @Option(help: "Padding: a number, rows,columns, before:after pairs (0:1,1:0), or valid, same, full (default 0).")
    var padding: String?

    @Option(help: "Dilation, e.g. 1 or 2 or 2,1 (default 1).")
    var dilation: String?

    @Option(help: "Kernel preset: \(KernelPreset.allCases.map(\.rawValue).joined(separator: ", ")).")
    var preset: String?

    @Option(help: "Input values: \(InputPattern.allCases.map(\.rawValue).joined(separator: ", ")).")
    var fill: String?

    @Option(help: "Seed for random input and kernels (the same seed draws the same numbers).")
    var seed: UInt64 = 1

    @Option(help: "Add this bias to every output.")
    var bias: Double?

    @Option(help: "pool view: max or avg.")
    var pool = "max"

    @Flag(name: .customLong("ceil-mode"), help: "pool view: round the output size up (PyTorch ceil_mode).")
    var ceilMode = false

    @Flag(
        name: .customLong("exclude-pad"),
        help: "pool view, avg: divide by the real cells only (count_include_pad=False).")
    var excludePad = false

    @Option(help: "stack and 1d views: layers, e.g. conv3,conv3,pool2s2,conv3d2 (see README).")
    var layers: String?

    @Option(name: .customLong("in-channels"), help: "channels view: input channels (1…16, default 2).")
    var inChannels: Int?

    @Option(
        name: .customLong("out-channels"), help: "channels view: output channels, one kernel each (1…16, default 2).")
    var outChannels: Int?

    @Option(help: "channels view: groups (must divide both channel counts; default 1).")
    var groups: Int?

    @Option(
        name: .customLong("output-padding"), help: "transpose view: extra bottom/right rows and columns (default 0).")
    var outputPadding: String?

    @Flag(help: "1d view: causal padding (only on the left).")
    var causal = false

    @Option(help: "Steps per second while playing (0.25…32).")
    var speed: Double = 2

    @Flag(help: "Start paused.")
    var paused = false

    @Flag(help: "Draw with plain ASCII (automatic when the locale is not UTF-8).")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    @Option(help: "Print the screen of step N (1 is the first) as plain text and exit.")
    var frame: Int?

    @Option(help: "Screen size for --frame, WIDTHxHEIGHT.")
    var size = "80x24"

    func run() throws {
        let kind: ViewKind
        let configuration: ExploreConfiguration
        do throws(FlagError) {
            guard let chosen = ViewKind(rawValue: view.lowercased()) else {
                throw FlagError(
                    "--view: unknown view '\(view)'; choose one of \(ViewKind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            kind = chosen
            configuration = try makeConfiguration()
        } catch {
            throw CommandFailure.usage("cnnviz explore: \(error.message)")
        }
        var screen: any ExploreView
        do {
            screen = try ExploreViews.make(
                kind, configuration: configuration, playing: !paused && frame == nil, speed: speed)
        } catch {
            throw CommandFailure.usage("cnnviz explore: \(error.message)")
        }
        if let frame {
            let size: (width: Int, height: Int)
            do { size = try FlagValues.screenSize(self.size) } catch {
                throw CommandFailure.usage("cnnviz explore: \(error.message)")
            }
            guard frame >= 1 && frame <= screen.player.stepCount else {
                throw CommandFailure.usage(
                    "cnnviz explore: --frame \(frame) is outside 1…\(screen.player.stepCount); this setup has \(screen.player.stepCount) steps"
                )
            }
            screen.player.go(to: frame - 1)
            let options = RenderOptions(ascii: ascii || !Locale.current.prefersUnicode, color: false)
            print(screen.render(width: size.width, height: size.height, options: options).canvas.text)
            return
        }
        try InteractiveExplore.run(screen: screen, configuration: configuration, ascii: ascii, noColor: noColor)
    }

    /// Builds the configuration from the flags, refusing bad values with clear messages.
    func makeConfiguration() throws(FlagError) -> ExploreConfiguration {
        var given: Set<String> = []
        var setup = ConvSetup()
        if let input {
            given.insert("input")
            let size = try FlagValues.size(input, flag: "--input", range: 1...4096)
            (setup.inputRows, setup.inputColumns) = (size[0], size[1])
        }
        if let kernel {
            given.insert("kernel")
            let size = try FlagValues.size(kernel, flag: "--kernel", range: 1...15)
            (setup.kernelRows, setup.kernelColumns) = (size[0], size[1])
        }
        if let stride {
            given.insert("stride")
            setup.stride = try FlagValues.pair(
                stride, flag: "--stride", range: 1...99, meaning: "the stride is how far the kernel moves, at least 1")
        }
        if let dilation {
            given.insert("dilation")
            setup.dilation = try FlagValues.pair(
                dilation, flag: "--dilation", range: 1...99, meaning: "dilation 1 means no gaps between taps")
        }
        if let padding {
            given.insert("padding")
            setup.padding = try FlagValues.padding(padding)
        }
        if let preset {
            given.insert("preset")
            guard let value = KernelPreset(rawValue: preset.lowercased()) else {
                throw FlagError(
                    "--preset: unknown preset '\(preset)'; choose one of \(KernelPreset.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            setup.preset = value
        }
        if let fill {
            given.insert("fill")
            guard let pattern = InputPattern(rawValue: fill.lowercased()) else {
                throw FlagError(
                    "--fill: unknown fill '\(fill)'; choose one of \(InputPattern.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            setup.pattern = pattern
        }
        setup.seed = seed
        if let bias {
            guard bias.isFinite else { throw FlagError("--bias: expected a finite number, got \(bias)") }
            setup.bias = bias
        }
        guard (Player.speeds.first!...Player.speeds.last!).contains(speed) else {
            throw FlagError("--speed: \(NumberText.format(speed)) is outside 0.25…32 steps per second")
        }
        var configuration = ExploreConfiguration(conv: setup)
        switch pool.lowercased() {
        case "max": configuration.poolKind = .max
        case "avg", "average", "mean": configuration.poolKind = .average
        default: throw FlagError("--pool: unknown pooling '\(pool)'; choose max or avg")
        }
        if pool.lowercased() != "max" { given.insert("pool") }
        configuration.ceilMode = ceilMode
        configuration.countIncludePad = !excludePad
        if let layers {
            given.insert("layers")
            configuration.layers = layers
        }
        for (name, value) in [("in-channels", inChannels), ("out-channels", outChannels), ("groups", groups)] {
            guard let value else { continue }
            given.insert(name)
            guard (1...16).contains(value) else { throw FlagError("--\(name): \(value) is outside 1…16") }
        }
        configuration.inputChannels = inChannels ?? configuration.inputChannels
        configuration.outputChannels = outChannels ?? configuration.outputChannels
        configuration.groups = groups ?? configuration.groups
        if let outputPadding {
            given.insert("output-padding")
            configuration.outputPadding = try FlagValues.pair(
                outputPadding, flag: "--output-padding", range: 0...98,
                meaning: "it adds rows/columns at the bottom/right and must be smaller than the stride or the dilation")
        }
        configuration.causal = causal
        if causal { given.insert("causal") }
        configuration.given = given
        return configuration
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
