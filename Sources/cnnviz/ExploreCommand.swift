import ArgumentParser
import CNNCore
import CNNRender
import CNNScenes
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

    @Option(help: "Input size, e.g. 7x7 or 7 (1…4096).")
    var input = "7x7"

    @Option(help: "Kernel size, e.g. 3 or 3x2 (1…15).")
    var kernel = "3"

    @Option(help: "Stride, e.g. 2 or 3,2 (rows,columns).")
    var stride = "1"

    @Option(help: "Padding: a number, rows,columns, before:after pairs (0:1,1:0), or valid, same, full.")
    var padding = "0"

    @Option(help: "Dilation, e.g. 1 or 2 or 2,1.")
    var dilation = "1"

    @Option(help: "Kernel preset: \(KernelPreset.allCases.map(\.rawValue).joined(separator: ", ")).")
    var preset = "vertical-edge"

    @Option(help: "Input values: \(InputPattern.allCases.map(\.rawValue).joined(separator: ", ")).")
    var fill = "random"

    @Option(help: "Seed for random input and kernels (the same seed draws the same numbers).")
    var seed: UInt64 = 1

    @Option(help: "Add this bias to every output.")
    var bias: Double?

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

    @Option(help: "Screen size for --frame, WIDTHxHEIGHT (default 80x24).")
    var size = "80x24"

    func run() throws {
        let setup: ConvSetup
        do {
            setup = try makeSetup()
        } catch {
            throw CommandFailure.usage("cnnviz explore: \(error.message)")
        }
        var model = ConvExploreModel(setup: setup, playing: !paused && frame == nil, speed: speed)
        if let message = model.errorMessage {
            throw CommandFailure.usage("cnnviz explore: \(message)")
        }
        if let frame {
            let screen: (width: Int, height: Int)
            do { screen = try FlagValues.screenSize(size) } catch { throw CommandFailure.usage("cnnviz explore: \(error.message)") }
            guard frame >= 1 && frame <= model.player.stepCount else {
                throw CommandFailure.usage(
                    "cnnviz explore: --frame \(frame) is outside 1…\(model.player.stepCount); this setup has \(model.player.stepCount) steps")
            }
            model.player.go(to: frame - 1)
            let options = RenderOptions(ascii: ascii || !Locale.current.prefersUnicode, color: false)
            let rendered = ConvExploreView.render(model, width: screen.width, height: screen.height, options: options)
            print(rendered.canvas.text)
            return
        }
        try InteractiveExplore.run(model: model, ascii: ascii, noColor: noColor)
    }

    /// Builds the setup from the flags, refusing bad values with clear messages.
    func makeSetup() throws(FlagError) -> ConvSetup {
        let inputSize = try FlagValues.size(input, flag: "--input", range: 1...4096)
        let kernelSize = try FlagValues.size(kernel, flag: "--kernel", range: 1...15)
        let strides = try FlagValues.pair(stride, flag: "--stride", range: 1...99, meaning: "the stride is how far the kernel moves, at least 1")
        let dilations = try FlagValues.pair(dilation, flag: "--dilation", range: 1...99, meaning: "dilation 1 means no gaps between taps")
        let paddingSpec = try FlagValues.padding(padding)
        guard let presetValue = KernelPreset(rawValue: preset.lowercased()) else {
            throw FlagError("--preset: unknown preset '\(preset)'; choose one of \(KernelPreset.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let pattern = InputPattern(rawValue: fill.lowercased()) else {
            throw FlagError("--fill: unknown fill '\(fill)'; choose one of \(InputPattern.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard (Player.speeds.first!...Player.speeds.last!).contains(speed) else {
            throw FlagError("--speed: \(NumberText.format(speed)) is outside 0.25…32 steps per second")
        }
        if let bias, !bias.isFinite {
            throw FlagError("--bias: expected a finite number, got \(bias)")
        }
        return ConvSetup(
            inputRows: inputSize[0], inputColumns: inputSize[1], kernelRows: kernelSize[0], kernelColumns: kernelSize[1],
            stride: strides, padding: paddingSpec, dilation: dilations, preset: presetValue, pattern: pattern,
            seed: seed, bias: bias)
    }
}

extension Locale {
    /// Whether the environment's locale (LC_ALL, LC_CTYPE, LANG) names UTF-8.
    var prefersUnicode: Bool {
        let environment = ProcessInfo.processInfo.environment
        let value = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LC_CTYPE"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["LANG"] ?? ""
        let lowered = value.lowercased()
        return lowered.contains("utf-8") || lowered.contains("utf8")
    }
}
