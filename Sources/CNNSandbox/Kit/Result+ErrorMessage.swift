import CNNCore

extension Result where Failure == CNNError {
    /// The core's refusal message, or nil when the computation succeeded.
    public var errorMessage: String? {
        if case .failure(let error) = self { return error.message }
        return nil
    }
}
