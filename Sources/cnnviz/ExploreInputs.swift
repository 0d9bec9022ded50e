import CNNCourse
import CNNSandbox
import Foundation

/// The inputs of `explore` that come from outside the setting table: `--image FILE` (read here,
/// the command layer does the I/O) and `--values`/`--weights` in the scene text syntax or as
/// `@file.csv`. Each refusal is one line naming the flag, what was given and what would work.
enum ExploreInputs {
    /// Reads the image and the explicit values into `configuration` for `view`.
    static func complete(
        _ configuration: inout ExploreConfiguration, view: any SandboxModel.Type, values: String?, weights: String?
    ) throws(FlagError) {
        if configuration.imagePath != nil {
            if values != nil { throw FlagError("--image: give either --image or --values, not both") }
            do throws(ImageLoadError) {
                try ImageInput.load(into: &configuration, view: view)
            } catch {
                throw FlagError("--image: \(error.message)")
            }
        }
        if let values {
            let grid = try grid(values, flag: "--values")
            do throws(SettingError) {
                try ExplicitValues.applyInput(grid, view: view, to: &configuration)
            } catch {
                throw FlagError("--values: \(error.message)")
            }
        }
        if let weights {
            let grid = try grid(weights, flag: "--weights")
            do throws(SettingError) {
                try ExplicitValues.applyWeights(grid, view: view, to: &configuration)
            } catch {
                throw FlagError("--weights: \(error.message)")
            }
        }
    }

    /// The numbers of a flag: its text, or the file named after `@`.
    static func grid(_ text: String, flag: String) throws(FlagError) -> NumberGrid {
        var source = text
        var place = flag
        if text.hasPrefix("@") {
            let path = String(text.dropFirst())
            source = try read(path, flag: flag)
            place = "\(flag): \(path)"
        }
        switch ValueText.parse(source) {
        case .success(let grid): return grid
        case .failure(let error): throw FlagError("\(place): \(error.message)")
        }
    }

    /// A values file's text, bounded before it is read.
    private static func read(_ path: String, flag: String) throws(FlagError) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw FlagError("\(flag): \(path): no such file; give @FILE with numbers, a row per line")
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        guard size <= ValueText.maxBytes else {
            throw FlagError("\(flag): \(path): the file has \(size) bytes; at most \(ValueText.maxBytes) are read")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw FlagError("\(flag): \(path): cannot be read as UTF-8 text")
        }
        return text
    }
}
