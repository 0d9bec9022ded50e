import CNNCore

extension OracleRunner {
    /// max_pool2d, avg_pool2d, global_avg_pool2d, global_max_pool2d.
    static let poolingHandlers: [String: Handler] = [:]
}
