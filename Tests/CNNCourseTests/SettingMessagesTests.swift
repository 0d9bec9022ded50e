import CNNSandbox
import TestSupport
import Testing

@testable import CNNCourse

/// A scene's `setup:` refuses a bad value with the setting table's own message, the one the
/// `explore` flag gets (the command-line side is in EndToEndTests' `SettingFlagTests`).
@Suite("Setting messages in scenes")
struct SettingMessagesTests {
    @Test("every setting: setup.NAME gets the table's message at the value", arguments: Settings.all.map(\.name))
    func sceneMessage(name: SettingName) throws {
        let bad = try #require(BadSettingValues.all[name])
        var configuration = ExploreConfiguration()
        var expected = ""
        do throws(SettingError) {
            try Settings.named(name).apply(bad, to: &configuration)
        } catch {
            expected = error.message
        }
        #expect(!expected.isEmpty)
        let text = """
            title: A bad \(name.rawValue)
            topic: 1
            view: conv
            setup:
              \(name.rawValue): "\(bad)"
            narration:
              - "One paragraph."
            """
        guard case .failure(let problems) = SceneLoader.load(text: text, file: "bad.yaml") else {
            Issue.record("a scene with \(name.rawValue): \(bad) loaded")
            return
        }
        #expect(
            problems.map(\.description) == [
                "bad.yaml:5:\(name.rawValue.count + 5): setup.\(name.rawValue): \(expected)"
            ])
    }
}
