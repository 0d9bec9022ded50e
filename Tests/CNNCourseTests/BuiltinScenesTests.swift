import Foundation
import Testing

@testable import CNNCourse

/// The compiled-in course: in step with Scenes/, every scene consistent with the core, every topic covered.
@Suite("Built-in scenes")
struct BuiltinScenesTests {
    /// The scene files of Scenes/, as `Scripts/embed-scenes.py` reads them.
    static func sceneFiles() throws -> [(name: String, text: String)] {
        let directory = SceneFixtures.root.appendingPathComponent("Scenes")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
            .sorted()
        return try names.map {
            ("Scenes/\($0)", try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test(
        "Sources/CNNCourse/Generated/BuiltinScenes.swift is up to date with Scenes/ (else run python3 Scripts/embed-scenes.py)"
    )
    func generatedFileIsFresh() throws {
        let files = try BuiltinScenesTests.sceneFiles()
        let embedded = BuiltinScenes.files
        #expect(
            embedded.map(\.name) == files.map(\.name),
            "the embedded scenes differ from Scenes/*.yaml; run python3 Scripts/embed-scenes.py")
        for (file, compiled) in zip(files, embedded) where file.name == compiled.name {
            #expect(
                compiled.text == file.text,
                "\(file.name) changed since it was embedded; run python3 Scripts/embed-scenes.py")
        }
    }

    @Test("every built-in scene loads: its setup, timeline and stated numbers agree with the core")
    func everySceneLoads() {
        if case .failure(let problems) = BuiltinCourse.load() {
            Issue.record("built-in scenes with problems:\n\(problems.map(\.description).joined(separator: "\n"))")
        }
    }

    // Fails until the course scenes (Scenes/NN-*.yaml, written in parallel) are merged in.
    @Test("COURSE COMPLETENESS (fails until the course scenes land): topics 1…22 are all covered, in play order")
    func everyTopicCovered() throws {
        let scenes = try BuiltinCourse.load().get()
        #expect(BuiltinCourse.missingTopics(in: scenes) == [], "topics without a scene")
        let numbers = scenes.map { $0.file.dropFirst("Scenes/".count).prefix(2) }
        #expect(numbers.allSatisfy { Int($0) != nil }, "built-in scenes are named NN-slug.yaml")
        #expect(numbers == numbers.sorted(), "scenes play in file-name order")
    }

    static let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(
        "the embed script reproduces the generated file byte for byte (embed-scenes.py --check)",
        .enabled(if: python != nil))
    func scriptAgrees() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BuiltinScenesTests.python!)
        process.arguments = [SceneFixtures.root.appendingPathComponent("Scripts/embed-scenes.py").path, "--check"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        process.waitUntilExit()
        let text = String(data: output.fileHandleForReading.readDataToEndOfFile(), encoding: .utf8) ?? ""
        #expect(process.terminationStatus == 0, "\(text)")
    }
}
