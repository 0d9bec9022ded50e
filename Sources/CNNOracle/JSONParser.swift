import Foundation

/// A strict JSON reader (RFC 8259) for the oracle format: no trailing commas, no duplicate keys,
/// no text after the document, strings in valid UTF-8, nesting at most `maxDepth` deep. It also
/// reads Python's bare `NaN`, `Infinity` and `-Infinity` (PyTorch's reference files hold them).
/// Whole numbers written without a fraction or exponent become `.integer`; every problem is one
/// line, `line L, column C: reason`, that quotes none of the document.
struct JSONParser {
    /// The deepest nesting of arrays and objects accepted.
    static let maxDepth = 200

    private let bytes: [UInt8]
    private var index = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Parses a whole document.
    static func parse(_ bytes: [UInt8]) throws(OracleFormatError) -> JSONValue {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.failure("unexpected text after the document") }
        return value
    }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// One line naming where the problem is, by line and column (columns count characters).
    private func failure(_ reason: String, at position: Int? = nil) -> OracleFormatError {
        let offset = min(position ?? index, bytes.count)
        var line = 1
        var column = 1
        for byte in bytes[..<offset] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return OracleFormatError(message: "not valid JSON: line \(line), column \(column): \(reason)")
    }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    private mutating func value(depth: Int) throws(OracleFormatError) -> JSONValue {
        guard let byte = current else { throw failure("the document ends where a value should be") }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "N"): return try literal("NaN", .number(.nan))
        case UInt8(ascii: "I"): return try literal("Infinity", .number(.infinity))
        case UInt8(ascii: "-") where bytes[index...].starts(with: Array("-Infinity".utf8)):
            return try literal("-Infinity", .number(-.infinity))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure("invalid value")
        }
    }

    private mutating func literal(_ word: String, _ result: JSONValue) throws(OracleFormatError) -> JSONValue {
        let utf8 = Array(word.utf8)
        guard bytes[index...].starts(with: utf8) else { throw failure("invalid value") }
        index += utf8.count
        return result
    }

    private mutating func object(depth: Int) throws(OracleFormatError) -> JSONValue {
        guard depth <= JSONParser.maxDepth else {
            throw failure("nested more than \(JSONParser.maxDepth) levels deep")
        }
        index += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else {
                if current == UInt8(ascii: "}") { throw failure("trailing comma before '}'") }
                throw failure(current == nil ? "the document ends inside an object" : "expected a key in double quotes")
            }
            let keyStart = index
            let key = try string()
            guard members[key] == nil else {
                throw failure("duplicate key \(OracleText.quoted(key)) in one object", at: keyStart)
            }
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after the key") }
            index += 1
            skipWhitespace()
            members[key] = try value(depth: depth)
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            case nil: throw failure("the document ends inside an object")
            default: throw failure("expected ',' or '}' after a value in an object")
            }
        }
    }

    private mutating func array(depth: Int) throws(OracleFormatError) -> JSONValue {
        guard depth <= JSONParser.maxDepth else {
            throw failure("nested more than \(JSONParser.maxDepth) levels deep")
        }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            if current == UInt8(ascii: "]") { throw failure("trailing comma before ']'") }
            elements.append(try value(depth: depth))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            case nil: throw failure("the document ends inside a list")
            default: throw failure("expected ',' or ']' after a value in a list")
            }
        }
    }

    private mutating func string() throws(OracleFormatError) -> String {
        let start = index
        index += 1
        var out: [UInt8] = []
        while true {
            guard let byte = current else { throw failure("the document ends inside a string", at: start) }
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(bytes: out, encoding: .utf8) else {
                    throw failure("a string is not valid UTF-8", at: start)
                }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                try escape(into: &out)
            case 0..<0x20:
                throw failure(
                    "a control character (U+\(String(format: "%04X", byte))) inside a string; write it as \\u escape")
            default:
                out.append(byte)
                index += 1
            }
        }
    }

    private mutating func escape(into out: inout [UInt8]) throws(OracleFormatError) {
        guard let byte = current else { throw failure("the document ends inside a string") }
        index += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let plain = simple[byte] {
            out.append(plain)
            return
        }
        guard byte == UInt8(ascii: "u") else { throw failure("unknown escape in a string", at: index - 2) }
        var scalar = try hex4()
        if (0xD800..<0xDC00).contains(scalar) {
            // A high surrogate must be followed by a low one.
            guard bytes[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                throw failure("an unpaired surrogate escape in a string")
            }
            index += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low) else { throw failure("an unpaired surrogate escape in a string") }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00..<0xE000).contains(scalar) {
            throw failure("an unpaired surrogate escape in a string")
        }
        guard let unicode = Unicode.Scalar(scalar) else { throw failure("an invalid \\u escape in a string") }
        out += Array(String(Character(unicode)).utf8)
    }

    private mutating func hex4() throws(OracleFormatError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("a \\u escape needs four hex digits") }
        var value: UInt32 = 0
        for byte in bytes[index..<index + 4] {
            guard let digit = Int(String(UnicodeScalar(byte)), radix: 16) else {
                throw failure("a \\u escape needs four hex digits")
            }
            value = value * 16 + UInt32(digit)
        }
        index += 4
        return value
    }

    private mutating func number() throws(OracleFormatError) -> JSONValue {
        let start = index
        func digits() -> Int {
            let first = index
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index - first
        }
        if current == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        guard digits() > 0 else { throw failure("invalid value", at: start) }
        if bytes[integerStart] == UInt8(ascii: "0") && index - integerStart > 1 {
            throw failure("a number may not start with 0 (write 7, not 07)", at: start)
        }
        var whole = true
        if current == UInt8(ascii: ".") {
            index += 1
            whole = false
            guard digits() > 0 else { throw failure("a number needs digits after its decimal point") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            whole = false
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { throw failure("a number needs digits in its exponent") }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if whole, let integer = Int(text) { return .integer(integer) }
        guard let value = Double(text), value.isFinite else {
            throw failure("a number beyond the range of 64-bit floating point (±1.8e308)", at: start)
        }
        return .number(value)
    }
}

/// User text inside messages, cut short: no message carries more than a few dozen characters
/// of the user's data.
public enum OracleText {
    /// The most characters of user text a message quotes.
    public static let limit = 60

    /// `text` itself, or its first `limit` characters, `…` and its length.
    public static func excerpt(_ text: String) -> String {
        guard text.count > limit else { return text }
        return "\(text.prefix(limit))… (\(text.count) characters)"
    }

    /// `'text'`, or `'the first…' (a 27000000-character string)` when it is longer than `limit`.
    public static func quoted(_ text: String) -> String {
        guard text.count > limit else { return "'\(text)'" }
        return "'\(text.prefix(limit))…' (a \(text.count)-character string)"
    }
}
