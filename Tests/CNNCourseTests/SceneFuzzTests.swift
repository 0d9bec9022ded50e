import CNNSandbox
import Foundation
import Testing

@testable import CNNCourse

/// A deterministic, bounded fuzz run over scene files: seeded mutations of the built-in scenes
/// (hostile numbers, deleted, duplicated and swapped lines, truncation, stray characters, alias
/// bombs, long keys and lists) loaded in-process. Every case must end within a time bound with
/// a scene or with problems that are each one line `file:line:column: message` — never a crash.
/// The seed is fixed: the same cases run every time.
@Suite("Fuzzing scene files")
struct SceneFuzzTests {
    /// Mutated files per built-in scene.
    static let mutationsPerScene = 40
    /// The longest one case may take (a debug build on a loaded machine).
    static let timeBound: Duration = .seconds(10)
    /// The longest a problem's message may be.
    static let messageBound = 600

    /// Numbers a hostile scene might write in place of one of its own.
    static let hostileNumbers = [
        "-1", "0", "4097", "16", "17", "99", "100", "134217729", "99999999999999999999", "9223372036854775807",
        "-9223372036854775808", "1e18", "1e-300", "1e308", ".nan", ".inf", "-.inf", "0.5", "1e13", "[1, 2, 3]",
        "[]", "{}", "~", "''",
    ]

    /// Text a hostile scene might insert at a random place.
    static let strayText = [
        "\t", "{", "[", "]", ":", "&a ", "*a", "*undefined", "- ", "\n  - ", "\"", "'", "#", "!!binary ", "\u{0}",
        "\u{FEFF}", "é", "\n", "? ", "<<: *a", "%YAML 1.1\n",
    ]

    /// A billion-laughs block: `levels` anchors, each ten aliases of the one before.
    static func aliasBomb(levels: Int) -> String {
        var lines = ["bomb0: &b0 [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]"]
        for level in 1...levels {
            lines.append(
                "bomb\(level): &b\(level) [" + Array(repeating: "*b\(level - 1)", count: 10).joined(separator: ", ")
                    + "]")
        }
        return lines.joined(separator: "\n")
    }

