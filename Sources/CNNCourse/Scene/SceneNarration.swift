import CNNSandbox

/// Narration markup, filled in when a scene loads (format: Scenes/README.md):
///
/// - `[[action]]` — the key bound to a named action in the scene's tutorial keys
///   (`[[cycle-preset]]` → `c`, `[[next-beat]]` → `→`); an action the scene's view does not have
///   is a problem.
/// - `{out[r,c]}`, `{out[ch,r,c]}` — a value of the view's main output (0-based);
///   `{output_shape}` — its shape (`4×4`, `2×3×3`); `{steps}` — the number of steps;
///   `{step[k]}` — the value computed at step k (1-based). All come from the core.
enum SceneNarration {
    /// The paragraph with its markup filled in; problems are reported at `node`.
    static func render(
        _ text: String, node: SceneNode, keys: KeyMap<TutorialCommand>, viewName: String,
        model: (any SandboxModel)?, reader: inout SceneReader
    ) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(where: { $0 == "[" || $0 == "{" }) {
            output += rest[..<open]
            let isAction = rest[open...].hasPrefix("[[")
            if rest[open] == "[" && !isAction {
                output.append("[")
                rest = rest[rest.index(after: open)...]
                continue
            }
            let closing = isAction ? "]]" : "}"
            let start = rest.index(open, offsetBy: isAction ? 2 : 1)
            guard let close = rest[start...].range(of: closing) else {
                reader.report(node, "\(node.path): '\(isAction ? "[[" : "{")' is never closed with '\(closing)'")
                return output + rest[open...]
            }
            let name = String(rest[start..<close.lowerBound])
            if isAction {
                output += action(name, node: node, keys: keys, viewName: viewName, reader: &reader)
            } else {
                output += placeholder(name, node: node, model: model, reader: &reader)
            }
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// The numbers a text states itself, outside markup: `19`, `0.5`, `65,536`, each `3` of
    /// `3×3`. Digits that are part of a name (`LeNet-5`, `Conv2d`, `k0`, `out[0,0]`) are not numbers.
    static func statedNumbers(_ text: String, skippingNames: Bool = true) -> [String] {
        let plain = text.replacing(/\[\[[^\]]*\]\]/, with: " ").replacing(/\{[^}]*\}/, with: " ")
        return plain.matches(of: /[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+(?:\.[0-9]+)?/).compactMap { match in
            let before =
                match.range.lowerBound > plain.startIndex ? plain[plain.index(before: match.range.lowerBound)] : " "
            let after = match.range.upperBound < plain.endIndex ? plain[match.range.upperBound] : " "
            let partOfName = before.isLetter || before == "_" || before == "-" || before == "[" || after.isLetter
            return partOfName && skippingNames ? nil : String(match.output)
        }
    }

    /// The value of a stated number (`65,536` is 65536).
    static func value(_ text: String) -> Double? { Double(text.filter { $0 != "," }) }

    /// Every number written anywhere in a YAML node (keys and scalars, `3x3` as two 3s).
    static func numbers(in node: SceneNode) -> [Double] {
        switch node.node {
        case .scalar(let scalar): return statedNumbers(scalar.string, skippingNames: false).compactMap(value)
        case .sequence: return (node.items ?? []).flatMap(numbers(in:))
        case .mapping:
            return (node.entries ?? []).flatMap {
                statedNumbers($0.name, skippingNames: false).compactMap(value) + numbers(in: $0.value)
            }
        case .alias: return []
        }
    }

    /// The numbers the core produces for a scene's view as `setup` builds it: its input and
    /// kernel values, its main output's values and shape, its step count and step values (each
    /// list only when it has at most `largest` numbers).
    static func coreNumbers(_ model: (any SandboxModel)?, configuration: ExploreConfiguration) -> [Double] {
        let largest = 10_000
        var numbers: [Double] = []
        let conv = configuration.conv
        if conv.inputRows * conv.inputColumns <= largest { numbers += conv.input.data }
        if conv.kernelRows * conv.kernelColumns <= largest { numbers += conv.kernel.data }
        guard let model else { return numbers }
        numbers.append(Double(model.player.stepCount))
        if let output = model.mainOutput {
            numbers += output.shape.map(Double.init)
            if model.outputHasValues && output.shape.reduce(1, *) <= largest {
                numbers += output.channels.flatMap { $0.flatMap { $0 } }
            }
        }
        if model.stepValueRefusal == nil && model.player.stepCount <= largest {
            numbers += (0..<model.player.stepCount).compactMap { model.stepValue($0) }
        }
        return numbers
    }

    /// `--strict`: reports each number `paragraph` states that is not among `known` (the scene's
    /// setup and checked expectations).
    static func checkNumbers(_ paragraph: String, node: SceneNode, known: [Double], reader: inout SceneReader) {
        let unknown = statedNumbers(paragraph).filter { text in
            guard let value = value(text) else { return true }
            return !known.contains { SceneNumbers.matches(value, $0) }
        }
        var seen: [String] = []
        for number in unknown where !seen.contains(number) {
            seen.append(number)
        }
        guard !seen.isEmpty else { return }
        reader.report(
            node,
            "\(node.path): \(seen.joined(separator: ", ")) \(seen.count == 1 ? "is" : "are") not among the numbers of setup: or expect:; state \(seen.count == 1 ? "it" : "them") under expect: (checked against the core) or write a placeholder such as {out[0,0]}, {output_shape}, {steps}, {step[1]}"
        )
    }

    private static func action(
        _ name: String, node: SceneNode, keys: KeyMap<TutorialCommand>, viewName: String, reader: inout SceneReader
    ) -> String {
        if let key = keys.key(forAction: name) { return key.label }
        reader.report(
            node,
            "\(node.path): the \(viewName) view's tutorial has no action '\(name)'; it has \(keys.actionNames.joined(separator: ", "))"
        )
        return name
    }

    private static func placeholder(
        _ name: String, node: SceneNode, model: (any SandboxModel)?, reader: inout SceneReader
    ) -> String {
        let known = "{out[r,c]}, {out[ch,r,c]}, {output_shape}, {steps}, {step[k]}"
        guard let model else { return "{\(name)}" }
        func indices(_ prefix: String) -> [Int]? {
            guard name.hasPrefix(prefix + "["), name.hasSuffix("]") else { return nil }
            let inner = name.dropFirst(prefix.count + 1).dropLast()
            let parts = inner.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            return parts.contains(nil) ? nil : parts.compactMap { $0 }
        }
        if name == "steps" { return String(model.player.stepCount) }
        if name == "output_shape", let output = model.mainOutput {
            return output.shape.map(String.init).joined(separator: "×")
        }
        if let index = indices("step"), index.count == 1 {
            if let refusal = model.stepValueRefusal {
                reader.report(node, "\(node.path): {\(name)}: \(refusal)")
                return "{\(name)}"
            }
            guard (1...model.player.stepCount).contains(index[0]), let value = model.stepValue(index[0] - 1) else {
                reader.report(node, "\(node.path): {\(name)}: step \(index[0]) is outside 1…\(model.player.stepCount)")
                return "{\(name)}"
            }
            return SceneNumbers.text(value)
        }
        if let index = indices("out"), (2...3).contains(index.count), let output = model.mainOutput {
            let channel = index.count == 3 ? index[0] : 0
            let (row, column) = (index[index.count - 2], index[index.count - 1])
            guard model.outputHasValues, output.channels.indices.contains(channel),
                output.channels[channel].indices.contains(row), output.channels[channel][row].indices.contains(column)
            else {
                reader.report(
                    node,
                    "\(node.path): {\(name)}: the main output has shape \(SceneNumbers.text(output.shape))\(model.outputHasValues ? "" : " and no values"); indices count from 0"
                )
                return "{\(name)}"
            }
            return SceneNumbers.text(output.channels[channel][row][column])
        }
        reader.report(node, "\(node.path): unknown placeholder {\(name)}; placeholders are \(known)")
        return "{\(name)}"
    }
}
