/// Every refusal of the core. Each message names the parameter, the numbers, and what would work.
public enum CNNError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A tensor's shape does not fit the operation (wrong rank, wrong element count…).
    case invalidShape(String)
    /// A hyperparameter is out of its range on its own (stride 0, negative padding…).
    case invalidParameter(name: String, message: String)
    /// The (dilated) kernel or window does not fit in the padded input.
    case kernelTooLarge(String)
    /// The computed output would have no elements.
    case outputTooSmall(String)
    /// Channel counts and groups do not agree.
    case channelMismatch(String)
    /// A receptive-field or stack query names a layer or cell that does not exist.
    case invalidQuery(String)
    /// The work was stopped part-way by its `CancellationFlag` (the user pressed Esc or q).
    case cancelled

    /// The human-readable message, ready to show on screen.
    public var message: String {
        switch self {
        case .invalidShape(let text), .kernelTooLarge(let text), .outputTooSmall(let text),
            .channelMismatch(let text), .invalidQuery(let text):
            return text
        case .invalidParameter(let name, let text):
            return "\(name): \(text)"
        case .cancelled:
            return "cancelled before the work was done"
        }
    }

    /// Same as `message`.
    public var description: String { message }
}
