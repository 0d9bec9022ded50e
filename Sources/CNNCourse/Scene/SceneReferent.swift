/// Something a beat's narration or timeline names that the screen must show: a cell of the
/// view's main output (`{out[0,1]}` in a paragraph, `select: [0, 1]` in a beat). The layout
/// check fails a beat whose frame does not draw it.
public enum SceneReferent: Hashable, Sendable, CustomStringConvertible {
    /// A cell of the main output; `channel` is nil for one-channel outputs and for `select:`
    /// (which picks a cell of the channel shown).
    case outputCell(channel: Int?, row: Int, column: Int)
    /// The whole main output, rows × columns: a scene that states its `expect.output` shows all
    /// of it by its last beat.
    case wholeOutput(rows: Int, columns: Int)

    /// `out[0,1]`, `out[2,0,1]`.
    public var description: String {
        switch self {
        case .outputCell(let channel, let row, let column):
            return "out[\(channel.map { "\($0)," } ?? "")\(row),\(column)]"
        case .wholeOutput(let rows, let columns): return "the whole \(rows)×\(columns) output (expect.output)"
        }
    }

    /// The output cells a paragraph's placeholders name (`{out[r,c]}`, `{out[ch,r,c]}`), in order.
    static func referents(inParagraph text: String) -> [SceneReferent] {
        text.matches(of: /\{out\[([0-9 ]+(?:,[0-9 ]+){1,2})\]\}/).compactMap { match in
            let numbers = match.output.1.split(separator: ",").compactMap {
                Int($0.trimmingCharacters(in: .whitespaces))
            }
            switch numbers.count {
            case 2: return .outputCell(channel: nil, row: numbers[0], column: numbers[1])
            case 3: return .outputCell(channel: numbers[0], row: numbers[1], column: numbers[2])
            default: return nil
            }
        }
    }
}
