import ArgumentParser
import CNNCourse
import CNNFiles
import CNNSandbox
import Foundation

/// `cnnviz check FILE...`: validates scene files without a terminal.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scene files: YAML, fields, geometry, and every expected number against the core.",
        discussion: """
            Prints each problem as file:line:column: message and exits with status 1 when there \
            are any; prints "ok: N scenes" otherwise. Without FILE it checks the built-in course.
            """)

    @Argument(help: "Scene files (YAML). Default: the built-in scenes.")
    var files: [String] = []

    func run() throws {
        let sources: [(name: String, text: String)]
        var problems: [SceneProblem] = []
        if files.isEmpty {
            sources = BuiltinScenes.files
        } else {
            var readable: [(name: String, text: String)] = []
            for file in files {
                switch SceneFiles.read(file) {
                case .success(let text): readable.append((file, text))
                case .failure(let problem): problems.append(problem)
                }
            }
            sources = readable
        }
        var count = 0
        for source in sources {
            switch SceneLoader.load(text: source.text, file: source.name) {
            case .success: count += 1
            case .failure(let found): problems += found
            }
        }
        if !problems.isEmpty {
            throw CommandFailure.problems(problems.map(\.description).joined(separator: "\n"))
        }
        print("ok: \(count) scene\(count == 1 ? "" : "s")")
    }
}

/// Reading scene files from disk, with unreadable files reported like other problems.
enum SceneFiles {
    /// The file's text, or a problem at 1:1 saying why it cannot be read.
    static func read(_ path: String) -> Result<String, SceneProblem> {
        do {
            return .success(try UserFile.readText(path: path, limit: 1 << 20))
        } catch {
            return .failure(
                SceneProblem(file: path, line: 1, column: 1, message: "cannot read the file: \(error.reason)"))
        }
    }

    /// Loads scene files in the order given; every problem of every file, or the scenes.
    static func load(_ paths: [String]) -> Result<[Scene], [SceneProblem]> {
        var problems: [SceneProblem] = []
        var scenes: [Scene] = []
        for path in paths {
            switch read(path) {
            case .failure(let problem): problems.append(problem)
            case .success(let text):
                switch SceneLoader.load(text: text, file: path) {
                case .success(let scene): scenes.append(scene)
                case .failure(let found): problems += found
                }
            }
        }
        return problems.isEmpty ? .success(scenes) : .failure(problems)
    }
}