    /// One mutation of `text`, chosen by `random`.
    static func mutate(_ text: String, random: inout SeededRandom) -> String {
        var lines = text.components(separatedBy: "\n")
        let pick = { (random: inout SeededRandom, count: Int) in random.integer(in: 0...max(0, count - 1)) }
        switch random.integer(in: 0...9) {
        case 0, 1, 2:  // a number replaced by a hostile one
            let numbered = lines.indices.filter { lines[$0].contains(where: \.isNumber) }
            guard !numbered.isEmpty else { return text }
            let index = numbered[pick(&random, numbered.count)]
            let hostile = hostileNumbers[pick(&random, hostileNumbers.count)]
            lines[index] = replacingANumber(in: lines[index], with: hostile, random: &random)
        case 3: lines.remove(at: pick(&random, lines.count))
        case 4:
            let index = pick(&random, lines.count)
            lines.insert(lines[index], at: index)
        case 5:
            let (a, b) = (pick(&random, lines.count), pick(&random, lines.count))
            lines.swapAt(a, b)
        case 6:
            let cut = random.integer(in: 0...text.utf8.count)
            return String(decoding: text.utf8.prefix(cut), as: UTF8.self)
        case 7:
            let index = pick(&random, lines.count)
            var line = Array(lines[index])
            line.insert(contentsOf: strayText[pick(&random, strayText.count)], at: pick(&random, line.count + 1))
            lines[index] = String(line)
        case 8:
            let extras = [
                aliasBomb(levels: random.integer(in: 3...9)),
                "timeline:\n" + String(repeating: "  - say: 1\n", count: random.integer(in: 400...700)),
                "timeline:\n  - keys: \"" + String(repeating: "+", count: random.integer(in: 50...5000)) + "\"",
                "setup:\n  values: [["
                    + Array(repeating: "1", count: random.integer(in: 4000...5000)).joined(separator: ", ")
                    + "]]",
                "setup:\n  weights: [["
                    + Array(repeating: "1e300", count: random.integer(in: 1...20)).joined(separator: ", ")
                    + "]]",
                "expect:\n  facts:\n"
                    + String(
                        repeating: "    - fully_connected: {inputs: 134217728, outputs: 134217728}\n      weights: 1\n",
                        count: random.integer(in: 1...600)),
            ]
            lines.append(extras[pick(&random, extras.count)])
        default:  // a setting of the scene's setup set to an extreme the table allows or refuses
            let settings = [
                "input: 4096", "input: 4097", "kernel: 15", "kernel: 16", "stride: 99", "stride: -1", "dilation: 99",
                "padding: 99", "in-channels: 16", "out-channels: 17", "groups: 16", "output-padding: 98",
                "layers: \"" + String(repeating: "conv15d99,", count: 40) + "conv3\"", "seed: 18446744073709551616",
                "bias: 1e12", "bias: 1e13",
            ]
            let setting = settings[pick(&random, settings.count)]
            if let index = lines.firstIndex(of: "setup:") {
                lines.insert("  " + setting, at: index + 1)
            } else {
                lines.append("setup:\n  " + setting)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `line` with one of its numbers (a run of digits) replaced by `hostile`.
    static func replacingANumber(in line: String, with hostile: String, random: inout SeededRandom) -> String {
        let characters = Array(line)
        var runs: [Range<Int>] = []
        var start: Int? = nil
        for (index, character) in characters.enumerated() {
            if character.isNumber {
                if start == nil { start = index }
            } else if let first = start {
                runs.append(first..<index)
                start = nil
            }
        }
        if let first = start { runs.append(first..<characters.count) }
        guard !runs.isEmpty else { return line }
        let run = runs[random.integer(in: 0...(runs.count - 1))]
        return String(characters[..<run.lowerBound]) + hostile + String(characters[run.upperBound...])
    }

    /// Loads one case and checks what comes back: whether it was refused, and a description of
    /// what went wrong, or nil.
    static func check(_ text: String, name: String) -> (refused: Bool, failure: String?) {
        let (result, elapsed) = timedLoad(text, name: name)
        if elapsed > timeBound { return (true, "took \(elapsed)") }
        guard case .failure(let problems) = result else { return (false, nil) }
        return (true, oneLineFailure(problems, name: name))
    }

    /// The load's result and how long it took.
    static func timedLoad(_ text: String, name: String) -> (Result<Scene, [SceneProblem]>, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let result = SceneLoader.load(text: text, file: name)
        return (result, clock.now - start)
    }

    /// What is wrong with a refusal's problems (empty, not one line, too long, not placed), or nil.
    static func oneLineFailure(_ problems: [SceneProblem], name: String) -> String? {
        if problems.isEmpty { return "failed without a problem" }
        for problem in problems {
            let line = problem.description
            if line.contains("\n") || line.contains("\r") {
                return "a problem spans several lines: \(line.prefix(200))"
            }
            if problem.message.count > messageBound { return "a problem has \(problem.message.count) characters" }
            if problem.file != name || problem.line < 1 || problem.column < 1 {
                return "a problem is not at file:line:column: \(line.prefix(200))"
            }
        }
        return nil
    }

    @Test("mutated built-in scenes load or are refused with one-line file:line:column problems, in time")
    func mutatedScenes() {
        var random = SeededRandom(seed: 10)
        var cases = 0
        var refused = 0
        var failures: [String] = []
        for file in BuiltinScenes.files {
            for round in 0..<Self.mutationsPerScene {
                let text = Self.mutate(file.text, random: &random)
                cases += 1
                let name = "\(file.name)#\(round)"
                let outcome = Self.check(text, name: name)
                if outcome.refused { refused += 1 }
                if let failure = outcome.failure {
                    failures.append("\(name): \(failure)")
                    if let folder = ProcessInfo.processInfo.environment["CNNVIZ_FUZZ_DUMP"] {
                        try? text.write(
                            toFile: "\(folder)/fuzz-\(failures.count).yaml", atomically: true, encoding: .utf8)
                    }
                }
            }
        }
        #expect(cases == BuiltinScenes.files.count * Self.mutationsPerScene)
        #expect(refused > cases / 4, "the mutations should break most scenes; \(refused) of \(cases) were refused")
        #expect(failures.isEmpty, "\(failures.count) cases: \(failures.prefix(5).joined(separator: "; "))")
    }
}
