import Foundation
import PackagePlugin

/// Compiles the built-in course into `CNNCourse` at build time: every `Scenes/*.yaml` file, in
/// file-name order (the play order), becomes an entry of `BuiltinScenes.files`. SwiftPM reruns it
/// when a scene file changes, so the binary always carries the scenes of its checkout and
/// `cnnviz tutorial` works from any directory, and from the built binary alone.
@main
struct EmbedScenes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let scenes = context.package.directoryURL.appending(path: "Scenes")
        let files = try FileManager.default.contentsOfDirectory(at: scenes, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        // The sample images scenes may show (`image: ../Samples/shapes.pgm`), so the binary has them too.
        let samplesFolder = context.package.directoryURL.appending(path: "Samples")
        let samples =
            ((try? FileManager.default.contentsOfDirectory(at: samplesFolder, includingPropertiesForKeys: nil))
            ?? [])
            .filter { ["pgm"].contains($0.pathExtension) }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinScenes.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) scenes of Scenes/",
                executable: try context.tool(named: "SceneEmbedder").url,
                arguments: [output.path] + files.map(\.path) + samples.map(\.path),
                inputFiles: files + samples,
                outputFiles: [output])
        ]
    }
}
