/// A refusal of a layer string or of the shapes it produces: where (the 1-based column in the
/// string) and what is wrong, naming the token, the numbers and what would work.
public struct NetworkSpecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// 1-based character column in the layer string (counting every character, newlines too).
    public var column: Int
    /// The problem and what would work.
    public var problem: String

    /// Creates a refusal.
    public init(column: Int, _ problem: String) {
        self.column = column
        self.problem = problem
    }

    /// `column N: problem`.
    public var description: String { "column \(column): \(problem)" }

    /// The line and column (both 1-based) of this error's column in `text`, for strings read from files.
    public func lineAndColumn(in text: String) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for (offset, character) in text.enumerated() {
            guard offset < column - 1 else { break }
            if character.isNewline {
                line += 1
                lineStart = offset + 1
            }
        }
        return (line, column - lineStart)
    }
}
