/// Why an image cannot be read: the file (if known) and the problem, as one line.
public struct ImageError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path as the user gave it, or nil for bytes that did not come from a file.
    public var file: String?
    /// Where in a text header the problem is (1-based line and column), when that is known.
    public var line: Int?
    /// The column that goes with `line`.
    public var column: Int?
    /// What is wrong, with the numbers and what would work.
    public var problem: String

    /// Creates an error.
    public init(file: String? = nil, line: Int? = nil, column: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// `FILE: problem` (or `FILE:LINE:COLUMN: problem`) on one line.
    public var message: String {
        let text = String(problem.map { $0 == "\n" ? " " : $0 })
        var place = file ?? ""
        if let line, let column { place += place.isEmpty ? "\(line):\(column)" : ":\(line):\(column)" }
        return place.isEmpty ? text : "\(place): \(text)"
    }

    /// Same as `message`.
    public var description: String { message }

    /// This error attributed to a file.
    func inFile(_ path: String) -> ImageError {
        ImageError(file: file ?? path, line: line, column: column, problem: problem)
    }
}
