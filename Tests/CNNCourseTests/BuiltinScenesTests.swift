import Foundation
import Testing

@testable import CNNCourse

/// The compiled-in course: in step with Scenes/, every scene consistent with the core, every topic covered.
@Suite("Built-in scenes")
struct BuiltinScenesTests {
    /// The scene files of Scenes/, as the EmbedScenes plugin reads them.
    static func sceneFiles() throws -> [(name: String, text: String)] {
        let directory = SceneFixtures.root.appendingPathComponent("Scenes")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        return try names.map {
            ("Scenes/\($0)", try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test("the binary carries every scene of Scenes/, byte for byte, in file-name order (the EmbedScenes plugin)")
    func embeddedScenesMatchTheFiles() throws {
        let files = try BuiltinScenesTests.sceneFiles()
        let embedded = BuiltinScenes.files
        #expect(
            embedded.map(\.name) == files.map(\.name),
            "the embedded scenes differ from Scenes/*.yaml")
        for (file, compiled) in zip(files, embedded) where file.name == compiled.name {
            #expect(
                compiled.text == file.text,
                "\(file.name) differs from its embedded copy")
        }
    }

    @Test("every built-in scene loads: its setup, timeline and stated numbers agree with the core")
    func everySceneLoads() {
        if case .failure(let problems) = BuiltinCourse.load() {
            Issue.record("built-in scenes with problems:\n\(problems.map(\.description).joined(separator: "\n"))")
        }
    }

    @Test("topics 1…22 are all covered, in play order")
    func everyTopicCovered() throws {
        let scenes = try BuiltinCourse.load().get()
        #expect(BuiltinCourse.missingTopics(in: scenes) == [], "topics without a scene")
        let numbers = scenes.map { $0.file.dropFirst("Scenes/".count).prefix(2) }
        #expect(numbers.allSatisfy { Int($0) != nil }, "built-in scenes are named NN-slug.yaml")
        #expect(numbers == numbers.sorted(), "scenes play in file-name order")
    }
}
