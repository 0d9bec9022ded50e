import CNNCore
import CNNSandbox
import Foundation
import Testing

/// `--torch`: the printed PyTorch runs and gives the core's numbers (when PyTorch is installed).
@Suite("PyTorch code")
struct TorchCodeTests {
    /// Whether `python3 -c "import torch"` works here.
    static let torchAvailable: Bool = {
        guard let result = try? python(["-c", "import torch"]) else { return false }
        return result.status == 0
    }()

    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func configuration(_ settings: [(SettingName, String)]) throws -> ExploreConfiguration {
        var configuration = ExploreConfiguration()
        for (name, text) in settings { try Settings.named(name).apply(text, to: &configuration) }
        return configuration
    }

    static let cases: [(String, [(SettingName, String)])] = [
        ("conv", [(.input, "5x6"), (.kernel, "3x2"), (.stride, "2,1"), (.padding, "0:1,1:0"), (.bias, "0.5")]),
        ("conv", [(.dilation, "2"), (.padding, "same"), (.preset, "sobel-x")]),
        ("pool", [(.input, "7"), (.kernel, "3"), (.stride, "2"), (.padding, "1"), (.ceilMode, "on")]),
        ("pool", [(.input, "6"), (.pool, "avg"), (.padding, "1"), (.excludePad, "on")]),
        ("channels", [(.inChannels, "4"), (.outChannels, "2"), (.groups, "2"), (.bias, "1")]),
        ("transpose", [(.input, "3"), (.stride, "2"), (.padding, "1"), (.outputPadding, "1")]),
        ("1d", [(.input, "9"), (.kernel, "3"), (.dilation, "2")]),
    ]

    @Test("the code names the functional call and the module")
    func namesCallAndModule() throws {
        let conv = try ConvModel(configuration: ExploreConfiguration(), playing: false, speed: 1)
        let code = try TorchCode.program(for: conv).get()
        #expect(code.contains("F.conv2d(x, w, None, stride=(1, 1), padding=(0, 0), dilation=(1, 1), groups=1)"))
        #expect(code.contains("nn.Conv2d(1, 1, kernel_size=(3, 3)"))
        let stack = try #require(SandboxViews.model(named: "stack"))
        let model = try stack.init(configuration: ExploreConfiguration(), playing: false, speed: 1)
        #expect(throws: TorchCodeRefusal.self) { try TorchCode.program(for: model).get() }
    }

    @Test("the printed code runs in PyTorch and prints the core's output", arguments: 0..<cases.count)
    func runsInTorch(_ index: Int) throws {
        let (view, settings) = Self.cases[index]
        let type = try #require(SandboxViews.model(named: view))
        let model = try type.init(configuration: try Self.configuration(settings), playing: false, speed: 1)
        let code = try TorchCode.program(for: model).get()
        guard Self.torchAvailable else {
            print("skipped: python3 -c \"import torch\" fails here, so the code of \(view) was not run")
            return
        }
        let result = try Self.python(["-c", code])
        #expect(result.status == 0, "\(view): the code failed:\n\(code)")
        let lines = result.output.split(separator: "\n")
        let printed = try #require(lines.last).dropFirst().dropLast().split(separator: ",").compactMap {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
        let expected = try #require(model.mainOutput).channels.flatMap { $0.flatMap { $0 } }
        #expect(printed.count == expected.count, "\(view): \(printed.count) values, the core has \(expected.count)")
        for (got, want) in zip(printed, expected) {
            #expect(abs(got - want) <= 1e-9 * max(1, abs(want)), "\(view): PyTorch \(got), core \(want)")
        }
    }
}
