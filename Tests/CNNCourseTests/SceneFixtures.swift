import Foundation
import TestSupport
import Testing

@testable import CNNCourse

/// The sample scenes in Tests/SceneFixtures/{good,broken}/ (outside every target, so SwiftPM
/// does not ask to declare them as resources).
enum SceneFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SceneFixtures")

    /// The repository root (for Scenes/).
    static let root = Repository.root

    /// The text of `good/NAME.yaml` or `broken/NAME.yaml`.
    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent("\(name).yaml"), encoding: .utf8)
    }

    /// Loads a fixture, naming it `NAME.yaml` in problems (e.g. `broken/bad-yaml.yaml`).
    static func load(_ name: String) throws -> Result<Scene, [SceneProblem]> {
        SceneLoader.load(text: try text(name), file: "\(name).yaml")
    }

    /// The problems of a fixture as `file:line:column: message` lines.
    static func problems(_ name: String) throws -> [String] {
        switch try load(name) {
        case .success: return []
        case .failure(let problems): return problems.map(\.description)
        }
    }

    /// A fixture that must load.
    static func scene(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Scene {
        switch try load(name) {
        case .success(let scene): return scene
        case .failure(let problems):
            Issue.record(
                "\(name) did not load:\n\(problems.map(\.description).joined(separator: "\n"))",
                sourceLocation: sourceLocation)
            throw FixtureError()
        }
    }

    /// The three good fixtures, in order.
    static func goodScenes() throws -> [Scene] {
        try ["good/cross-correlation", "good/max-pooling", "good/two-channels"].map { try scene($0) }
    }

    /// Loads YAML text given inline, as `inline.yaml`.
    static func inline(_ text: String) -> Result<Scene, [SceneProblem]> {
        SceneLoader.load(text: text, file: "inline.yaml")
    }

    /// The problems of inline YAML as strings.
    static func inlineProblems(_ text: String) -> [String] {
        if case .failure(let problems) = inline(text) { return problems.map(\.description) }
        return []
    }

    struct FixtureError: Error {}
}
