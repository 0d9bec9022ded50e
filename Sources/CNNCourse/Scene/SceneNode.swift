import CNNSandbox
import Yams

/// A YAML node of a scene file with the dotted path that names it in messages
/// (`setup.stride`, `timeline[2].play`) and its position.
struct SceneNode {
    let node: Node
    /// Where the node sits, for messages: `setup.stride`, `expect.facts[1].weights`.
    let path: String
    let line: Int
    let column: Int

    /// Wraps a node; a node without a mark is placed at the `fallback` position.
    init(_ node: Node, path: String, fallback: (line: Int, column: Int) = (1, 1)) {
        self.node = node
        self.path = path
        self.line = node.mark?.line ?? fallback.line
        self.column = node.mark?.column ?? fallback.column
    }

    /// A short description of what the node is, for "expected …, got …" messages.
    var shape: String {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string
            return text.count > 40 ? "'\(text.prefix(39))…'" : "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence(let sequence): return "a list of \(sequence.count)"
        case .alias: return "an alias"
        }
    }

    /// The scalar's text, or nil for lists and mappings.
    var scalarText: String? { node.scalar?.string }

    /// The items of a list, each with its path `path[i]` (1-based), or nil when not a list.
    var items: [SceneNode]? {
        guard case .sequence(let sequence) = node else { return nil }
        return sequence.enumerated().map { index, item in
            SceneNode(item, path: "\(path)[\(index + 1)]", fallback: (line, column))
        }
    }

    /// The entries of a mapping: each key's name, its key node and its value node.
    var entries: [(name: String, key: SceneNode, value: SceneNode)]? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.map { pair in
            let name = pair.key.scalar?.string ?? "?"
            let childPath = path.isEmpty ? name : "\(path).\(name)"
            let key = SceneNode(pair.key, path: childPath, fallback: (line, column))
            return (name, key, SceneNode(pair.value, path: childPath, fallback: (key.line, key.column)))
        }
    }
}
