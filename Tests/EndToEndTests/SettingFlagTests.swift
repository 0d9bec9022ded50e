import CNNSandbox
import TestSupport
import Testing

/// `explore` refuses a bad flag value with the setting table's own message, the one a scene's
/// `setup:` gets (the scene side is in CNNCourseTests' `SettingMessagesTests`), and exits 2.
@Suite("Setting messages on the command line")
struct SettingFlagTests {
    /// The settings that take a value on the command line (switches take none).
    static let valued = Settings.all.filter { $0.kind == .value }.map(\.name)

    @Test("every valued setting: --NAME BAD prints the table's message and exits 2", arguments: valued)
    func flagMessage(name: SettingName) throws {
        let bad = try #require(BadSettingValues.all[name])
        var configuration = ExploreConfiguration()
        var expected = ""
        do throws(SettingError) {
            try Settings.named(name).apply(bad, to: &configuration)
        } catch {
            expected = error.message
        }
        let result = try CommandLineTests.cnnviz(["explore", "--\(name.rawValue)=\(bad)", "--frame", "1"])
        #expect(result.status == 2)
        #expect(result.errorOutput == "cnnviz explore: --\(name.rawValue): \(expected)\n")
        #expect(result.output.isEmpty)
    }

    @Test(
        "unknown flags, unknown subcommands and a missing value exit 2 with one line",
        arguments: [
            ["explore", "--strid", "2"], ["nosuch"], ["explore", "--stride"], ["explore", "--speed", "fast"],
        ])
    func usageErrors(arguments: [String]) throws {
        let result = try CommandLineTests.cnnviz(arguments)
        #expect(result.status == 2)
        #expect(result.errorOutput.split(separator: "\n").count == 1, "\(result.errorOutput)")
        #expect(result.errorOutput.hasPrefix("cnnviz"))
    }
}
