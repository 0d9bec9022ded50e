import CNNCore
import CNNOracle
import Foundation
import Testing

/// The compute JSON is read strictly, and every refusal is one short line.
@Suite("Strict JSON and the oracle format")
struct OracleStrictJSONTests {
    static func parse(_ text: String) throws -> JSONValue { try JSONValue.parse(Data(text.utf8)) }

    static func refusal(_ text: String) -> String? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(
        "malformed JSON is refused with its line and column",
        arguments: [
            ("[1, 2,]", "line 1, column 7: trailing comma before ']'"),
            ("{\"a\": 1,\n}", "line 2, column 1: trailing comma before '}'"),
            ("{\"a\": 1, \"a\": 2}", "line 1, column 10: duplicate key 'a' in one object"),
            ("[1] [2]", "line 1, column 5: unexpected text after the document"),
            ("[01]", "line 1, column 2: a number may not start with 0"),
            ("[1e999]", "line 1, column 2: a number beyond the range"),
            ("{\"op\": conv2d}", "line 1, column 8: invalid value"),
            ("[\"a\tb\"]", "line 1, column 4: a control character"),
            ("[1, 2", "line 1, column 6: the document ends inside a list"),
            ("", "line 1, column 1: the document ends where a value should be"),
        ])
    func malformed(text: String, expected: String) throws {
        let message = try #require(Self.refusal(text), "accepted \(text)")
        #expect(message.contains(expected), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test("nesting deeper than the limit is refused, not a stack overflow")
    func deepNesting() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let message = try #require(Self.refusal(deep))
        #expect(message.contains("nested more than 200 levels deep"))
        #expect(throws: Never.self) {
            try Self.parse(String(repeating: "[", count: 150) + String(repeating: "]", count: 150))
        }
    }

    @Test("whole numbers are integers, others numbers; Python's NaN and infinities parse")
    func numbers() throws {
        let value = try Self.parse("[3, -4, 2.5, 1e2, NaN, -Infinity, 12345678901234567890]")
        let list = try #require(value.array)
        #expect(list[0] == .integer(3) && list[1] == .integer(-4) && list[2] == .number(2.5))
        #expect(list[3] == .number(100) && list[4].number?.isNaN == true && list[5] == .number(-.infinity))
        #expect(list[6] == .number(Double("12345678901234567890") ?? 0))
        #expect(list[6].integer == nil)
        #expect(try Self.parse(#"["\u00e9\ud83d\ude00"]"#).array?.first?.string == "é😀")
    }

    static let conv = """
        "op": "conv2d", "name": "c", "input": {"shape": [1, 1, 3, 3], "data": [1, 2, 3, 4, 5, 6, 7, 8, 9]},
        "weight": {"shape": [1, 1, 2, 2], "data": [1, 0, 0, 1]}
        """

    static func run(_ text: String) throws -> JSONValue { try OracleRunner.run(try parse(text)) }

    static func formatRefusal(_ text: String) -> String? {
        do {
            _ = try run(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("a non-integer or negative shape entry is refused, naming the entry")
    func shapeEntries() throws {
        for (shape, kind) in [
            ("[1, 1, 3.5, 3]", "the number 3.5"), ("[1, -1, 3, 3]", "the number -1"),
            ("[1, \"1\", 3, 3]", "the string '1'"),
        ] {
            let text = "{" + Self.conv.replacingOccurrences(of: "[1, 1, 3, 3]", with: shape) + "}"
            let message = try #require(Self.formatRefusal(text), "accepted shape \(shape)")
            #expect(message.contains("shape entry"), "\(message)")
            #expect(message.contains(kind), "\(message)")
        }
    }

    @Test("params must be an object")
    func paramsObject() throws {
        for params in ["[1, 1]", "3", "\"stride\"", "null"] {
            let message = try #require(Self.formatRefusal("{\"params\": \(params), " + Self.conv + "}"))
            #expect(message.contains("'params' should be an object"), "\(message)")
        }
        let fine = try Self.run("{\"params\": {\"stride\": [1, 1]}, " + Self.conv + "}")
        #expect(fine["output"] != nil)
    }

    @Test("a wrong-rank input is blamed on the input, not on stride")
    func wrongRank() throws {
        let text =
            "{\"params\": {\"stride\": [1, 1]}, "
            + Self.conv.replacingOccurrences(of: "[1, 1, 3, 3]", with: "[1, 3, 3]") + "}"
        let result = try Self.run(text)
        let error = try #require(result["error"]?.string)
        #expect(error.hasPrefix("input: conv2d needs an input of 4 dimensions"), "\(error)")
        #expect(!error.contains("stride"))
    }

    @Test("messages quote at most a few dozen characters of the user's data")
    func shortMessages() throws {
        let name = String(repeating: "n", count: 1_000_000)
        let message = try #require(Self.formatRefusal("{\"name\": \"\(name)\", \"op\": \"conv2d\"}"))
        #expect(message.count < 300, "\(message.count) characters")
        #expect(message.contains("(a 1000000-character string)"))
        let op = String(repeating: "o", count: 100_000)
        let unknown = try #require(Self.formatRefusal("{\"op\": \"\(op)\"}"))
        #expect(unknown.count < 400, "\(unknown.count) characters")
        let shape = "[" + Array(repeating: "1", count: 10_000).joined(separator: ", ") + "]"
        let text = "{" + Self.conv.replacingOccurrences(of: "[1, 1, 3, 3]", with: shape) + "}"
        let refusal = try #require(Self.formatRefusal(text) ?? (try Self.run(text))["error"]?.string)
        #expect(refusal.count < 300, "\(refusal)")
    }

    @Test("a shape whose product overflows is refused before its data is read")
    func hugeShape() throws {
        let text =
            "{" + Self.conv.replacingOccurrences(of: "[1, 1, 3, 3]", with: "[4611686018427387904, 4, 1, 1]") + "}"
        let message = try #require(Self.formatRefusal(text) ?? (try Self.run(text))["error"]?.string)
        #expect(message.contains("134217728"), "\(message)")
    }
}
