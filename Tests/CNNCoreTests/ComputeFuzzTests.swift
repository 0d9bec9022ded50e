import CNNCore
import CNNOracle
import Foundation
import Testing

/// A deterministic, bounded fuzz run over the compute JSON: seeded mutations of small reference
/// cases (hostile numbers, deleted and duplicated keys, changed types, truncation, deep nesting,
/// trailing commas, stray bytes), run in-process through the runner. Every case must end within
/// a time bound with either a result whose refusals are one-line `"error"` entries, or one
/// one-line format error — never a crash. The seed is fixed: the same cases run every time.
@Suite("Fuzzing the compute JSON")
struct ComputeFuzzTests {
    /// The number of mutated documents (a few thousand; well under a minute in a debug build).
    static let caseCount = 4000
    /// The longest one case may take.
    static let timeBound: Duration = .seconds(10)
    /// The longest a refusal may be.
    static let messageBound = 500

    /// SplitMix64: a small seeded generator, so runs repeat exactly.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The three smallest cases of every reference file, as compact JSON text.
    static func seeds() throws -> [String] {
        var seeds: [String] = []
        for file in [
            "conv1d", "conv2d", "conv_transpose2d", "max_pool2d", "avg_pool2d", "global_pool2d", "receptive_field",
        ] {
            let texts = try OracleFixtures.cases(file).map { $0.serialized() }.sorted { $0.count < $1.count }
            seeds += texts.prefix(3)
        }
        return seeds
    }

    /// Numbers a hostile user might write.
    static let hostileNumbers: [JSONValue] = [
        .integer(-1), .integer(0), .integer(1 << 62), .integer(-(1 << 62)), .integer(1 << 31), .number(1e308),
        .number(.nan), .number(.infinity), .number(1.5), .integer(100_000), .integer(7), .number(-0.0),
    ]

    /// Applies one mutation to the text.
    static func mutate(_ text: String, using random: inout Generator) -> String {
        switch Int.random(in: 0..<13, using: &random) {
        case 9, 10, 11, 12:
            // A hostile number in a parameter or a shape: the inputs that reach the core.
            guard case .object(var members)? = try? JSONValue.parse(Data(text.utf8)) else { return text }
            let hostile = hostileNumbers.randomElement(using: &random) ?? .null
            if Bool.random(using: &random), case .object(var params)? = members["params"],
                let key = params.keys.sorted().randomElement(using: &random)
            {
                params[key] = Bool.random(using: &random) ? hostile : .array([hostile, .integer(1)])
                members["params"] = .object(params)
            } else if let field = ["input", "weight", "bias", "grad_output"].filter({ members[$0] != nil })
                .randomElement(using: &random),
                case .object(var tensor)? = members[field], case .array(var shape)? = tensor["shape"], !shape.isEmpty
            {
                shape[Int.random(in: 0..<shape.count, using: &random)] = hostile
                tensor["shape"] = .array(shape)
                members[field] = .object(tensor)
            }
            return JSONValue.object(members).serialized()
        case 0, 1, 2:
            // A number, a type or a key of the tree.
            guard let tree = try? JSONValue.parse(Data(text.utf8)) else { return text }
            let count = nodeCount(tree)
            let target = Int.random(in: 0..<count, using: &random)
            var counter = 0
            return rewrite(tree, target: target, counter: &counter, random: &random).serialized()
        case 3:
            let cut = Int.random(in: 0...text.utf8.count, using: &random)
            return String(decoding: Array(text.utf8.prefix(cut)), as: UTF8.self)
        case 4:
            return insert(",", beforeOneOf: ["]", "}"], in: text, random: &random)
        case 5:
            return insert("\"op\": \"conv2d\", ", afterOneOf: ["{"], in: text, random: &random)
        case 6:
            let depth = [150, 199, 201, 5000].randomElement(using: &random) ?? 300
            return String(repeating: "[", count: depth) + text + String(repeating: "]", count: depth)
        case 7:
            var bytes = Array(text.utf8)
            guard !bytes.isEmpty else { return text }
            let stray: [UInt8] = [0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x22, 0x00, 0xFF, 0x5C, 0x2D, 0x30]
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = stray.randomElement(using: &random) ?? 0
            return String(decoding: bytes, as: UTF8.self)
        default:
            // The same member twice in a row: a duplicate key.
            guard let range = text.range(of: #""[a-z_]+": [^,{}\[\]]+, "#, options: .regularExpression) else {
                return text
            }
            return text.replacingCharacters(in: range, with: String(text[range]) + String(text[range]))
        }
    }

    static func insert(_ piece: String, beforeOneOf marks: Set<Character>, in text: String, random: inout Generator)
        -> String
    {
        let positions = text.indices.filter { marks.contains(text[$0]) }
        guard let position = positions.randomElement(using: &random) else { return text }
        var copy = text
        copy.insert(contentsOf: piece, at: position)
        return copy
    }

    static func insert(_ piece: String, afterOneOf marks: Set<Character>, in text: String, random: inout Generator)
        -> String
    {
        let positions = text.indices.filter { marks.contains(text[$0]) }
        guard let position = positions.randomElement(using: &random) else { return text }
        var copy = text
        copy.insert(contentsOf: piece, at: copy.index(after: position))
        return copy
    }

    static func nodeCount(_ value: JSONValue) -> Int {
        switch value {
        case .array(let values): return 1 + values.map(nodeCount).reduce(0, +)
        case .object(let members): return 1 + members.values.map(nodeCount).reduce(0, +)
        default: return 1
        }
    }

