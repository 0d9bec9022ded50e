import ArgumentParser
import CNNCourse
import CNNFiles
import CNNRender
import CNNSandbox
import Foundation

/// `cnnviz check FILE...`: validates scene files without a terminal.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check scene files: YAML, fields, geometry, and every expected number against the core.",
        discussion: """
            Prints each problem as file:line:column: message and exits with status 1 when there \
            are any; prints "ok: N scenes" otherwise. Without FILE it checks the built-in course. \
            --strict also refuses narration numbers that neither setup: nor expect: states.
            Every beat is also played at 80×24: nothing may be drawn over anything else, the view \
            may not be refused, the footer keeps "? keys" and "q quit", and every output cell a \
            beat names ({out[r,c]}, select:, the whole output of expect.output) is on screen.
            """)

    @Argument(help: "Scene files (YAML). Default: the built-in scenes.")
    var files: [String] = []

    @Flag(help: "Also report every narration number that is not in setup: or expect: (nor a placeholder).")
    var strict = false

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
            switch SceneLoader.load(text: source.text, file: source.name, strict: strict) {
            case .success(let scene):
                count += 1
                problems += SceneLayout.problems(scene, text: source.text)
            case .failure(let found): problems += found
            }
        }
        if !problems.isEmpty {
            throw CommandFailure.problems(problems.map(\.description).joined(separator: "\n"))
        }
        print("ok: \(count) scene\(count == 1 ? "" : "s")")
    }
}

/// The layout check of `cnnviz check`: every beat of a scene played on an 80×24 screen.
enum SceneLayout {
    /// The smallest screen a scene must fit.
    static let width = 80
    static let height = 24

    /// The beats that break a layout rule, each at its timeline entry's line.
    static func problems(_ scene: Scene, text: String) -> [SceneProblem] {
        guard let session = TutorialSession.session(scenes: [scene]) else { return [] }
        let lines = beatLines(text)
        return LayoutCheck.problems(session, width: width, height: height, options: RenderOptions()).map { problem in
            let line = problem.beat < lines.count ? lines[problem.beat] : 1
            return SceneProblem(
                file: scene.file, line: line, column: 1,
                message: "beat \(problem.beat + 1) does not fit \(width)×\(height): \(problem.message)")
        }
    }

    /// The 1-based line of each entry of `timeline:` (its `- ` item), in order.
    static func beatLines(_ text: String) -> [Int] {
        var lines: [Int] = []
        var inTimeline = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if !line.hasPrefix(" ") && !line.hasPrefix("-") && !line.isEmpty {
                inTimeline = line.hasPrefix("timeline:")
            } else if inTimeline && line.trimmingCharacters(in: .whitespaces).hasPrefix("- ") {
                lines.append(index + 1)
            }
        }
        return lines
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
