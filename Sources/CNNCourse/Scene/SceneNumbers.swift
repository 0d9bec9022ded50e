import CNNCore
import CNNSandbox

/// How expected numbers are compared and written in messages.
enum SceneNumbers {
    /// Whether a stated number matches the core's: equal within 1e-9 (relative to the size of
    /// the numbers), or the same as the screen writes them (two decimals, so 0.33 matches 1/3).
    static func matches(_ stated: Double, _ computed: Double) -> Bool {
        abs(stated - computed) <= 1e-9 * max(1, abs(computed))
            || NumberText.format(stated) == NumberText.format(computed)
    }

    /// The most characters of numbers a message quotes.
    static let longestQuote = 200

    /// `text` cut to `longestQuote` characters, saying how much was left out, so that a message
    /// about a large output stays one readable line.
    static func shortened(_ text: String) -> String {
        guard text.count > longestQuote else { return text }
        return "\(text.prefix(longestQuote))… (\(text.count - longestQuote) more characters)"
    }

    /// `19`, `0.5`.
    static func text(_ value: Double) -> String { NumberText.format(value) }

    /// `[19, 25]`.
    static func text(_ values: [Double]) -> String { "[" + values.map(text).joined(separator: ", ") + "]" }

    /// `[[19, 25], [37, 43]]`.
    static func text(_ rows: [[Double]]) -> String { "[" + rows.map { text($0) }.joined(separator: ", ") + "]" }

    /// `[[[…]], [[…]]]`.
    static func text(_ channels: [[[Double]]]) -> String {
        "[" + channels.map { text($0) }.joined(separator: ", ") + "]"
    }

    /// `[2, 2]`.
    static func text(_ values: [Int]) -> String { "[" + values.map(String.init).joined(separator: ", ") + "]" }

    /// `[[1, 5, 5], [1, 3, 3]]`.
    static func text(_ rows: [[Int]]) -> String { "[" + rows.map { text($0) }.joined(separator: ", ") + "]" }
}
