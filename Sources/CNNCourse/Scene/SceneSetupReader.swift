import CNNCore
import CNNSandbox

/// Reads a scene's `setup:` mapping into an `ExploreConfiguration` through the sandbox's setting
/// table (`Settings`): the same names, value syntax, ranges, defaults and messages as the
/// `cnnviz explore` flags, plus explicit `values` and `weights`; `image` is read relative to the
/// scene file.
enum SceneSetupReader {
    /// The fields `setup:` takes: every setting, then `values` and `weights`.
    static let fields = Settings.all.map(\.name.rawValue) + ["values", "weights"]

    /// Reads the setup of a scene shown in `view`; problems go to `reader`.
    static func read(_ node: SceneNode?, view: any SandboxModel.Type, reader: inout SceneReader)
        -> ExploreConfiguration
    {
        var configuration = ExploreConfiguration()
        guard let node else { return configuration }
        guard let fields = reader.fields(node, known: SceneSetupReader.fields, owner: "setup") else {
            return configuration
        }
        for setting in Settings.all {
            guard let value = fields[setting.name.rawValue]?.value else { continue }
            guard let text = settingText(value, setting: setting) else {
                reader.expected(setting.kind == .flag ? "true or false" : setting.syntax, value)
                continue
            }
            do throws(SettingError) {
                try setting.apply(text, to: &configuration)
            } catch {
                reader.report(value, "\(value.path): \(error.message)")
            }
        }
        if let node = fields["image"]?.value, configuration.imagePath != nil {
            if fields["values"] != nil {
                reader.report(node, "\(node.path): give either image or values, not both")
            } else {
                do throws(ImageLoadError) {
                    try ImageInput.load(into: &configuration, view: view, sceneFile: reader.file)
                } catch {
                    reader.report(node, "\(node.path): \(error.message)")
                }
            }
        }
        if let value = fields["values"]?.value {
            SceneValues.readInput(value, view: view, into: &configuration, reader: &reader)
        }
        if let value = fields["weights"]?.value {
            SceneValues.readWeights(value, view: view, into: &configuration, reader: &reader)
        }
        return configuration
    }

    /// A field's value as the text a flag would give: a scalar as written, a list of numbers
    /// joined (`[7, 7]` → `7x7` for sizes, `[3, 2]` → `3,2` otherwise). Nil for other shapes.
    static func settingText(_ node: SceneNode, setting: Setting) -> String? {
        if let text = node.scalarText { return text }
        guard let items = node.items, !items.isEmpty, items.count <= 2 else { return nil }
        let parts = items.compactMap(\.scalarText)
        guard parts.count == items.count, parts.allSatisfy({ Int($0) != nil }) else { return nil }
        let separator = setting.name == .input || setting.name == .kernel ? "x" : ","
        return parts.joined(separator: separator)
    }
}
