import CNNCore
import CNNSandbox

/// Checks `expect.facts`: standalone numbers (parameter counts, output sizes, receptive fields)
/// computed by the core's cost and geometry code — `Costs`, `LayerStack`, `PoolLayer`, `ConvLayer`,
/// and `NetworkSummary` for a whole network (`SceneNetworkFact`).
enum SceneFacts {
    /// A number the core computed for a fact.
    enum Value: Equatable {
        case number(Int)
        case numbers([Int])
        case shapes([[Int]])

        var text: String {
            switch self {
            case .number(let value): return String(value)
            case .numbers(let values): return SceneNumbers.text(values)
            case .shapes(let shapes): return SceneNumbers.text(shapes)
            }
        }
    }

    /// The kinds of fact, their settings, and the results each can state.
    static let kinds: [(name: String, settings: [String], results: [String])] = [
        ("fully_connected", ["inputs", "outputs", "bias"], ["weights", "biases", "parameters", "multiplications"]),
        (
            "convolution", ["input", "out_channels", "kernel", "stride", "padding", "dilation", "groups", "bias"],
            ["output_shape", "weights", "biases", "parameters", "multiplications"]
        ),
        ("separable", ["in_channels", "out_channels", "kernel"], ["depthwise", "pointwise", "total", "standard"]),
        (
            "stack", ["layers", "input", "in_channels"],
            ["receptive_field", "jump", "output_shapes", "parameters", "multiplications"]
        ),
        (
            "pool", ["input", "kernel", "stride", "padding", "dilation", "ceil_mode", "kind"],
            ["output_size", "output_shape"]
        ),
        ("output_size", ["input", "kernel", "stride", "padding", "dilation"], ["equals"]),
        ("network", SceneNetworkFact.settings, SceneNetworkFact.results),
    ]

    /// Checks one fact: computes it with the core and compares every stated result.
    static func check(_ node: SceneNode, reader: inout SceneReader) {
        guard let entries = node.entries else {
            reader.expected("a fact: a mapping like {convolution: {…}, parameters: 760}", node)
            return
        }
        // The kind is the entry whose value is a mapping of settings (`output_size` is both a
        // kind, `output_size: {input: …}`, and a result, `output_size: 13`).
        let kindEntries = entries.filter { entry in
            guard case .mapping = entry.value.node else { return false }
            return kinds.contains { $0.name == entry.name }
        }
        guard kindEntries.count == 1, let kindEntry = kindEntries.first,
            let kind = kinds.first(where: { $0.name == kindEntry.name })
        else {
            let found = kindEntries.map(\.name)
            reader.report(
                node,
                "\(node.path): a fact names exactly one of \(kinds.map(\.name).joined(separator: ", "))"
                    + (found.isEmpty ? "" : "; this one names \(found.joined(separator: " and "))"))
            return
        }
        let stated = entries.filter { $0.name != kindEntry.name }
        var statedResults: [(name: String, key: SceneNode, value: SceneNode)] = []
        for entry in stated {
            if kind.results.contains(entry.name) {
                statedResults.append(entry)
            } else {
                reader.report(
                    entry.key,
                    "unknown field '\(entry.key.path)'; a \(kind.name) fact states \(kind.results.joined(separator: ", "))"
                )
            }
        }
        if stated.isEmpty {
            reader.report(
                node,
                "\(node.path): the \(kind.name) fact states no result; add one of \(kind.results.joined(separator: ", "))"
            )
        }
        guard let settingsFields = reader.fields(kindEntry.value, known: kind.settings, owner: "a \(kind.name) fact")
        else { return }
        var settings = FactSettings(fields: settingsFields.mapValues(\.value), owner: kindEntry.value)
        let computed: [String: Value]?
        do throws(CNNError) {
            computed = try compute(kind.name, settings: &settings, reader: &reader)
        } catch {
            reader.report(kindEntry.key, "\(kindEntry.key.path): \(error.message)")
            return
        }
        guard let computed else { return }
        for result in statedResults {
            guard let value = computed[result.name] else { continue }
            guard let statedValue = parse(result.value, like: value, reader: &reader) else { continue }
            if statedValue != value {
                reader.report(
                    result.key,
                    "\(result.key.path): the core computes \(value.text), the scene says \(statedValue.text)")
            }
        }
    }

