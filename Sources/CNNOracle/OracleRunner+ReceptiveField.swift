import CNNCore

extension OracleRunner {
    /// receptive_field.
    static let receptiveFieldHandlers: [String: Handler] = [:]
}
