import ArgumentParser
import CNNCourse
import CNNSandbox

/// `cnnviz scenes`: lists the built-in course.
struct ScenesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenes",
        abstract: "List the built-in tutorial scenes: number, topic, view and title.")

    func run() throws {
        let scenes: [Scene]
        switch BuiltinCourse.load() {
        case .success(let loaded): scenes = loaded
        case .failure(let problems):
            throw CommandFailure.problems(problems.map(\.description).joined(separator: "\n"))
        }
        print(ScenesCommand.table(scenes))
    }

    /// One line per scene: `  3  topic  2  conv       Cross-correlation, step by step`, and a count.
    static func table(_ scenes: [Scene]) -> String {
        let numberWidth = max(2, String(scenes.count).count)
        let viewWidth = SandboxViews.names.map(\.count).max() ?? 9
        var lines = scenes.enumerated().map { index, scene in
            let number = String(index + 1)
            let topic = String(scene.topic)
            return String(repeating: " ", count: numberWidth - number.count) + number + "  topic "
                + String(repeating: " ", count: 2 - min(2, topic.count)) + topic + "  "
                + scene.view.kind.name + String(repeating: " ", count: viewWidth - scene.view.kind.name.count) + "  "
                + scene.title
        }
        lines.append("\(scenes.count) scene\(scenes.count == 1 ? "" : "s")")
        return lines.joined(separator: "\n")
    }
}