    /// The stated value, read with the type of the computed one.
    private static func parse(_ node: SceneNode, like value: Value, reader: inout SceneReader) -> Value? {
        switch value {
        case .number: return reader.wholeNumber(node).map(Value.number)
        case .numbers: return reader.wholeNumbers(node, what: "a list of whole numbers").map(Value.numbers)
        case .shapes:
            guard let items = node.items else {
                reader.expected("a list of shapes like [[1, 7, 7], [1, 5, 5]]", node)
                return nil
            }
            var shapes: [[Int]] = []
            for item in items {
                guard let shape = reader.wholeNumbers(item, what: "a shape like [1, 7, 7]") else { return nil }
                shapes.append(shape)
            }
            return .shapes(shapes)
        }
    }

    /// Runs the core for one kind of fact; nil when a setting could not be read (already reported).
    private static func compute(_ kind: String, settings: inout FactSettings, reader: inout SceneReader)
        throws(CNNError) -> [String: Value]?
    {
        switch kind {
        case "fully_connected":
            guard let inputs = settings.whole("inputs", reader: &reader),
                let outputs = settings.whole("outputs", reader: &reader),
                let bias = settings.flag("bias", default: true, reader: &reader)
            else { return nil }
            guard CheckedInt.multiply(inputs, outputs) != nil else { throw tooLarge([inputs, outputs]) }
            let cost = Costs.fullyConnected(inputs: inputs, outputs: outputs, bias: bias)
            return costValues(cost)
        case "convolution":
            guard let input = settings.wholes("input", what: "a shape [C, H, W] or [C, L]", reader: &reader),
                let outputs = settings.whole("out_channels", reader: &reader)
            else { return nil }
            let rank = max(1, input.count - 1)
            guard let kernel = settings.axes("kernel", rank: rank, reader: &reader),
                let stride = settings.axes("stride", rank: rank, default: 1, reader: &reader),
                let padding = settings.axes("padding", rank: rank, default: 0, reader: &reader),
                let dilation = settings.axes("dilation", rank: rank, default: 1, reader: &reader),
                let groups = settings.whole("groups", default: 1, reader: &reader),
                let bias = settings.flag("bias", default: true, reader: &reader)
            else { return nil }
            let cost = try Costs.convolution(
                inputShape: input, outputChannels: outputs, kernel: kernel, stride: stride, padding: padding,
                dilation: dilation, groups: groups, bias: bias)
            var values = costValues(cost)
            values["output_shape"] = .numbers(cost.outputShape)
            return values
        case "separable":
            guard let inputs = settings.whole("in_channels", reader: &reader),
                let outputs = settings.whole("out_channels", reader: &reader),
                let kernel = settings.axes("kernel", rank: 2, reader: &reader)
            else { return nil }
            guard CheckedInt.product(kernel + [inputs, outputs]) != nil else {
                throw tooLarge(kernel + [inputs, outputs])
            }
            let counts = Costs.depthwiseSeparable(inputChannels: inputs, outputChannels: outputs, kernel: kernel)
            return [
                "depthwise": .number(counts.depthwise), "pointwise": .number(counts.pointwise),
                "total": .number(counts.total),
                "standard": .number(counts.standard),
            ]
        case "stack":
            guard let text = settings.text("layers", reader: &reader),
                let input = settings.axes("input", rank: 2, reader: &reader),
                let channels = settings.whole("in_channels", default: 1, reader: &reader)
            else { return nil }
            let stack = try LayerStack(layers: try LayerSyntax.parse(text), inputSize: input, inputChannels: channels)
            var shapes: [[Int]] = []
            for level in 1...max(1, stack.depth) where level <= stack.depth {
                shapes.append(try stack.shape(level: level))
            }
            return [
                "receptive_field": .numbers(stack.receptiveFields.map(\.size)),
                "jump": .numbers(stack.receptiveFields.map(\.jump)),
                "output_shapes": .shapes(shapes), "parameters": .numbers(stack.costs.map(\.parameters)),
                "multiplications": .numbers(stack.costs.map(\.multiplications)),
            ]
        case "pool":
            guard let input = settings.axes("input", rank: 2, reader: &reader),
                let kernel = settings.axes("kernel", rank: 2, reader: &reader),
                let stride = settings.axes("stride", rank: 2, default: nil, reader: &reader),
                let padding = settings.axes("padding", rank: 2, default: 0, reader: &reader),
                let dilation = settings.axes("dilation", rank: 2, default: 1, reader: &reader),
                let ceil = settings.flag("ceil_mode", default: false, reader: &reader),
                let kindName = settings.text("kind", default: "max", reader: &reader)
            else { return nil }
            let poolKind: PoolKind
            switch kindName.lowercased() {
            case "max": poolKind = .max
            case "avg", "average", "mean": poolKind = .average
            default:
                reader.report(
                    settings.node("kind") ?? settings.owner,
                    "\(settings.owner.path).kind: unknown pooling '\(kindName)'; choose max or avg")
                return nil
            }
            let layer = try PoolLayer(
                kind: poolKind, inputShape: [1, 1] + input,
                parameters: PoolParameters(
                    kernel: kernel, stride: stride.isEmpty ? nil : stride, padding: padding, dilation: dilation,
                    ceilMode: ceil))
            let sizes = layer.axes.map(\.outputSize)
            return [
                "output_size": sizes[0] == sizes[1] ? .number(sizes[0]) : .numbers(sizes),
                "output_shape": .numbers(sizes),
            ]
        case "network":
            return SceneNetworkFact.compute(&settings, reader: &reader)
        default:  // output_size
            guard let input = settings.whole("input", reader: &reader),
                let kernel = settings.whole("kernel", reader: &reader),
                let stride = settings.whole("stride", default: 1, reader: &reader),
                let padding = settings.whole("padding", default: 0, reader: &reader),
                let dilation = settings.whole("dilation", default: 1, reader: &reader)
            else { return nil }
            let layer = try ConvLayer(
                inputShape: [1, 1, input], weightShape: [1, 1, kernel], hasBias: false,
                parameters: ConvParameters(stride: [stride], padding: .explicit([padding]), dilation: [dilation]))
            return ["equals": .number(layer.axes[0].outputSize)]
        }
    }

