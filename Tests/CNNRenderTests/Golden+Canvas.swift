import CNNRender
import Foundation
import TestSupport
import Testing

/// Golden text frames: each frame is compared with `Golden/<name>.txt` (see `GoldenText`).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares a canvas' text with the golden file (and its size with the canvas' size).
    static func check(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        GoldenText.check(canvas.text + "\n", named: "\(name).txt", in: directory, sourceLocation: sourceLocation)
        #expect(canvas.lines.count == canvas.height, sourceLocation: sourceLocation)
    }
}

extension Canvas {
    /// Whether any line contains the text.
    func contains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }

    /// The cells of the line that contains `text`, or nil.
    func row(containing text: String) -> Int? { lines.firstIndex { $0.contains(text) } }
}
