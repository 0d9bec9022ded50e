import Foundation
import Testing

/// `cnnviz record`: a recording made without a terminal is an asciicast v2 file.
@Suite("cnnviz record")
struct RecordEndToEndTests {
    private static func cnnviz(_ arguments: [String]) throws -> SpawnedCommand.Result {
        try SpawnedCommand.run(
            try CNNVizBinary.path(), arguments, environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
    }

    private static func scratch(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("cnnviz-record-\(UUID().uuidString)-\(name)").path
    }

    @Test func exploreRecordingHasAHeaderAndTimedFrames() throws {
        let path = Self.scratch("conv.cast")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.cnnviz(["record", path, "--stride", "2", "--size", "60x20", "--speed", "4"])
        #expect(result.status == 0)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let header = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(header["version"] as? Int == 2 && header["width"] as? Int == 60 && header["height"] as? Int == 20)
        let events = try lines.dropFirst().map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [Any])
        }
        // 7×7 input, 3×3 kernel, stride 2: 9 output cells, one step each, then the closing event.
        #expect(events.count == 10)
        let times = events.compactMap { $0[0] as? Double }
        #expect(times == [0, 0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 4])
        let first = try #require(events.first?[2] as? String)
        #expect(first.contains("cnnviz explore") && first.contains("\u{1B}[2J"))
    }

    @Test func maxSecondsBoundsTheRecording() throws {
        let path = Self.scratch("long.cast")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.cnnviz(["record", path, "--input", "20", "--speed", "1", "--max-seconds", "3"])
        #expect(result.status == 0)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        let last = try #require(try JSONSerialization.jsonObject(with: Data(lines[lines.count - 1].utf8)) as? [Any])
        #expect((last[0] as? Double ?? 99) <= 3)
    }

    @Test func tutorialSceneRecording() throws {
        let path = Self.scratch("scene.cast")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.cnnviz(["record", path, "--scene", "2", "--size", "100x30", "--hold", "1"])
        #expect(result.status == 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.split(separator: "\n").count >= 3)
        #expect(text.contains("cnnviz tutorial"))
    }

    @Test(arguments: [
        (["--scene", "99"], "--scene 99 is outside 1…"),
        (["--max-seconds", "0"], "--max-seconds: 0.0 is outside 1…600"),
        (["--frame", "2"], "--frame: record plays every step"),
        (["--size", "5x5"], "--size: 5x5 is outside"),
    ])
    func refusals(arguments: [String], message: String) throws {
        let path = Self.scratch("refused.cast")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try Self.cnnviz(["record", path] + arguments)
        #expect(result.status == 2)
        #expect(result.errorOutput.contains(message), "\(result.errorOutput)")
    }
}
