extension JSONValue {
    /// What a value is, for messages: `a string`, `a list of 3`, `the number 2.5`… (never
    /// more than a few dozen characters of the user's data).
    public var kind: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return "the number \(value)"
        case .number(let value): return "the number \(JSONValue.format(value))"
        case .string(let value): return "the string \(OracleText.quoted(value))"
        case .array(let values): return "a list of \(values.count)"
        case .object(let members): return "an object of \(members.count) key\(members.count == 1 ? "" : "s")"
        }
    }
}
