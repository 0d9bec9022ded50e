import CNNCore
import CNNSandbox
import Yams

/// Reads typed values out of scene nodes, recording a `SceneProblem` (and returning nil) for
/// every value of the wrong type. Loading goes on after a problem, so one run reports them all.
struct SceneReader {
    /// The file named in problems.
    let file: String
    /// The problems found so far, in the order found.
    private(set) var problems: [SceneProblem] = []

    init(file: String) {
        self.file = file
    }

    /// Records a problem at a node.
    mutating func report(_ node: SceneNode, _ message: String) {
        problems.append(SceneProblem(file: file, line: node.line, column: node.column, message: message))
    }

    /// Records a problem at a position.
    mutating func report(line: Int, column: Int, _ message: String) {
        problems.append(SceneProblem(file: file, line: line, column: column, message: message))
    }

    /// Records "expected X, got Y" at a node.
    mutating func expected(_ what: String, _ node: SceneNode) {
        report(node, (node.path.isEmpty ? "" : "\(node.path): ") + "expected \(what), got \(node.shape)")
    }

    // MARK: Mappings

    /// The entries of a mapping whose keys must all be in `known` (in the given order for the
    /// message); unknown keys are reported and left out. Nil (reported) when not a mapping.
    mutating func fields(_ node: SceneNode, known: [String], owner: String) -> [String: (
        key: SceneNode, value: SceneNode
    )]? {
        guard let entries = node.entries else {
            expected("a mapping of fields (\(known.joined(separator: ", ")))", node)
            return nil
        }
        var result: [String: (key: SceneNode, value: SceneNode)] = [:]
        for entry in entries {
            guard known.contains(entry.name) else {
                report(entry.key, "unknown field '\(entry.key.path)'; \(owner) takes \(known.joined(separator: ", "))")
                continue
            }
            result[entry.name] = (entry.key, entry.value)
        }
        return result
    }

    // MARK: Scalars

    /// A whole number (no fraction), optionally within a range.
    mutating func wholeNumber(_ node: SceneNode, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let value = node.node.scalar.flatMap(Int.construct) else {
            expected("a whole number", node)
            return nil
        }
        if let range, !range.contains(value) {
            report(node, "\(node.path): \(value) is outside \(range.lowerBound)…\(range.upperBound)")
            return nil
        }
        return value
    }

    /// A finite number.
    mutating func number(_ node: SceneNode) -> Double? {
        guard let value = node.node.scalar.flatMap(Double.construct), value.isFinite else {
            expected("a number", node)
            return nil
        }
        return value
    }

    /// true or false.
    mutating func flag(_ node: SceneNode) -> Bool? {
        guard let value = node.node.scalar.flatMap(Bool.construct) else {
            expected("true or false", node)
            return nil
        }
        return value
    }

    /// A one-line text (any scalar).
    mutating func text(_ node: SceneNode, what: String = "text") -> String? {
        guard let text = node.scalarText else {
            expected(what, node)
            return nil
        }
        return text
    }

    /// A finite number within `range`; `unit` names what it counts in the message.
    mutating func number(_ node: SceneNode, in range: ClosedRange<Double>, unit: String) -> Double? {
        guard let value = number(node) else { return nil }
        guard range.contains(value) else {
            report(
                node,
                "\(node.path): \(NumberText.exact(value)) is outside \(NumberText.exact(range.lowerBound))…\(NumberText.exact(range.upperBound)) \(unit)"
            )
            return nil
        }
        return value
    }

    /// A number of seconds or steps per second: positive and finite.
    mutating func positiveNumber(_ node: SceneNode) -> Double? {
        guard let value = number(node) else { return nil }
        guard value > 0 else {
            report(node, "\(node.path): \(NumberText.format(value)) must be more than 0")
            return nil
        }
        return value
    }

    // MARK: Lists

    /// A list of whole numbers of a given length (nil count: any).
    mutating func wholeNumbers(_ node: SceneNode, count: Int? = nil, what: String) -> [Int]? {
        let numbers = node.items?.compactMap { $0.node.scalar.flatMap(Int.construct) }
        guard let items = node.items, let numbers, numbers.count == items.count, count == nil || items.count == count
        else {
            expected(what, node)
            return nil
        }
        return numbers
    }

    /// A whole number, or a list of whole numbers (e.g. a kernel `3` or `[3, 2]`).
    mutating func wholeNumberOrList(_ node: SceneNode, what: String) -> [Int]? {
        if let value = node.node.scalar.flatMap(Int.construct) { return [value] }
        return wholeNumbers(node, what: what)
    }

    /// Numbers nested `depth` lists deep, rectangular at every level: depth 1 is `[1, 2]`,
    /// 2 is rows `[[1, 2], [3, 4]]`. Returns the flat values (row-major) and the shape.
    mutating func numberArray(_ node: SceneNode, depth: Int, what: String) -> (values: [Double], shape: [Int])? {
        guard let result = SceneReader.flatten(node.node, depth: depth) else {
            expected(what, node)
            return nil
        }
        return result
    }

    /// How many lists deep the first scalar of a node sits (0 for a scalar).
    static func nesting(_ node: Node) -> Int {
        var depth = 0
        var current = node
        while case .sequence(let sequence) = current, let first = sequence.first {
            depth += 1
            current = first
        }
        if case .sequence = current { depth += 1 }
        return depth
    }

    /// Flat values and shape of a rectangular nested list of finite numbers, or nil.
    static func flatten(_ node: Node, depth: Int) -> (values: [Double], shape: [Int])? {
        if depth == 0 {
            guard let value = node.scalar.flatMap(Double.construct), value.isFinite else { return nil }
            return ([value], [])
        }
        guard case .sequence(let sequence) = node, !sequence.isEmpty else { return nil }
        var values: [Double] = []
        var inner: [Int]? = nil
        for item in sequence {
            guard let part = flatten(item, depth: depth - 1) else { return nil }
            if let inner, inner != part.shape { return nil }
            inner = part.shape
            values += part.values
        }
        return (values, [sequence.count] + (inner ?? []))
    }
}
