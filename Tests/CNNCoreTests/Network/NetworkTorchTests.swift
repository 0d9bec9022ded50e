import CNNCore
import Foundation
import Testing

/// The `--torch` code of every reference network, run by PyTorch: same output shape, same parameter
/// count as the summary. Skipped, saying so, when python3 with torch is not installed.
@Suite("Network summary's PyTorch code")
struct NetworkTorchTests {
    /// Runs `python3` with `arguments`, returning its exit status and standard output.
    static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let directory = FileManager.default.temporaryDirectory
        let outputURL = directory.appendingPathComponent("cnnviz-torch-\(UUID().uuidString).out")
        _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let handle = try FileHandle(forWritingTo: outputURL)
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: outputURL, encoding: .utf8)) ?? "")
    }

    /// Whether `python3 -c "import torch"` works here.
    static let torchAvailable: Bool = {
        (try? python(["-c", "import torch"]))?.status == 0
    }()

    /// The script that loads each printed model and prints `name output... params` per line.
    static let driver = """
        import runpy, sys, torch
        for path in sys.argv[1:]:
            name, dims = open(path + ".input").read().split()
            model = runpy.run_path(path, run_name="cnnviz_model")["model"]
            model.eval()
            with torch.no_grad():
                y = model(torch.zeros(1, *[int(d) for d in dims.split("x")]))
            params = sum(p.numel() for p in model.parameters())
            print(name, "x".join(str(d) for d in y.shape[1:]), params, flush=True)
        """

    @Test(
        "PyTorch runs the printed code of every reference network to the same shape and parameter count",
        .enabled(if: torchAvailable, "skipped: python3 with torch is not installed (pip install torch runs this check)")
    )
    func torchAgrees() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "cnnviz-torch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var expected: [String: (output: String, params: Int)] = [:]
        var paths: [String] = []
        for reference in try NetworkFixtures.allCases() {
            let nodes = try NetworkParser.parse(reference.layers)
            let summary = try NetworkSummary.make(input: reference.input, nodes: nodes)
            let path = directory.appendingPathComponent("\(reference.name).py").path
            try summary.torchCode(layers: nodes).write(toFile: path, atomically: true, encoding: .utf8)
            let dims = reference.input.dimensions.map(String.init).joined(separator: "x")
            try "\(reference.name) \(dims)".write(toFile: path + ".input", atomically: true, encoding: .utf8)
            expected[reference.name] = (
                summary.output.dimensions.map(String.init).joined(separator: "x"), summary.params
            )
            paths.append(path)
        }
        let driverPath = directory.appendingPathComponent("driver.py").path
        try Self.driver.write(toFile: driverPath, atomically: true, encoding: .utf8)
        let result = try Self.python([driverPath] + paths)
        #expect(result.status == 0, "python3 failed after: \(result.output.suffix(300))")
        let lines = result.output.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(lines.count == expected.count)
        for line in lines where line.count == 3 {
            let want = try #require(expected[line[0]])
            #expect(line[1] == want.output, "\(line[0]) output")
            #expect(Int(line[2]) == want.params, "\(line[0]) params")
        }
    }
}
