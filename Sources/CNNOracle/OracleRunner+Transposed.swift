import CNNCore

extension OracleRunner {
    /// conv_transpose2d.
    static let transposedHandlers: [String: Handler] = [:]
}
