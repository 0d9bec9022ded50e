import CNNRender
import Foundation
import Testing

/// Golden text frames: each frame is compared with `Golden/<name>.txt`. Run the tests with
/// `CNNVIZ_UPDATE_GOLDEN=1` to write the files after checking a change by eye.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares a canvas' text with the golden file (and its size with the canvas' size).
    static func check(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent("\(name).txt")
        let text = canvas.text + "\n"
        if ProcessInfo.processInfo.environment["CNNVIZ_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing golden file \(name).txt; run with CNNVIZ_UPDATE_GOLDEN=1 and review it",
                sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let got = text.split(separator: "\n", omittingEmptySubsequences: false)
            let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line =
                zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            let gotLine = line < got.count ? String(got[line]) : "<none>"
            let wantLine = line < want.count ? String(want[line]) : "<none>"
            Issue.record(
                "frame \(name) differs from its golden file at line \(line + 1):\n  got:  \(gotLine)\n  want: \(wantLine)",
                sourceLocation: sourceLocation)
        }
        #expect(canvas.lines.count == canvas.height, sourceLocation: sourceLocation)
    }
}

extension Canvas {
    /// Whether any line contains the text.
    func contains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }

    /// The cells of the line that contains `text`, or nil.
    func row(containing text: String) -> Int? { lines.firstIndex { $0.contains(text) } }
}
