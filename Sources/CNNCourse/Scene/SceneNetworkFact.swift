import CNNCore
import Yams

/// The `network` fact: a whole network in the layer language `cnnviz summary` reads, with the
/// totals `NetworkSummary` computes for it (parameters, multiplications, output shape). A layer
/// string the core refuses is reported at the character it names.
enum SceneNetworkFact {
    /// The fact's settings.
    static let settings = ["layers", "input"]
    /// The results it can state.
    static let results = ["parameters", "multiplications", "output_shape"]

    /// The core's totals for the network; nil when a setting was missing or refused (reported).
    static func compute(_ settings: inout FactSettings, reader: inout SceneReader) -> [String: SceneFacts.Value]? {
        guard let text = settings.text("layers", reader: &reader),
            let dimensions = settings.wholes("input", what: "a shape [C, H, W] or [H, W]", reader: &reader)
        else { return nil }
        guard let input = shape(dimensions, node: settings.node("input") ?? settings.owner, reader: &reader) else {
            return nil
        }
        do throws(NetworkSpecError) {
            let summary = try NetworkSummary.make(input: input, layers: text)
            return [
                "parameters": .number(summary.params), "multiplications": .number(summary.mults),
                "output_shape": .numbers(summary.output.dimensions),
            ]
        } catch {
            let node = settings.node("layers") ?? settings.owner
            let place = position(of: error, in: text, node: node)
            reader.report(line: place.line, column: place.column, "\(node.path): \(error.problem)")
            return nil
        }
    }

    /// `[C, H, W]`, or `[H, W]` for one channel; every size 1…`NetworkSummary.largestDimension`.
    private static func shape(_ dimensions: [Int], node: SceneNode, reader: inout SceneReader) -> NetworkShape? {
        let largest = NetworkSummary.largestDimension
        let sized = dimensions.allSatisfy { (1...largest).contains($0) }
        guard dimensions.count == 2 || dimensions.count == 3, sized else {
            reader.report(
                node,
                "\(node.path): \(SceneNumbers.text(dimensions)) is not an input shape; give [C, H, W] or [H, W] with every size from 1 to \(largest), e.g. [1, 32, 32]"
            )
            return nil
        }
        let channels = dimensions.count == 3 ? dimensions[0] : 1
        return .spatial(channels: channels, rows: dimensions[dimensions.count - 2], columns: dimensions.last ?? 1)
    }

    /// Where in the file the error's column of the layer string is: exact for a string on one
    /// line (plain or quoted), else the string's own position.
    static func position(of error: NetworkSpecError, in text: String, node: SceneNode) -> (line: Int, column: Int) {
        guard case .scalar(let scalar) = node.node, !text.contains(where: \.isNewline) else {
            return (node.line, node.column)
        }
        let quote: Int
        switch scalar.style {
        case .plain: quote = 0
        case .singleQuoted, .doubleQuoted: quote = 1
        default: return (node.line, node.column)
        }
        // Escapes in quoted strings would shift columns; count them only when there are none.
        if quote == 1 && (text.contains("\\") || text.contains("'")) { return (node.line, node.column) }
        return (node.line, node.column + quote + error.column - 1)
    }
}
