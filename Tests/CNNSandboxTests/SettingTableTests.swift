import CNNCore
import CNNSandbox
import TestSupport
import Testing

/// The setting table: every setting declared once, read the same way by every caller.
@Suite("Setting table")
struct SettingTableTests {
    @Test("every setting name appears once, and values/weights are the only names outside the table")
    func everySettingOnce() {
        let names = Settings.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(Set(SettingName.allCases).subtracting(names) == [.values, .weights])
    }

    @Test("every setting refuses its bad value with a message naming the value or the range")
    func badValuesAreRefused() {
        for setting in Settings.all {
            let bad = BadSettingValues.all[setting.name]
            #expect(bad != nil, "no bad value listed for \(setting.name.rawValue)")
            guard let bad else { continue }
            var configuration = ExploreConfiguration()
            do throws(SettingError) {
                try setting.apply(bad, to: &configuration)
                Issue.record("\(setting.name.rawValue) accepted '\(bad)'")
            } catch {
                let trimmed = bad.trimmingCharacters(in: .whitespaces)
                #expect(
                    error.message.contains(trimmed) || error.message.contains("nothing"),
                    "\(setting.name.rawValue): \(error.message)")
            }
        }
    }

    @Test("good values land in the configuration and are recorded as given")
    func goodValues() throws {
        var configuration = ExploreConfiguration()
        try Settings.named(.input).apply("5x6", to: &configuration)
        try Settings.named(.stride).apply("3,2", to: &configuration)
        try Settings.named(.padding).apply("same", to: &configuration)
        try Settings.named(.pool).apply("avg", to: &configuration)
        try Settings.named(.ceilMode).apply("on", to: &configuration)
        try Settings.named(.groups).apply("4", to: &configuration)
        #expect((configuration.conv.inputRows, configuration.conv.inputColumns) == (5, 6))
        #expect(configuration.conv.stride == [3, 2])
        #expect(configuration.poolKind == .average)
        #expect(configuration.ceilMode)
        #expect(configuration.groups == 4)
        #expect(configuration.given == ["input", "stride", "padding", "pool", "ceil-mode", "groups"])
    }

    @Test("a long bad value is quoted short")
    func longValuesAreCut() {
        var configuration = ExploreConfiguration()
        let long = String(repeating: "x", count: 10_000)
        do throws(SettingError) {
            try Settings.named(.preset).apply(long, to: &configuration)
        } catch {
            #expect(error.message.count < 300)
        }
    }

    @Test("every view's settings are settings of the table (or values/weights)")
    func viewsReadTableSettings() {
        for model in SandboxViews.all {
            #expect(!model.settings.isEmpty, "\(model.kind.name) reads no settings")
        }
    }
}
