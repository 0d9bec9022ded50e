import Foundation
import Testing

/// `cnnviz compute` on paths that are not readable JSON files: one line each, exit 2, no hang.
@Suite("cnnviz compute on hostile paths")
struct ComputeFileTests {
    static func compute(_ path: String) throws -> SpawnedCommand.Result {
        try SpawnedCommand.run(
            try CNNVizBinary.path(), ["compute", path], environment: ["LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
    }

    @Test("a directory, a FIFO with no writer and /dev/null are refused in one line")
    func notFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cnnviz-paths-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let cases = [
            (directory.path, "it is a directory"), (fifo, "it is a pipe (FIFO), not a regular file"),
            ("/dev/null", "it is a character device"),
        ]
        for (path, reason) in cases {
            let start = Date()
            let result = try Self.compute(path)
            #expect(Date().timeIntervalSince(start) < 10, "\(path) took too long")
            #expect(result.status == 2, "\(path)")
            #expect(
                result.errorOutput.hasPrefix("cnnviz compute: cannot read \(path): \(reason)"), "\(result.errorOutput)")
            #expect(result.errorOutput.filter { $0 == "\n" }.count == 1, "\(result.errorOutput)")
            #expect(!result.errorOutput.contains("NSCocoaErrorDomain"))
        }
    }

    @Test("a trailing comma is refused with its line and column")
    func trailingComma() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cnnviz-comma-\(getpid()).json")
        try Data("{\"cases\": [\n  {\"op\": \"conv2d\"},\n]}".utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try Self.compute(path.path)
        #expect(result.status == 2)
        #expect(
            result.errorOutput
                == "cnnviz compute: \(path.path): not valid JSON: line 3, column 1: trailing comma before ']'\n")
    }
}
