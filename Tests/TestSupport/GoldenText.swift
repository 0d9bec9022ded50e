import Foundation
import Testing

/// Golden text files: a text is compared with the file `<directory>/<name>` (e.g. `conv-help.txt`). Run the tests with
/// `CNNVIZ_UPDATE_GOLDEN=1` to write the files after checking a change by eye.
public enum GoldenText {
    /// Compares `text` with the golden file, naming the first line that differs.
    public static func check(
        _ text: String, named name: String, in directory: URL, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CNNVIZ_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing golden file \(name); run with CNNVIZ_UPDATE_GOLDEN=1 and review it",
                sourceLocation: sourceLocation)
            return
        }
        guard expected != text else { return }
        let got = text.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
        let gotLine = line < got.count ? String(got[line]) : "<none>"
        let wantLine = line < want.count ? String(want[line]) : "<none>"
        Issue.record(
            "\(name) differs from its golden file at line \(line + 1):\n  got:  \(gotLine)\n  want: \(wantLine)",
            sourceLocation: sourceLocation)
    }
}
