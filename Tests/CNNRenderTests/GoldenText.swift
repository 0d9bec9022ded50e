import Foundation
import Testing

/// Golden files for exported text (ANSI, HTML, SVG, asciicast): compared byte for byte with
/// `Golden/<name>`. `CNNVIZ_UPDATE_GOLDEN=1` writes them, as for `Golden.check`.
enum GoldenText {
    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = Golden.directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CNNVIZ_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: Golden.directory, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing golden file \(name); run with CNNVIZ_UPDATE_GOLDEN=1 and review it",
                sourceLocation: sourceLocation)
            return
        }
        let got = text.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        if let line = zip(got, want).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record(
                "\(name) differs at line \(line + 1):\n  got:  \(got[line].debugDescription)\n  want: \(want[line].debugDescription)",
                sourceLocation: sourceLocation)
        } else if got.count != want.count {
            Issue.record("\(name) has \(got.count) lines, golden \(want.count)", sourceLocation: sourceLocation)
        }
    }
}
