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

    /// The most values one result field may hold (2^24 = 16,777,216, about 300 MB of JSON text),
    /// checked before computing it.
    public static let maxOutputValues = 1 << 24

    /// Refuses a result field of more than `maxOutputValues` values, naming the count.
    static func checkOutputSize(_ shape: [Int], field: String) throws(CNNError) {
        let count = CheckedInt.product(shape)
        guard let count, count <= maxOutputValues else {
            throw .invalidShape(
                "the \(field) would be \(Tensor.describe(shape)) = \(count.map(String.init) ?? "more than 2^63") values, more than the \(maxOutputValues) (2^24) compute writes; use smaller sizes"
            )
        }
    }

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
                    "case \(OracleText.quoted(item.name)): unknown op \(OracleText.quoted(item.op)); supported: \(supportedOps.joined(separator: ", "))"
            )
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

    /// Reads the fields every case has: an object with an `op` string, an optional `name`
    /// string and an optional `params` object.
    public init(_ raw: JSONValue) throws {
        guard case .object = raw else { throw OracleFormatError(message: "a case should be a JSON object") }
        let label = raw["name"]?.string.map { "\(OracleText.quoted($0)) " } ?? ""
        guard let op = raw["op"]?.string else {
            throw OracleFormatError(message: "case \(label)has no 'op' string")
        }
        if let name = raw["name"], name.string == nil {
            throw OracleFormatError(message: "case \(label)(\(OracleText.excerpt(op))): 'name' should be a string")
        }
        self.name = raw["name"]?.string ?? "case"
        self.op = op
        let params = raw["params"] ?? .object([:])
        guard case .object = params else {
            throw OracleFormatError(
                message:
                    "case \(OracleText.quoted(self.name)) (\(OracleText.excerpt(op))): 'params' should be an object such as {\"stride\": [1, 1]}, got \(params.kind)"
            )
        }
        self.params = params
        self.raw = raw
    }

    /// `'name' (op)` for messages, both cut short.
    var label: String { "\(OracleText.quoted(name)) (\(OracleText.excerpt(op)))" }

    /// A required tensor field.
    public func tensor(_ field: String) throws -> Tensor {
        guard let value = raw[field] else {
            throw OracleFormatError(message: "case \(label) needs a '\(field)' tensor")
        }
        return try value.tensor(field: field)
    }

    /// The shape of a required tensor field, read and checked without reading its data, so a
    /// layer can be validated before any data is converted.
    public func tensorShape(_ field: String) throws -> [Int] {
        guard let value = raw[field] else {
            throw OracleFormatError(message: "case \(label) needs a '\(field)' tensor")
        }
        return try value.tensorShape(field: field)
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
            throw OracleFormatError(message: "case \(label) needs params.\(key)")
        }
        if let single = value.integer { return Array(repeating: single, count: count) }
        guard let list = value.array else {
            throw OracleFormatError(
                message: "case \(label): params.\(key) should be a whole number or a list of them, got \(value.kind)")
        }
        var result: [Int] = []
        for (index, element) in list.enumerated() {
            guard let number = element.integer else {
                throw OracleFormatError(
                    message:
                        "case \(label): params.\(key) entry \(index + 1) is \(element.kind); give whole numbers")
            }
            result.append(number)
        }
        return result
    }

    /// An integer parameter, or `fallback`.
    public func int(_ key: String, default fallback: Int? = nil) throws -> Int {
        guard let value = params[key], value != .null else {
            if let fallback { return fallback }
            throw OracleFormatError(message: "case \(label) needs params.\(key)")
        }
        guard let number = value.integer else {
            throw OracleFormatError(message: "case \(label): params.\(key) should be a whole number, got \(value.kind)")
        }
        return number
    }

    /// A boolean parameter, or `fallback`.
    public func bool(_ key: String, default fallback: Bool) throws -> Bool {
        guard let value = params[key], value != .null else { return fallback }
        guard let flag = value.bool else {
            throw OracleFormatError(message: "case \(label): params.\(key) should be true or false, got \(value.kind)")
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
                    message:
                        "case \(label): params.padding \(OracleText.quoted(word)) should be valid, same, full or numbers"
                )
            }
        }
        return .explicit(try ints("padding", count: count, default: Array(repeating: 0, count: count)))
    }
}
