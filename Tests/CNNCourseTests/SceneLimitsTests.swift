import CNNSandbox
import Testing

@testable import CNNCourse

/// Small scene files that would cause large work are refused at file:line:column before the
/// work: alias bombs, large files, long timelines and keys, out-of-range speeds and holds,
/// values beyond the setting table's ranges, facts whose counts overflow, and mismatches on
/// large outputs (which name one cell instead of echoing the output).
@Suite("Scene limits")
struct SceneLimitsTests {
    static let header = "title: t\ntopic: 1\nview: conv\nnarration: [\"a\"]\n"

    /// The problems of a scene file's text, as `cnnviz check` prints them.
    static func problems(_ body: String, view: String = "conv") -> [String] {
        let text = header.replacingOccurrences(of: "view: conv", with: "view: \(view)") + body
        guard case .failure(let problems) = SceneLoader.load(text: text, file: "t.yaml") else { return [] }
        return problems.map(\.description)
    }

    @Test("an alias bomb (10^9 values from 9 lines) is refused where the count passes the limit")
    func aliasBomb() {
        let found = Self.problems(SceneFuzzTests.aliasBomb(levels: 8))
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("t.yaml:5:") == true)
        #expect(found.first?.contains("more than 100000 YAML values once its aliases are expanded") == true)
    }

    @Test("aliases that stay under the limit load")
    func smallAliases() {
        #expect(Self.problems("setup:\n  stride: &s 2\n  dilation: *s\n") == [])
    }

    @Test("a file over 1 MiB is refused at 1:1 before it is parsed")
    func largeFile() {
        let found = Self.problems("# " + String(repeating: "x", count: SceneLimits.maxBytes) + "\n")
        #expect(found == ["t.yaml:1:1: the file has 1048625 bytes; a scene file may have at most 1048576 (1 MiB)"])
    }

    @Test("timelines: beats, keys, speed and hold are bounded, each refusal naming the range")
    func timeline() {
        #expect(
            Self.problems("timeline:\n" + String(repeating: "  - say: 1\n", count: 501)) == [
                "t.yaml:6:3: timeline: the timeline has 501 beats; a scene may have at most 500"
            ])
        #expect(
            Self.problems(
                "timeline:\n  - speed: 1e-300\n  - hold: 1e18\n  - speed: 32.001\n  - keys: \""
                    + String(repeating: "n", count: 65) + "\"\n") == [
                    "t.yaml:6:12: timeline[1].speed: 1e-300 is outside 0.25…32 steps per second",
                    "t.yaml:7:11: timeline[2].hold: 1e+18 is outside 0.1…3600 seconds",
                    "t.yaml:8:12: timeline[3].speed: 32.001 is outside 0.25…32 steps per second",
                    "t.yaml:9:11: timeline[4].keys: 65 keys; a beat may send at most 64 (split them over several beats)",
                ])
    }

    @Test("values: and weights: get the setting table's ranges and magnitude")
    func valueLimits() {
        let wide = "[[" + Array(repeating: "1", count: 4097).joined(separator: ", ") + "]]"
        #expect(
            Self.problems("setup:\n  values: \(wide)\n") == [
                "t.yaml:6:11: setup.values: 4097 columns is outside 1…4096, the range the setting table allows; give fewer"
            ])
        let kernel = "[" + Array(repeating: "[1]", count: 16).joined(separator: ", ") + "]"
        #expect(
            Self.problems("setup:\n  weights: \(kernel)\n") == [
                "t.yaml:6:12: setup.weights: 16 rows is outside 1…15, the range the setting table allows; give fewer"
            ])
        #expect(
            Self.problems("setup:\n  values: [[1, 1e13], [0, 0]]\n") == [
                "t.yaml:6:11: setup.values: 10000000000000 is larger in magnitude than 1000000000000; give numbers within ±1000000000000"
            ])
        let channels = "[" + Array(repeating: "[[1]]", count: 17).joined(separator: ", ") + "]"
        #expect(
            Self.problems("setup:\n  values: \(channels)\n", view: "channels") == [
                "t.yaml:6:11: setup.values: 17 channels is outside 1…16, the range the setting table allows; give fewer"
            ])
    }

    @Test("the value ranges are the setting table's")
    func rangesAgreeWithTheTable() throws {
        var configuration = ExploreConfiguration()
        try Settings.named(.input).apply("\(Settings.inputSizes.upperBound)", to: &configuration)
        try Settings.named(.kernel).apply("\(Settings.kernelSizes.upperBound)", to: &configuration)
        try Settings.named(.inChannels).apply("\(Settings.channelCounts.upperBound)", to: &configuration)
        #expect(throws: SettingError.self) {
            try Settings.named(.input).apply("\(Settings.inputSizes.upperBound + 1)", to: &configuration)
        }
        #expect(throws: SettingError.self) {
            try Settings.named(.kernel).apply("\(Settings.kernelSizes.upperBound + 1)", to: &configuration)
        }
        #expect(throws: SettingError.self) {
            try Settings.named(.inChannels).apply("\(Settings.channelCounts.upperBound + 1)", to: &configuration)
        }
    }

    @Test("facts with huge numbers are refused with a message, never a trap")
    func hugeFacts() {
        let found = Self.problems(
            """
            expect:
              facts:
                - fully_connected: {inputs: 99999999999999, outputs: 2}
                  weights: 1
                - fully_connected: {inputs: 134217728, outputs: 134217728}
                  weights: 1
                - separable: {in_channels: 134217728, out_channels: 134217728, kernel: 134217728}
                  total: 1
                - output_size: {input: 134217728, kernel: 134217728, stride: 1, padding: 134217728, dilation: 134217728}
                  equals: 1
                - pool: {input: [134217728, 134217728], kernel: 134217728, padding: 67108864, dilation: 134217728}
                  output_size: 1

            """)
        #expect(found.count == 5)
        #expect(
            found.first == "t.yaml:7:33: expect.facts[1].fully_connected.inputs: 99999999999999 is outside 0…134217728")
        #expect(found[1].contains("the core computes 18014398509481984, the scene says 1"))
        #expect(found[2].contains("too large to count in 64 bits"))
        #expect(found.allSatisfy { !$0.contains("\n") })
    }

    @Test("more than 500 facts are refused before any is computed")
    func manyFacts() {
        let facts = String(repeating: "    - fully_connected: {inputs: 2, outputs: 2}\n      weights: 4\n", count: 501)
        #expect(
            Self.problems("expect:\n  facts:\n" + facts) == [
                "t.yaml:7:5: expect.facts: 501 facts; a scene may state at most 500"
            ])
    }

    @Test("a wrong output of a large view names the first differing cell instead of echoing the output")
    func largeOutputMismatch() {
        let rows = Array(repeating: "[" + Array(repeating: "0", count: 30).joined(separator: ", ") + "]", count: 30)
        let found = Self.problems(
            "setup:\n  input: 32\n  kernel: 3\n  fill: ramp\n  preset: box-blur\nexpect:\n  output: [\(rows.joined(separator: ", "))]\n"
        )
        #expect(found.count == 1)
        #expect(found.first?.contains("at channel 0, row 0, column 0 (counting from 0), the scene says 0") == true)
        #expect((found.first?.count ?? 0) < 200)
    }
}