    /// The refusal of counts that would not fit in 64 bits (the core's counts would saturate).
    private static func tooLarge(_ factors: [Int]) -> CNNError {
        .invalidShape(
            "the weight count \(factors.map(String.init).joined(separator: " × ")) is too large to count in 64 bits; use smaller sizes"
        )
    }

    private static func costValues(_ cost: LayerCost) -> [String: Value] {
        [
            "weights": .number(cost.weights), "biases": .number(cost.biases), "parameters": .number(cost.parameters),
            "multiplications": .number(cost.multiplications),
        ]
    }
}

/// The settings of one fact, read on demand with defaults; a missing required one is reported
/// at the fact's kind.
struct FactSettings {
    let fields: [String: SceneNode]
    /// The kind's node (e.g. the mapping after `convolution:`).
    let owner: SceneNode

    func node(_ name: String) -> SceneNode? { fields[name] }

    private func missing(_ name: String, reader: inout SceneReader) {
        reader.report(owner, "\(owner.path): missing required field '\(name)'")
    }

    /// A whole number ≥ 0; required unless a default is given.
    mutating func whole(_ name: String, default fallback: Int? = nil, reader: inout SceneReader) -> Int? {
        guard let node = fields[name] else {
            if fallback == nil { missing(name, reader: &reader) }
            return fallback
        }
        return reader.wholeNumber(node, in: 0...CoreLimits.largestValue)
    }

    /// A list of whole numbers (required).
    mutating func wholes(_ name: String, what: String, reader: inout SceneReader) -> [Int]? {
        guard let node = fields[name] else {
            missing(name, reader: &reader)
            return nil
        }
        return reader.wholeNumbers(node, what: what)
    }

    /// One number per axis: `3` means 3 on every axis, `[3, 2]` gives each. With a nil default
    /// an absent setting is `[]` (meaning "not given"); without a default it is required.
    mutating func axes(_ name: String, rank: Int, default fallback: Int?? = .none, reader: inout SceneReader) -> [Int]?
    {
        guard let node = fields[name] else {
            switch fallback {
            case .none:
                missing(name, reader: &reader)
                return nil
            case .some(.none): return []
            case .some(.some(let value)): return Array(repeating: value, count: rank)
            }
        }
        guard let values = reader.wholeNumberOrList(node, what: "a whole number or one per axis, e.g. 3 or [3, 3]")
        else { return nil }
        if values.count == 1 { return Array(repeating: values[0], count: rank) }
        guard values.count == rank else {
            reader.report(
                node, "\(node.path): gives \(values.count) numbers for \(rank) axes; give one, or one per axis")
            return nil
        }
        return values
    }

    /// true or false, with a default.
    mutating func flag(_ name: String, default fallback: Bool, reader: inout SceneReader) -> Bool? {
        guard let node = fields[name] else { return fallback }
        return reader.flag(node)
    }

    /// Text; required unless a default is given.
    mutating func text(_ name: String, default fallback: String? = nil, reader: inout SceneReader) -> String? {
        guard let node = fields[name] else {
            if fallback == nil { missing(name, reader: &reader) }
            return fallback
        }
        return reader.text(node)
    }
}
