import Foundation

/// The build tool behind the `EmbedScenes` plugin: `SceneEmbedder OUTPUT.swift SCENE.yaml…` writes
/// a Swift file whose `BuiltinScenes.files` holds each scene's name (`Scenes/NN-slug.yaml`) and its
/// text, byte for byte, in the order given; other files given (Samples/*.pgm) go into `BuiltinScenes.samples`.

/// A Swift raw multi-line string literal whose value is `text` exactly: the line break before the
/// closing delimiter is not part of the value, and the delimiter gets as many `#`s as needed so the
/// text can neither end it nor escape.
func literal(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

let arguments = CommandLine.arguments.dropFirst()
guard let outputPath = arguments.first else {
    FileHandle.standardError.write(Data("usage: SceneEmbedder OUTPUT.swift SCENE.yaml...\n".utf8))
    exit(2)
}
var lines = [
    "// Generated at build time by the EmbedScenes plugin from Scenes/*.yaml.",
    "",
    "/// The built-in course, compiled in: each scene file's path and text, in play order.",
    "public enum BuiltinScenes {",
    "    /// `(\"Scenes/NN-slug.yaml\", text)` for every file of Scenes/, sorted by name.",
    "    public static let files: [(name: String, text: String)] = [",
]
var samples: [String] = []
for path in arguments.dropFirst() {
    let url = URL(fileURLWithPath: path)
    if url.pathExtension != "yaml" {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("\(path): not readable\n".utf8))
            exit(1)
        }
        samples.append("        \"Samples/\(url.lastPathComponent)\": \"\(data.base64EncodedString())\",")
        continue
    }
    guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(path): not readable as UTF-8 text\n".utf8))
        exit(1)
    }
    lines.append("        (\"Scenes/\(url.lastPathComponent)\", \(literal(text))),")
}
lines += ["    ]", ""]
lines += [
    "    /// The sample images (`Samples/NAME`, Netpbm only) that built-in scenes may show, in base64.",
    "    public static let samples: [String: String] = [",
]
lines += samples.isEmpty ? ["        :"] : samples
lines += ["    ]", "}", ""]
let content = lines.joined(separator: "\n")
if (try? String(contentsOfFile: outputPath, encoding: .utf8)) != content {
    do {
        try content.write(toFile: outputPath, atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("\(outputPath): \(error.localizedDescription)\n".utf8))
        exit(1)
    }
}
