import Foundation

/// A JSON document as a Swift value, used to read and write oracle-format cases without
/// fixing every field in a Codable type.
public enum JSONValue: Hashable, Sendable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    /// A whole number written without a fraction (shapes, sizes, positions).
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Parses JSON text strictly (see `JSONParser`); a problem is one line with its line and column.
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONParser.parse([UInt8](data))
    }

    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// The member of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let dict) = self { return dict[key] }
        return nil
    }

    /// The number, or nil.
    public var number: Double? {
        switch self {
        case .number(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    /// The number as a whole integer, or nil.
    public var integer: Int? {
        if case .integer(let value) = self { return value }
        guard let value = number, value == value.rounded(), abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// The string, or nil.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The boolean, or nil.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements of an array, or nil.
    public var array: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// Compact JSON text with sorted keys; numbers that are whole print with `.0` like PyTorch's dump.
    public func serialized() -> String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let value): out += JSONValue.format(value)
        case .integer(let value): out += String(value)
        case .string(let value): JSONValue.writeString(value, into: &out)
        case .array(let values):
            out += "["
            for (i, value) in values.enumerated() {
                if i > 0 { out += ", " }
                value.write(into: &out)
            }
            out += "]"
        case .object(let dict):
            out += "{"
            let keys = dict.keys.sorted { JSONValue.keyRank($0) < JSONValue.keyRank($1) }
            for (i, key) in keys.enumerated() {
                if i > 0 { out += ", " }
                JSONValue.writeString(key, into: &out)
                out += ": "
                dict[key]?.write(into: &out)
            }
            out += "}"
        }
    }

    /// `name` and `op` first, then the rest alphabetically: easier to read.
    private static func keyRank(_ key: String) -> String {
        switch key {
        case "name": return "\u{0}0"
        case "op": return "\u{0}1"
        case "shape": return "\u{0}2"
        default: return key
        }
    }

    static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "Infinity" : "-Infinity" }
        if value == value.rounded() && abs(value) < 1e15 {
            return String(format: "%.1f", value)
        }
        return "\(value)"
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

/// A file that is not valid JSON or not in the oracle format.
public struct OracleFormatError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, in one line.
    public let message: String
    /// Creates an error.
    public init(message: String) { self.message = message }
    /// Same as `message`.
    public var description: String { message }
}
