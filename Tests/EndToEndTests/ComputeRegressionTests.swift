import Foundation
import Testing

/// The compute inputs that once crashed or misled (`Tests/CNNCoreTests/Fixtures/compute-regressions.json`),
/// run through the real binary: each ends quickly with one line that says what is wrong.
@Suite("cnnviz compute on inputs that once broke it")
struct ComputeRegressionTests {
    @Test("every regression case is refused in one line, by the binary")
    func throughTheBinary() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CNNCoreTests/Fixtures/compute-regressions.json")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: fixture)) as? [String: Any])
        let cases = try #require(document["cases"] as? [[String: String]])
        #expect(cases.count >= 9)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cnnviz-regression-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: path) }
        for item in cases {
            let name = item["name"] ?? "?"
            try Data((item["text"] ?? "").utf8).write(to: path)
            let start = Date()
            let result = try SpawnedCommand.run(
                try CNNVizBinary.path(), ["compute", path.path],
                environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
            #expect(Date().timeIntervalSince(start) < 10, "\(name)")
            let expected = item["expect"] ?? "?"
            // A format problem is one line on stderr (exit 2); a core refusal is an "error" field (exit 0).
            let text = result.status == 0 ? result.output : result.errorOutput
            #expect(result.status == 0 || result.status == 2, "\(name): status \(result.status)")
            #expect(text.contains(expected), "\(name): \(text.prefix(400))")
            #expect(text.filter { $0 == "\n" }.count == 1, "\(name): \(text.prefix(400))")
            #expect(text.count < 800, "\(name): \(text.count) characters")
        }
    }
}
