import CNNSandbox

/// One mistake in a scene file, at the YAML node that holds it: printed as
/// `file:line:column: message`, like a compiler error.
public struct SceneProblem: Hashable, Sendable, CustomStringConvertible, Error {
    /// The file as it was named to the loader (e.g. `Scenes/03-stride.yaml`).
    public let file: String
    /// 1-based line of the node.
    public let line: Int
    /// 1-based column of the node (counted in Unicode scalars, as Yams counts them).
    public let column: Int
    /// What is wrong and what would work.
    public let message: String

    /// Creates a problem.
    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`.
    public var description: String { "\(file):\(line):\(column): \(message)" }
}

/// A list of problems is what a failed load returns: `Result<Scene, [SceneProblem]>`. (Only lists of
/// this module's own type conform, so no other module's conformance can clash.)
// swift-format-ignore: AvoidRetroactiveConformances
extension Array: @retroactive Error where Element == SceneProblem {}
