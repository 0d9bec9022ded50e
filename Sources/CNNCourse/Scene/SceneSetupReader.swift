import CNNCore
import CNNSandbox

/// Reads a scene's `setup:` mapping into an `ExploreConfiguration`: the same names, value syntax,
/// ranges and defaults as the `cnnviz explore` flags, plus explicit `values` and `weights`.
struct SceneSetupReader {
    /// The fields `setup:` takes, in the order the README lists them.
    static let fields = [
        "input", "values", "kernel", "weights", "fill", "preset", "seed", "bias", "stride", "padding", "dilation",
        "pool", "ceil-mode", "exclude-pad", "layers", "in-channels", "out-channels", "groups", "output-padding",
        "causal",
    ]

    /// Reads the setup of a scene shown in `view`; problems go to `reader`.
    static func read(_ node: SceneNode?, view: ViewKind, reader: inout SceneReader) -> ExploreConfiguration {
        var configuration = ExploreConfiguration()
        guard let node else { return configuration }
        guard let fields = reader.fields(node, known: SceneSetupReader.fields, owner: "setup") else {
            return configuration
        }
        var given: Set<String> = []
        var conv = configuration.conv

        if let value = fields["input"]?.value, let size = size(value, range: 1...4096, reader: &reader) {
            (conv.inputRows, conv.inputColumns) = (size[0], size[1])
            given.insert("input")
        }
        if let value = fields["kernel"]?.value, let size = size(value, range: 1...15, reader: &reader) {
            (conv.kernelRows, conv.kernelColumns) = (size[0], size[1])
            given.insert("kernel")
        }
        if let value = fields["stride"]?.value,
            let pair = pair(
                value, range: 1...99, meaning: "the stride is how far the kernel moves, at least 1", reader: &reader)
        {
            conv.stride = pair
            given.insert("stride")
        }
        if let value = fields["dilation"]?.value,
            let pair = pair(value, range: 1...99, meaning: "dilation 1 means no gaps between taps", reader: &reader)
        {
            conv.dilation = pair
            given.insert("dilation")
        }
        if let value = fields["padding"]?.value, let padding = padding(value, reader: &reader) {
            conv.padding = padding
            given.insert("padding")
        }
        if let value = fields["preset"]?.value, let name = reader.text(value) {
            if let preset = KernelPreset(rawValue: name.lowercased()) {
                conv.preset = preset
                given.insert("preset")
            } else {
                reader.report(
                    value,
                    "\(value.path): unknown preset '\(name)'; choose one of \(KernelPreset.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
        }
        if let value = fields["fill"]?.value, let name = reader.text(value) {
            if let pattern = InputPattern(rawValue: name.lowercased()) {
                conv.pattern = pattern
                given.insert("fill")
            } else {
                reader.report(
                    value,
                    "\(value.path): unknown fill '\(name)'; choose one of \(InputPattern.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
        }
        if let value = fields["seed"]?.value, let seed = reader.wholeNumber(value, in: 0...Int.max) {
            conv.seed = UInt64(seed)
        }
        if let value = fields["bias"]?.value, let bias = reader.number(value) {
            conv.bias = bias
        }
        if let value = fields["pool"]?.value, let name = reader.text(value) {
            switch name.lowercased() {
            case "max": configuration.poolKind = .max
            case "avg", "average", "mean":
                configuration.poolKind = .average
                given.insert("pool")
            default: reader.report(value, "\(value.path): unknown pooling '\(name)'; choose max or avg")
            }
        }
        if let value = fields["ceil-mode"]?.value, let flag = reader.flag(value) {
            configuration.ceilMode = flag
        }
        if let value = fields["exclude-pad"]?.value, let flag = reader.flag(value) {
            configuration.countIncludePad = !flag
        }
        if let value = fields["layers"]?.value,
            let text = reader.text(value, what: "layers like \"conv3,conv3,pool2s2\"")
        {
            configuration.layers = text
            given.insert("layers")
        }
        for name in ["in-channels", "out-channels", "groups"] {
            guard let value = fields[name]?.value, let count = reader.wholeNumber(value, in: 1...16) else { continue }
            given.insert(name)
            switch name {
            case "in-channels": configuration.inputChannels = count
            case "out-channels": configuration.outputChannels = count
            default: configuration.groups = count
            }
        }
        if let value = fields["output-padding"]?.value,
            let pair = pair(
                value, range: 0...98,
                meaning: "it adds rows/columns at the bottom/right and must be smaller than the stride or the dilation",
                reader: &reader)
        {
            configuration.outputPadding = pair
            given.insert("output-padding")
        }
        if let value = fields["causal"]?.value, let flag = reader.flag(value) {
            configuration.causal = flag
            if flag { given.insert("causal") }
        }
        configuration.conv = conv
        configuration.given = given
        if let value = fields["values"]?.value {
            SceneValues.readInput(value, view: view, into: &configuration, reader: &reader)
        }
        if let value = fields["weights"]?.value {
            SceneValues.readWeights(value, view: view, into: &configuration, reader: &reader)
        }
        return configuration
    }

    // MARK: Value syntax (as the explore flags)

    /// `7x7`, `7×7`, `7` or `[7, 7]` → [rows, columns].
    static func size(_ node: SceneNode, range: ClosedRange<Int>, reader: inout SceneReader) -> [Int]? {
        let result: Result<[Int], ValueSyntax.Problem>
        if let items = node.items {
            let numbers = items.compactMap { $0.node.scalar.flatMap(Int.construct) }
            result = numbers.count == items.count ? ValueSyntax.pair(numbers, range: range) : .failure(.malformed)
        } else if let text = node.scalarText {
            result = ValueSyntax.size(text, range: range)
        } else {
            result = .failure(.malformed)
        }
        switch result {
        case .success(let values): return values
        case .failure(.malformed): reader.expected("a size like 7x7 or 7", node)
        case .failure(.outOfRange(let bad)):
            reader.report(
                node,
                "\(node.path): \(bad) is outside \(range.lowerBound)…\(range.upperBound); choose a size in that range")
        }
        return nil
    }

    /// `2`, `"3,2"` or `[3, 2]` → [rows, columns], each in `range`.
    static func pair(_ node: SceneNode, range: ClosedRange<Int>, meaning: String, reader: inout SceneReader) -> [Int]? {
        let result: Result<[Int], ValueSyntax.Problem>
        if let items = node.items {
            let numbers = items.compactMap { $0.node.scalar.flatMap(Int.construct) }
            result = numbers.count == items.count ? ValueSyntax.pair(numbers, range: range) : .failure(.malformed)
        } else if let text = node.scalarText {
            result = ValueSyntax.pair(text, range: range)
        } else {
            result = .failure(.malformed)
        }
        switch result {
        case .success(let values): return values
        case .failure(.malformed): reader.expected("a whole number or two (e.g. 2 or \"3,2\")", node)
        case .failure(.outOfRange(let bad)):
            reader.report(node, "\(node.path): \(bad) is outside \(range.lowerBound)…\(range.upperBound); \(meaning)")
        }
        return nil
    }

    /// `1`, `"1,2"`, `"0:1,1:0"` (before:after per axis), `valid`, `same`, `full`.
    static func padding(_ node: SceneNode, reader: inout SceneReader) -> PaddingSpec? {
        let expectation =
            "a padding: a number, \"rows,columns\", before:after pairs like \"0:1,1:0\", or valid, same, full"
        guard let text = node.scalarText else {
            reader.expected(expectation, node)
            return nil
        }
        switch ValueSyntax.padding(text) {
        case .success(let padding): return padding
        case .failure(.malformed): reader.expected(expectation, node)
        case .failure(.outOfRange(let bad)):
            reader.report(node, "\(node.path): \(bad) is outside 0…99; padding counts zeros added on a side")
        }
        return nil
    }
}
