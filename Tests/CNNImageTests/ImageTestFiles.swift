import Foundation

/// A scratch directory for the files a test makes, removed when the value goes away.
final class ImageTestFiles {
    let directory: URL

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("cnnimage-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Writes bytes to a file in the directory and returns its path.
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let url = directory.appendingPathComponent(name)
        try? Data(bytes).write(to: url)
        return url.path
    }

    /// Writes text to a file in the directory and returns its path.
    func write(_ name: String, text: String) -> String {
        write(name, Array(text.utf8))
    }

    /// The bytes of a committed fixture (in `Fixtures/`).
    static func fixture(_ name: String) -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
        return (try? [UInt8](Data(contentsOf: url))) ?? []
    }
}
