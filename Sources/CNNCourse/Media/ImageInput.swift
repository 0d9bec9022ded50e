import CNNImage
import CNNSandbox
import Foundation

/// Puts an image into a configuration as the view's input: three channels for a colour image in
/// the channels view, BT.601 luminance elsewhere, scaled to the configuration's `image-range`;
/// the stack view takes only its size. The checks are those of explicit values
/// (`ExplicitValues`), so an image that contradicts `input` or `in-channels` says so.
public enum ImageInput {
    /// Reads `image` into `configuration` for `view`.
    public static func apply(
        _ image: RasterImage, view: any SandboxModel.Type, to configuration: inout ExploreConfiguration
    ) throws(SettingError) {
        let range: SampleRange = configuration.imageRange == 255 ? .byte : .unit
        let size = "\(image.height)x\(image.width)"
        if view.valueLayout == .none {
            if configuration.gave("input"),
                (configuration.conv.inputRows, configuration.conv.inputColumns) != (image.height, image.width)
            {
                throw SettingError(
                    "the image is \(size) (rows×columns) but input is \(configuration.conv.inputRows)x\(configuration.conv.inputColumns); drop input or give \(size)"
                )
            }
            (configuration.conv.inputRows, configuration.conv.inputColumns) = (image.height, image.width)
            configuration.given.insert("input")
            return
        }
        guard view.valueLayout == .grid || view.valueLayout == .gridWithoutWeights || view.valueLayout == .channels
        else {
            throw SettingError("the \(view.kind.name) view takes no image; use conv, pool, channels or stack")
        }
        let grid: NumberGrid
        if view.valueLayout == .channels && image.channels == 3 {
            grid = NumberGrid(values: image.tensor(range).data, shape: [3, image.height, image.width])
        } else {
            grid = NumberGrid(values: image.luminanceTensor(range).data, shape: [image.height, image.width])
        }
        do throws(SettingError) {
            try ExplicitValues.applyInput(grid, view: view, to: &configuration)
        } catch {
            throw SettingError("the image (\(size), rows×columns): \(error.message)")
        }
    }

    /// Loads the configuration's `imagePath` (relative to `sceneFile` when given, else to the
    /// current directory) into it. Built-in scenes fall back on the samples compiled in.
    public static func load(
        into configuration: inout ExploreConfiguration, view: any SandboxModel.Type, sceneFile: String? = nil
    ) throws(ImageLoadError) {
        guard let path = configuration.imagePath else { return }
        let image: RasterImage
        do throws(ImageError) {
            if let sceneFile {
                image = try loadForScene(path, sceneFile: sceneFile)
            } else {
                image = try ImageFile.load(path)
            }
        } catch {
            throw .file(error)
        }
        do throws(SettingError) {
            try apply(image, view: view, to: &configuration)
        } catch {
            throw .setting(error)
        }
    }

    /// A scene's image from disk, or from the samples compiled into the binary when the scene is
    /// a built-in one and the file is not there.
    private static func loadForScene(_ path: String, sceneFile: String) throws(ImageError) -> RasterImage {
        do {
            return try ImageFile.load(path, relativeTo: sceneFile)
        } catch {
            let key = resolved(path, from: (sceneFile as NSString).deletingLastPathComponent)
            guard let text = BuiltinScenes.samples[key], let data = Data(base64Encoded: text) else { throw error }
            return try ImageFile.decode([UInt8](data))
        }
    }
}

extension ImageInput {
    /// `folder/path` with `.` and `..` resolved by name (the path need not exist): `Scenes` and
    /// `../Samples/shapes.pgm` give `Samples/shapes.pgm`.
    static func resolved(_ path: String, from folder: String) -> String {
        var parts: [Substring] = []
        for part in (folder + "/" + path).split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if parts.isEmpty || parts.last == ".." { parts.append(part) } else { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}

/// Why an image could not become the input: the file (missing, unreadable, not an image, too
/// large) or its fit with the other settings.
public enum ImageLoadError: Error, Sendable {
    /// The file's problem, naming the file.
    case file(ImageError)
    /// The image contradicts another setting.
    case setting(SettingError)

    /// One line.
    public var message: String {
        switch self {
        case .file(let error): return error.message
        case .setting(let error): return error.message
        }
    }
}
