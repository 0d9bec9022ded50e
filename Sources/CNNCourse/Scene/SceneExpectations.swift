import CNNCore
import CNNSandbox

/// Checks a scene's `expect:` mapping against the view the setup builds (before any timeline
/// keys), reporting each contradicted expectation at its key with both numbers.
struct SceneExpectations {
    /// The fields `expect:` takes.
    static let fields = ["output", "output_shape", "steps", "step_values", "facts"]

    /// Checks every expectation; returns how many were stated.
    static func check(_ node: SceneNode, model: (any SandboxModel)?, reader: inout SceneReader) -> Int {
        guard let fields = reader.fields(node, known: SceneExpectations.fields, owner: "expect") else { return 0 }
        var count = 0
        if case (let key, let value)? = fields["output"] {
            count += 1
            checkOutput(key: key, value: value, model: model, reader: &reader)
        }
        if case (let key, let value)? = fields["output_shape"] {
            count += 1
            if let shape = reader.wholeNumbers(value, what: "a shape like [2, 2] or [2, 3, 3]"),
                let output = model?.mainOutput
            {
                if shape != output.shape {
                    reader.report(
                        key,
                        "\(key.path): the core computes \(SceneNumbers.text(output.shape)), the scene says \(SceneNumbers.text(shape))"
                    )
                }
            }
        }
        if case (let key, let value)? = fields["steps"] {
            count += 1
            if let steps = reader.wholeNumber(value), let model, steps != model.player.stepCount {
                reader.report(key, "\(key.path): the view has \(model.player.stepCount) steps, the scene says \(steps)")
            }
        }
        if case (let key, let value)? = fields["step_values"] {
            count += 1
            checkStepValues(key: key, value: value, model: model, reader: &reader)
        }
        if case (_, let value)? = fields["facts"] {
            guard let items = value.items else {
                reader.expected("a list of facts", value)
                return count
            }
            guard items.count <= SceneLimits.maxFacts else {
                reader.report(
                    value, "\(value.path): \(items.count) facts; a scene may state at most \(SceneLimits.maxFacts)")
                return count
            }
            for item in items {
                count += 1
                SceneFacts.check(item, reader: &reader)
            }
        }
        return count
    }

    private static func checkOutput(
        key: SceneNode, value: SceneNode, model: (any SandboxModel)?, reader: inout SceneReader
    ) {
        let depth = SceneReader.nesting(value.node)
        guard (1...3).contains(depth), case (let stated, let shape)? = SceneReader.flatten(value.node, depth: depth)
        else {
            reader.expected("the output as rows of numbers (several channels: a list of channels)", value)
            return
        }
        guard let model, let output = model.mainOutput else { return }
        guard model.outputHasValues else {
            reader.report(
                key,
                "\(key.path): the \(viewName(model)) view shows sizes, not values; state output_shape or facts instead")
            return
        }
        let computed = output.channels.flatMap { $0.flatMap { $0 } }
        let computedShape = [
            output.channels.count, output.channels.first?.count ?? 0, output.channels.first?.first?.count ?? 0,
        ]
        let statedShape = depth == 3 ? shape : depth == 2 ? [1] + shape : [1, 1] + shape
        let agrees = statedShape == computedShape && zip(stated, computed).allSatisfy { SceneNumbers.matches($0, $1) }
        guard !agrees else { return }
        guard computed.count <= 256 && stated.count <= 256 else {
            reader.report(key, "\(key.path): " + largeMismatch(stated, statedShape, computed, computedShape))
            return
        }
        let computedText: String
        switch depth {
        case 3: computedText = SceneNumbers.text(output.channels)
        case 2 where output.channels.count == 1: computedText = SceneNumbers.text(output.channels[0])
        case 1 where output.channels.count == 1 && output.channels[0].count == 1:
            computedText = SceneNumbers.text(output.channels[0][0])
        default:
            computedText =
                output.channels.count == 1 ? SceneNumbers.text(output.channels[0]) : SceneNumbers.text(output.channels)
        }
        let statedText: String
        switch depth {
        case 3: statedText = SceneNumbers.text(chunk(chunk(stated, shape[2]), shape[1]))
        case 2: statedText = SceneNumbers.text(chunk(stated, shape[1]))
        default: statedText = SceneNumbers.text(stated)
        }
        reader.report(
            key,
            "\(key.path): the core computes \(SceneNumbers.shortened(computedText)), the scene says \(SceneNumbers.shortened(statedText))"
        )
    }

    private static func checkStepValues(
        key: SceneNode, value: SceneNode, model: (any SandboxModel)?, reader: inout SceneReader
    ) {
        guard let entries = value.entries else {
            reader.expected("a mapping of step numbers to values, e.g. {1: 19, 4: 43}", value)
            return
        }
        var mismatches: [String] = []
        for entry in entries {
            guard let step = entry.key.node.scalar.flatMap(Int.construct) else {
                reader.report(entry.key, "\(value.path): expected a step number (1, 2, …), got '\(entry.name)'")
                continue
            }
            guard let stated = reader.number(entry.value) else { continue }
            guard let model else { continue }
            if let refusal = model.stepValueRefusal {
                reader.report(key, "\(key.path): \(refusal)")
                return
            }
            guard step >= 1 && step <= model.player.stepCount, let computed = model.stepValue(step - 1) else {
                reader.report(
                    entry.key, "\(value.path): step \(step) is outside 1…\(model.player.stepCount), the view's steps")
                continue
            }
            if !SceneNumbers.matches(stated, computed) {
                mismatches.append(
                    "step \(step): the core computes \(SceneNumbers.text(computed)), the scene says \(SceneNumbers.text(stated))"
                )
            }
        }
        if !mismatches.isEmpty {
            reader.report(key, "\(key.path): " + mismatches.joined(separator: "; "))
        }
    }

    /// How a large stated output differs from the core's, without writing either out: the
    /// shapes, or the first value that differs.
    private static func largeMismatch(
        _ stated: [Double], _ statedShape: [Int], _ computed: [Double], _ computedShape: [Int]
    ) -> String {
        guard statedShape == computedShape else {
            return
                "the core computes an output of shape \(SceneNumbers.text(computedShape)), the scene states one of shape \(SceneNumbers.text(statedShape))"
        }
        let index = stated.indices.first { !SceneNumbers.matches(stated[$0], computed[$0]) } ?? 0
        let columns = max(1, computedShape[2])
        let rows = max(1, computedShape[1])
        let place = "channel \(index / (rows * columns)), row \(index / columns % rows), column \(index % columns)"
        return
            "the core computes \(SceneNumbers.text(computed[index])) at \(place) (counting from 0), the scene says \(SceneNumbers.text(stated[index]))"
    }

    private static func chunk<T>(_ values: [T], _ size: Int) -> [[T]] {
        stride(from: 0, to: values.count, by: max(1, size)).map {
            Array(values[$0..<min(values.count, $0 + max(1, size))])
        }
    }

    private static func viewName(_ model: any SandboxModel) -> String {
        model.outputHasValues ? "this" : type(of: model).kind.name
    }
}
