import Foundation

/// Where the repository's files are, for tests that read them (README, Scenes/, fixtures).
public enum Repository {
    /// The repository root.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A file or folder of the repository, by its path from the root.
    public static func url(_ path: String) -> URL {
        root.appendingPathComponent(path)
    }
}
