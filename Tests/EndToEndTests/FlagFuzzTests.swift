import CNNSandbox
import Foundation
import Testing

/// A deterministic, bounded fuzz run over `explore`'s flags: seeded combinations of settings
/// with hostile values read through the setting table in process (every refusal one line
/// naming the value), the accepted small ones built into every view, and a sample run through
/// the binary with `--frame` (exit 0 with a frame, or exit 2 with one line on standard error,
/// within a time bound). Also the flag regressions: negative values and exact numbers.
@Suite("Fuzzing explore's flags")
struct FlagFuzzTests {
    /// Combinations read in process.
    static let caseCount = 2000
    /// Combinations run through the binary.
    static let binaryCaseCount = 40
    /// The longest a refusal may be.
    static let messageBound = 300

    /// Values a hostile user might give any flag.
    static let hostileValues = [
        "-1", "0", "1", "2", "3", "7", "15", "16", "17", "98", "99", "100", "4096", "4097", "-0", "1e18", "nan",
        "inf", "3x3", "0x5", "5x0", "1,2", "0:1,1:0", "99:99,99:99", "same", "full", "valid", "", " ", "x",
        "99999999999999999999", "-9223372036854775808", "1e-300", "conv3,conv3", "conv15d99,pool2s2",
        String(repeating: "conv3,", count: 800), "\u{0}", "é",
    ]

    /// Settings a combination may give (switches included).
    static let names = Settings.all.map(\.name)

    /// A seeded combination of 1…4 settings with hostile values.
    static func combination(_ random: inout SeededRandom) -> [(SettingName, String)] {
        (0..<random.integer(in: 1...4)).map { _ in
            (
                names[random.integer(in: 0...(names.count - 1))],
                hostileValues[random.integer(in: 0...(hostileValues.count - 1))]
            )
        }
    }

    @Test("hostile setting combinations: one-line refusals, and small accepted ones build every view")
    func inProcess() {
        var random = SeededRandom(seed: 11)
        var refused = 0
        var built = 0
        var failures: [String] = []
        let clock = ContinuousClock()
        for index in 0..<Self.caseCount {
            let flags = Self.combination(&random)
            var configuration = ExploreConfiguration()
            var accepted = true
            for (name, value) in flags {
                do throws(SettingError) {
                    try Settings.named(name).apply(value, to: &configuration)
                } catch {
                    accepted = false
                    refused += 1
                    if error.message.contains("\n") || error.message.count > Self.messageBound || error.message.isEmpty
                    {
                        failures.append(
                            "case \(index) --\(name.rawValue) '\(value.prefix(20))': \(error.message.prefix(80))")
                    }
                }
            }
            // Views are built for small sizes only: a debug build computes large ones slowly (the
            // release benchmark times the worst sizes).
            let small = configuration.conv.inputRows * configuration.conv.inputColumns <= 64 * 64
            guard accepted, small, index % 4 == 0 else { continue }
            let view = SandboxViews.all[index / 4 % SandboxViews.all.count]
            let start = clock.now
            if (try? view.init(configuration: configuration, playing: false, speed: 2)) != nil { built += 1 }
            if clock.now - start > .seconds(10) { failures.append("case \(index) took \(clock.now - start)") }
        }
        #expect(refused > Self.caseCount / 4, "most hostile values should be refused; \(refused) were")
        #expect(built > 0)
        #expect(failures.isEmpty, "\(failures.count): \(failures.prefix(5).joined(separator: "; "))")
    }

    @Test("a sample through the binary: a frame with exit 0, or one line and exit 2, in time")
    func throughTheBinary() throws {
        var random = SeededRandom(seed: 12)
        var failures: [String] = []
        for index in 0..<Self.binaryCaseCount {
            let flags = Self.combination(&random).filter { $0.0 != .input }
            let view = SandboxViews.names[index % SandboxViews.names.count]
            var arguments = ["explore", "--view", view, "--input", "\(random.integer(in: 1...12))", "--frame", "1"]
            for (name, value) in flags {
                let kind = Settings.named(name).kind
                arguments += kind == .flag ? ["--\(name.rawValue)"] : ["--\(name.rawValue)", value]
            }
            let start = Date()
            let result = try CommandLineTests.cnnviz(arguments)
            let elapsed = Date().timeIntervalSince(start)
            let lines = result.errorOutput.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            switch result.status {
            case 0 where !result.output.isEmpty && result.errorOutput.isEmpty: break
            case 2 where lines == 1 && result.output.isEmpty: break
            default:
                failures.append(
                    "\(arguments.joined(separator: " ").prefix(120)): exit \(result.status), \(result.errorOutput.prefix(120))"
                )
            }
            if elapsed > 20 { failures.append("\(arguments.joined(separator: " ").prefix(120)): took \(elapsed) s") }
        }
        #expect(failures.isEmpty, "\(failures.count): \(failures.prefix(3).joined(separator: "; "))")
    }

    @Test(
        "negative values are out of range, not missing; numbers are quoted as given",
        arguments: [
            (
                ["explore", "--stride", "-1", "--frame", "1"],
                "cnnviz explore: --stride: -1 is outside 1…99; the stride is how far the kernel moves, at least 1\n"
            ),
            (
                ["explore", "--input", "-5", "--frame", "1"],
                "cnnviz explore: --input: -5 is outside 1…4096; choose a size in that range\n"
            ),
            (
                ["explore", "--speed", "32.001", "--frame", "1"],
                "cnnviz explore: --speed: 32.001 is outside 0.25…32 steps per second\n"
            ),
            (
                ["explore", "--speed", "-2", "--frame", "1"],
                "cnnviz explore: --speed: -2 is outside 0.25…32 steps per second\n"
            ),
            (
                ["tutorial", "--autoplay", "1e18", "--frame", "1"],
                "cnnviz tutorial: --autoplay: 1e+18 is outside 0.1…3600 seconds\n"
            ),
            (
                ["tutorial", "--autoplay", "-1", "--frame", "1"],
                "cnnviz tutorial: --autoplay: -1 is outside 0.1…3600 seconds\n"
            ),
        ])
    func flagRegressions(arguments: [String], message: String) throws {
        let result = try CommandLineTests.cnnviz(arguments)
        #expect(result.status == 2)
        #expect(result.errorOutput == message)
    }

    @Test(
        "settings a view cannot compute per frame are refused at once, not crashed on",
        arguments: [
            ["--view", "channels", "--input", "4096", "--in-channels", "16"],
            ["--view", "transpose", "--input", "4096", "--stride", "99", "--kernel", "15"],
            ["--view", "backprop", "--input", "4096"],
        ])
    func refusedViews(arguments: [String]) throws {
        let start = Date()
        let result = try CommandLineTests.cnnviz(["explore"] + arguments + ["--frame", "1"])
        #expect(result.status == 2)
        #expect(result.errorOutput.contains("it computes per frame"), "\(result.errorOutput)")
        #expect(Date().timeIntervalSince(start) < 20)
    }
}
