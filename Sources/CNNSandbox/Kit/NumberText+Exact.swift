extension NumberText {
    /// A number as the user wrote it, for messages that quote a refused value: the shortest text
    /// that reads back as the same `Double` (`32.001`, `1e-300`), whole numbers without `.0`.
    public static func exact(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
