/// Why a terminal session could not start; the message says what to do instead.
public struct TerminalError: Error, CustomStringConvertible, Sendable {
    /// One line for the user.
    public let message: String

    /// Creates an error with its message.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