    /// The tree with node `target` (pre-order) replaced: a hostile number, another type, or an
    /// object without one of its keys.
    static func rewrite(_ value: JSONValue, target: Int, counter: inout Int, random: inout Generator) -> JSONValue {
        defer { counter += 1 }
        if counter == target {
            switch value {
            case .object(var members) where !members.isEmpty && Bool.random(using: &random):
                let keys = members.keys.sorted()
                if let key = keys.randomElement(using: &random) { members[key] = nil }
                return .object(members)
            case .integer, .number:
                return hostileNumbers.randomElement(using: &random) ?? .null
            default:
                let others: [JSONValue] = [
                    .string("x"), .array([]), .object([:]), .null, .bool(true), .number(2.5), .integer(3),
                    .array([.integer(1 << 62)]),
                ]
                return others.randomElement(using: &random) ?? .null
            }
        }
        switch value {
        case .array(let values):
            var out: [JSONValue] = []
            for element in values {
                counter += 1
                out.append(rewrite(element, target: target, counter: &counter, random: &random))
                counter -= 1
            }
            return .array(out)
        case .object(let members):
            var out: [String: JSONValue] = [:]
            for key in members.keys.sorted() {
                guard let member = members[key] else { continue }
                counter += 1
                out[key] = rewrite(member, target: target, counter: &counter, random: &random)
                counter -= 1
            }
            return .object(out)
        default:
            return value
        }
    }

    /// What one document gave.
    enum Outcome: Equatable {
        case computed(refusals: Int)
        case formatError
        case problem(String)
    }

    /// Runs one document in-process and checks the shape of what comes back.
    static func run(_ text: String) -> Outcome {
        func oneLine(_ message: String) -> Bool { !message.contains("\n") && message.count <= messageBound }
        do {
            let document = try JSONValue.parse(Data(text.utf8))
            let result = try OracleRunner.runDocument(document)
            var refusals = 0
            for item in result["cases"]?.array ?? [] {
                if let error = item["error"] {
                    guard let message = error.string, oneLine(message) else {
                        return .problem("refusal not one short line: \(error.serialized().prefix(600))")
                    }
                    refusals += 1
                }
            }
            return .computed(refusals: refusals)
        } catch let error as OracleFormatError {
            return oneLine(error.message)
                ? .formatError : .problem("format error too long: \(error.message.prefix(600))")
        } catch {
            return .problem("unexpected error type: \(error)")
        }
    }

    @Test("thousands of mutated documents: no crash, bounded time, one-line refusals")
    func fuzz() throws {
        let seeds = try Self.seeds()
        var random = Generator(state: 20_261_201)
        var computed = 0
        var refused = 0
        var formatErrors = 0
        var slowest: Duration = .zero
        var slowestText = ""
        for index in 0..<Self.caseCount {
            var text = seeds[index % seeds.count]
            for _ in 0..<Int.random(in: 1...3, using: &random) { text = Self.mutate(text, using: &random) }
            let clock = ContinuousClock()
            let start = clock.now
            let outcome = Self.run(text)
            let elapsed = clock.now - start
            if elapsed > slowest {
                slowest = elapsed
                slowestText = String(text.prefix(400))
            }
            #expect(elapsed < Self.timeBound, "case \(index) took \(elapsed): \(text.prefix(300))")
            switch outcome {
            case .computed(let refusals):
                computed += 1
                refused += refusals
            case .formatError: formatErrors += 1
            case .problem(let problem): Issue.record("case \(index): \(problem) — input: \(text.prefix(300))")
            }
        }
        print(
            "compute fuzz: \(Self.caseCount) documents, \(computed) computed (\(refused) refused cases), \(formatErrors) format errors, slowest \(slowest): \(slowestText)"
        )
        #expect(try Self.regressions().count >= 10)
        #expect(computed > 100 && formatErrors > 100, "the mutations should reach both the core and the parser")
    }

    /// Inputs that once broke compute (issue 10's red team), kept as named cases in
    /// `Fixtures/compute-regressions.json` (the end-to-end tests run them through the binary),
    /// plus one too large to keep as text.
    static func regressions() throws -> [(name: String, text: String, expected: String)] {
        let url = OracleFixtures.directory.deletingLastPathComponent().appendingPathComponent(
            "compute-regressions.json")
        let document = try JSONValue.parse(Data(contentsOf: url))
        var cases = (document["cases"]?.array ?? []).map { item in
            (item["name"]?.string ?? "?", item["text"]?.string ?? "", item["expect"]?.string ?? "?")
        }
        cases.append(("deep nesting", String(repeating: "[", count: 100_000), "nested more than 200 levels deep"))
        return cases
    }

    @Test("inputs that once broke compute stay refused, in one line")
    func regressionCases() throws {
        for (name, text, expected) in try Self.regressions() {
            let clock = ContinuousClock()
            let start = clock.now
            var message = ""
            do {
                let result = try OracleRunner.runDocument(try JSONValue.parse(Data(text.utf8)))
                message = result["cases"]?.array?.first?["error"]?.string ?? "computed"
            } catch {
                message = "\(error)"
            }
            #expect(clock.now - start < Self.timeBound, "\(name)")
            #expect(message.contains(expected), "\(name): \(message)")
            #expect(!message.contains("\n") && message.count <= Self.messageBound, "\(name): \(message)")
        }
    }
}
