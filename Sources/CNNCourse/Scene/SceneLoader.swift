import CNNCore
import CNNSandbox
import Yams

/// Reads scene files (format: Scenes/README.md). A scene that loads is consistent with the core:
/// its setup is one the core accepts, its timeline only names steps and cells that exist, and
/// every number it states under `expect:` is the core's. Otherwise every problem found is
/// returned, each at its YAML node, sorted by position.
public enum SceneLoader {
    /// The top-level fields of a scene.
    public static let fields = ["title", "topic", "view", "setup", "narration", "timeline", "expect"]
    /// The fields a scene must have.
    public static let requiredFields = ["title", "topic", "view", "narration"]

    /// Loads one scene from its text; `file` names it in problems. `strict` also reports every
    /// number the narration states that is not in the scene's setup or checked expectations.
    public static func load(text: String, file: String, strict: Bool = false) -> Result<Scene, [SceneProblem]> {
        var reader = SceneReader(file: file)
        guard text.utf8.count <= SceneLimits.maxBytes else {
            reader.report(
                line: 1, column: 1,
                "the file has \(text.utf8.count) bytes; a scene file may have at most \(SceneLimits.maxBytes) (1 MiB)")
            return .failure(reader.problems)
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                reader.report(
                    line: 1, column: 1, "the file is empty; a scene needs \(requiredFields.joined(separator: ", "))")
                return .failure(reader.problems)
            }
            root = node
        } catch let error as YamlError {
            let (line, column, message) = describe(error)
            reader.report(line: line, column: column, message)
            return .failure(reader.problems)
        } catch {
            reader.report(line: 1, column: 1, "bad YAML: \(error)")
            return .failure(reader.problems)
        }
        if let beyond = SceneLimits.nodeBeyondLimit(root) {
            let place = SceneNode(beyond, path: "")
            reader.report(
                line: place.line, column: place.column,
                "the scene has more than \(SceneLimits.maxNodes) YAML values once its aliases are expanded (counting reached here); write the values out or use fewer aliases"
            )
            return .failure(reader.problems)
        }
        let scene = read(SceneNode(root, path: ""), strict: strict, reader: &reader)
        let problems = reader.problems.enumerated().sorted { a, b in
            (a.element.line, a.element.column, a.offset) < (b.element.line, b.element.column, b.offset)
        }.map(\.element)
        if let scene, problems.isEmpty { return .success(scene) }
        return .failure(problems)
    }

    /// Loads several files in order, gathering every problem of every file.
    public static func load(files: [(name: String, text: String)], strict: Bool = false) -> Result<
        [Scene], [SceneProblem]
    > {
        var scenes: [Scene] = []
        var problems: [SceneProblem] = []
        for file in files {
            switch load(text: file.text, file: file.name, strict: strict) {
            case .success(let scene): scenes.append(scene)
            case .failure(let found): problems += found
            }
        }
        return problems.isEmpty ? .success(scenes) : .failure(problems)
    }

    private static func read(_ root: SceneNode, strict: Bool, reader: inout SceneReader) -> Scene? {
        guard let fields = reader.fields(root, known: fields, owner: "a scene") else { return nil }
        for name in requiredFields where fields[name] == nil {
            reader.report(root, "missing required field '\(name)'")
        }
        var title: String? = nil
        if let field = fields["title"], let text = reader.text(field.value, what: "a one-line title") {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.contains("\n") {
                reader.report(
                    field.value,
                    "title: expected a one-line title, got \(trimmed.isEmpty ? "an empty one" : "several lines")")
            } else {
                title = trimmed
            }
        }
        var topic: Int? = nil
        if let field = fields["topic"] {
            topic = reader.wholeNumber(field.value, in: Scene.topics)
        }
        var view: (any SandboxModel.Type)? = nil
        if let field = fields["view"], let name = reader.text(field.value, what: "a view name") {
            view = SandboxViews.model(named: name)
            if view == nil {
                reader.report(
                    field.value,
                    "view: unknown view '\(name)'; choose one of \(SandboxViews.names.joined(separator: ", "))"
                )
            }
        }
        var narration: [String] = []
        var narrationNodes: [SceneNode] = []
        if let field = fields["narration"] {
            if let items = field.value.items, !items.isEmpty {
                for item in items {
                    guard let text = reader.text(item, what: "a paragraph of text") else { continue }
                    let paragraph = text.split(whereSeparator: \.isNewline).joined(separator: " ").trimmingCharacters(
                        in: .whitespaces)
                    if paragraph.isEmpty { reader.report(item, "\(item.path): the paragraph is empty") }
                    narration.append(paragraph)
                    narrationNodes.append(item)
                }
            } else {
                reader.expected("a list of paragraphs (at least one)", field.value)
            }
        }
        let before = reader.problems.count
        let configuration = SceneSetupReader.read(fields["setup"]?.value, view: view ?? ConvModel.self, reader: &reader)
        var model: (any SandboxModel)? = nil
        if let view, reader.problems.count == before {
            do throws(CNNError) {
                model = try view.init(configuration: configuration, playing: false, speed: 2)
            } catch {
                let place = fields["setup"]?.key ?? fields["view"]?.key ?? root
                reader.report(place, "\(place.path): the core refuses this setup: \(error.message)")
            }
        }
        let beats = SceneTimeline.read(
            fields["timeline"]?.value, narration: narration.count, model: model, reader: &reader)
        var expectations = 0
        if let field = fields["expect"] {
            expectations = SceneExpectations.check(field.value, model: model, reader: &reader)
        }
        let referents = narration.map(SceneReferent.referents(inParagraph:))
        var finalReferents: [SceneReferent] = []
        if fields["expect"]?.value.entries?.contains(where: { $0.name == "output" }) == true,
            let shape = model?.mainOutput?.shape, shape.count == 2
        {
            finalReferents.append(.wholeOutput(rows: shape[0], columns: shape[1]))
        }
        if let view {
            let known =
                [fields["setup"], fields["expect"]].compactMap { $0 }.flatMap {
                    SceneNarration.numbers(in: $0.value)
                } + (strict ? SceneNarration.coreNumbers(model, configuration: configuration) : [])
            for index in narration.indices {
                if strict {
                    SceneNarration.checkNumbers(
                        narration[index], node: narrationNodes[index], known: known, reader: &reader)
                }
                narration[index] = SceneNarration.render(
                    narration[index], node: narrationNodes[index], keys: TutorialKeys.context(for: view),
                    viewName: view.kind.name, model: model, reader: &reader)
            }
        }
        guard let title, let topic, let view, !narration.isEmpty, reader.problems.isEmpty else { return nil }
        return Scene(
            file: reader.file, title: title, topic: topic, view: view, configuration: configuration,
            narration: narration,
            beats: beats, expectationCount: expectations, referents: referents, finalReferents: finalReferents)
    }

    /// Yams' position and a readable message for a YAML syntax error.
    static func describe(_ error: YamlError) -> (line: Int, column: Int, message: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let context = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return (mark.line, mark.column, "bad YAML: \(problem)\(context)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return (
                context.mark.line, context.mark.column,
                "bad YAML: the field\(duplicates.count == 1 ? "" : "s") \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) appear\(duplicates.count == 1 ? "s" : "") twice in this mapping"
            )
        case .reader(let problem, _, _, _):
            return (1, 1, "bad YAML: \(problem)")
        default:
            return (1, 1, "bad YAML: \(error)")
        }
    }
}
