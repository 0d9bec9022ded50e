import CNNCore
import Foundation

/// Computes oracle-format cases with the core: the engine behind `cnnviz compute` and the
/// oracle tests.
public enum OracleRunner {
    /// Computes one case's results from its inputs: the result fields of the format
    /// (`output`, `indices`, `grad_input`, …).
    public typealias Handler = @Sendable (_ case: OracleCase) throws -> [String: JSONValue]

    /// Every supported op, by its name in the format.
    static let handlers: [String: Handler] =
        convolutionHandlers
        .merging(poolingHandlers) { first, _ in first }
        .merging(transposedHandlers) { first, _ in first }
        .merging(receptiveFieldHandlers) { first, _ in first }

    /// The op names `compute` understands.
    public static var supportedOps: [String] { handlers.keys.sorted() }

    /// Reads a document holding one case or `{"cases": [...]}`.
    public static func cases(in document: JSONValue) throws -> [JSONValue] {
        if let list = document["cases"] {
            guard let cases = list.array else {
                throw OracleFormatError(message: "'cases' should be a list of cases")
            }
            return cases
        }
        guard document["op"] != nil else {
            throw OracleFormatError(message: "expected a case with an 'op' field or {\"cases\": [...]}")
        }
        return [document]
    }

    /// Computes one case. Refusals of the core become `{"name", "error"}`; a case that is
    /// not in the format (missing field, unknown op) throws `OracleFormatError`.
    public static func run(_ raw: JSONValue) throws -> JSONValue {
        let item = try OracleCase(raw)
        guard let handler = handlers[item.op] else {
            throw OracleFormatError(
                message:
                    "case '\(item.name)': unknown op '\(item.op)'; supported: \(supportedOps.joined(separator: ", "))")
        }
        var result: [String: JSONValue] = ["name": .string(item.name), "op": .string(item.op)]
        do {
            for (key, value) in try handler(item) { result[key] = value }
        } catch let error as CNNError {
            result["error"] = .string(error.message)
        }
        return .object(result)
    }

    /// Computes every case of a document and returns `{"cases": [...]}`.
    public static func runDocument(_ document: JSONValue) throws -> JSONValue {
        .object(["cases": .array(try cases(in: document).map(run))])
    }
}

/// One case of the format, with typed access to its fields.
public struct OracleCase: Sendable {
    /// The case's name (or `case` when it has none).
    public let name: String
    /// The op, e.g. `conv2d`.
    public let op: String
    /// The `params` object.
    public let params: JSONValue
    /// The whole case.
    public let raw: JSONValue

    /// Reads the fields every case has.
    public init(_ raw: JSONValue) throws {
        guard case .object = raw else { throw OracleFormatError(message: "a case should be a JSON object") }
        guard let op = raw["op"]?.string else {
            throw OracleFormatError(message: "case \(raw["name"]?.string.map { "'\($0)' " } ?? "")has no 'op' string")
        }
        self.name = raw["name"]?.string ?? "case"
        self.op = op
        self.params = raw["params"] ?? .object([:])
        self.raw = raw
    }

    /// A required tensor field.
    public func tensor(_ field: String) throws -> Tensor {
        guard let value = raw[field] else {
            throw OracleFormatError(message: "case '\(name)' (\(op)) needs a '\(field)' tensor")
        }
        return try value.tensor(field: field)
    }

    /// An optional tensor field.
    public func optionalTensor(_ field: String) throws -> Tensor? {
        guard let value = raw[field], value != .null else { return nil }
        return try value.tensor(field: field)
    }

    /// An integer list parameter (a single number is repeated `count` times), or `fallback`.
    public func ints(_ key: String, count: Int, default fallback: [Int]? = nil) throws -> [Int] {
        guard let value = params[key], value != .null else {
            if let fallback { return fallback }
            throw OracleFormatError(message: "case '\(name)' (\(op)) needs params.\(key)")
        }
        if let single = value.integer { return Array(repeating: single, count: count) }
        guard let list = value.array, list.allSatisfy({ $0.integer != nil }) else {
            throw OracleFormatError(message: "case '\(name)': params.\(key) should be a whole number or a list of them")
        }
        return list.map { $0.integer! }
    }

    /// An integer parameter, or `fallback`.
    public func int(_ key: String, default fallback: Int? = nil) throws -> Int {
        guard let value = params[key], value != .null else {
            if let fallback { return fallback }
            throw OracleFormatError(message: "case '\(name)' (\(op)) needs params.\(key)")
        }
        guard let number = value.integer else {
            throw OracleFormatError(message: "case '\(name)': params.\(key) should be a whole number")
        }
        return number
    }

    /// A boolean parameter, or `fallback`.
    public func bool(_ key: String, default fallback: Bool) throws -> Bool {
        guard let value = params[key], value != .null else { return fallback }
        guard let flag = value.bool else {
            throw OracleFormatError(message: "case '\(name)': params.\(key) should be true or false")
        }
        return flag
    }

    /// The `padding` parameter of a convolution: numbers, `"valid"`, `"same"` or `"full"`.
    public func paddingSpec(count: Int) throws -> PaddingSpec {
        if let word = params["padding"]?.string {
            switch word {
            case "valid": return .valid
            case "same": return .same
            case "full": return .full
            default:
                throw OracleFormatError(
                    message: "case '\(name)': params.padding '\(word)' should be valid, same, full or numbers")
            }
        }
        return .explicit(try ints("padding", count: count, default: Array(repeating: 0, count: count)))
    }
}
