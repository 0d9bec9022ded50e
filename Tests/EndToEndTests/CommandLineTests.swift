import Foundation
import Testing

/// The non-interactive commands, run as a user would run them: `compute`, `explore --frame`,
/// `--version`, and their refusals.
@Suite("cnnviz on the command line")
struct CommandLineTests {
    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CNNCoreTests/Fixtures/oracle")
    }

    static func cnnviz(_ arguments: [String]) throws -> SpawnedCommand.Result {
        try SpawnedCommand.run(
            try CNNVizBinary.path(), arguments, environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
    }

    @Test(
        "compute reproduces every reference file's results",
        arguments: [
            "conv1d", "conv2d", "conv_transpose2d", "max_pool2d", "avg_pool2d", "global_pool2d", "receptive_field",
        ])
    func computeReproducesFile(_ name: String) throws {
        let file = Self.fixtures.appendingPathComponent("\(name).json")
        let result = try Self.cnnviz(["compute", file.path])
        #expect(result.status == 0)
        let computed = try #require(try Self.parse(result.output) as? [String: Any])
        let expected = try #require(try Self.parse(String(contentsOf: file, encoding: .utf8)) as? [String: Any])
        let got = try #require(computed["cases"] as? [[String: Any]])
        let want = try #require(expected["cases"] as? [[String: Any]])
        #expect(got.count == want.count)
        var compared = 0
        for (g, w) in zip(got, want) {
            #expect(g["name"] as? String == w["name"] as? String)
            if w["error"] != nil {
                #expect(g["error"] is String, "\(w["name"] ?? "?"): PyTorch refuses this case")
                continue
            }
            for field in ["output", "indices", "grad_input", "grad_weight", "grad_bias", "mask"] {
                guard let wantTensor = w[field] as? [String: Any] else { continue }
                let gotTensor = try #require(g[field] as? [String: Any], "\(w["name"] ?? "?") lacks \(field)")
                #expect((gotTensor["shape"] as? [Int]) == (wantTensor["shape"] as? [Int]))
                let a = Self.numbers(gotTensor["data"])
                let b = Self.numbers(wantTensor["data"])
                #expect(
                    a.count == b.count
                        && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 || ($0.isNaN && $1.isNaN) || $0 == $1 },
                    "\(w["name"] ?? "?").\(field)")
                compared += 1
            }
            if let size = w["output_size"] as? [Int] {
                #expect(g["output_size"] as? [Int] == size)
            }
        }
        #expect(compared > 0)
    }

    /// Parses JSON that may hold PyTorch's bare NaN / Infinity / -Infinity (quoted first).
    static func parse(_ text: String) throws -> Any {
        let quoted = text.replacingOccurrences(
            of: #"(?<![\w"])(-?Infinity|NaN)(?![\w"])"#, with: "\"$1\"", options: .regularExpression)
        return try JSONSerialization.jsonObject(with: Data(quoted.utf8))
    }

    /// The numbers of a JSON array, with quoted non-finite values read back.
    static func numbers(_ value: Any?) -> [Double] {
        ((value as? [Any]) ?? []).map { item in
            if let number = item as? Double { return number }
            if let number = item as? Int { return Double(number) }
            return Double((item as? String) ?? "") ?? .nan
        }
    }

    @Test("compute refuses a file that is not JSON with one line naming line and column, exit 2")
    func computeBadJSON() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cnnviz-bad-\(getpid()).json")
        try Data("{\"cases\": [\n  {\"op\": conv2d}\n]}".utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try Self.cnnviz(["compute", path.path])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(
            result.errorOutput == "cnnviz compute: \(path.path): not valid JSON: line 2, column 10: invalid value\n")
    }

    @Test("compute refuses JSON that is not the format, and a missing file, with exit 2")
    func computeNotTheFormat() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cnnviz-format-\(getpid()).json")
        try Data("{\"cases\": [{\"op\": \"conv2d\", \"name\": \"x\"}]}".utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try Self.cnnviz(["compute", path.path])
        #expect(result.status == 2)
        #expect(result.errorOutput.contains("case 'x' (conv2d) needs a 'input' tensor"))
        let missing = try Self.cnnviz(["compute", "/nonexistent/cases.json"])
        #expect(missing.status == 2)
        #expect(missing.errorOutput.hasPrefix("cnnviz compute: cannot read /nonexistent/cases.json"))
    }

    @Test("compute gives the core's refusal as an error field, exit 0")
    func computeRefusalIsAField() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cnnviz-refuse-\(getpid()).json")
        let text =
            #"{"name": "too big", "op": "conv2d", "params": {"stride": [1, 1], "padding": [1, 1], "dilation": [2, 2], "groups": 1}, "input": {"shape": [1, 1, 5, 5], "data": [\#((0..<25).map { "\($0).0" }.joined(separator: ", "))]}, "weight": {"shape": [1, 1, 5, 5], "data": [\#((0..<25).map { _ in "1.0" }.joined(separator: ", "))]}}"#
        try Data(text.utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try Self.cnnviz(["compute", path.path])
        #expect(result.status == 0)
        #expect(
            result.output.contains(#""error": "kernel 5×5 at dilation 2 spans 9×9, larger than the padded input 7×7"#))
    }

    @Test("explore --frame prints the screen of a step; a step out of range is refused")
    func exploreFrame() throws {
        let result = try Self.cnnviz([
            "explore", "--input", "3", "--kernel", "2", "--fill", "ramp", "--preset", "ramp", "--frame", "4",
        ])
        #expect(result.status == 0)
        #expect(result.output.contains("4×0 + 5×1 + 7×2 + 8×3 = 43"))
        #expect(result.output.split(separator: "\n", omittingEmptySubsequences: false).count >= 24)
        let outOfRange = try Self.cnnviz(["explore", "--input", "3", "--kernel", "2", "--frame", "9"])
        #expect(outOfRange.status == 2)
        #expect(outOfRange.errorOutput == "cnnviz explore: --frame 9 is outside 1…4; this setup has 4 steps\n")
    }

    @Test(
        "bad flags name the flag, the value and what works",
        arguments: [
            (
                ["explore", "--stride", "0"],
                "cnnviz explore: --stride: 0 is outside 1…99; the stride is how far the kernel moves, at least 1\n"
            ),
            (
                ["explore", "--padding", "x"],
                "cnnviz explore: --padding: expected a number, two numbers (rows,columns), before:after pairs, or valid/same/full; got 'x'\n"
            ),
            (
                ["explore", "--view", "nope"],
                "cnnviz explore: --view: unknown view 'nope'; choose one of conv, pool, stack, channels, transpose, matrix, backprop, 1d\n"
            ),
            (
                ["explore", "--stride", "2", "--padding", "same"],
                "cnnviz explore: padding: 'same' keeps the input size only at stride 1, but the stride is 2; use stride 1 or give the padding as a number\n"
            ),
        ])
    func badFlags(arguments: [String], message: String) throws {
        let result = try Self.cnnviz(arguments)
        #expect(result.status == 2)
        #expect(result.errorOutput == message)
        #expect(result.output.isEmpty)
    }

    @Test("--version prints the version")
    func version() throws {
        let result = try Self.cnnviz(["--version"])
        #expect(result.status == 0)
        #expect(result.output == "0.1.0\n")
    }
}
