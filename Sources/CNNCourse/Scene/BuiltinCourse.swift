import CNNSandbox

/// The course `cnnviz tutorial` plays: the scenes of Scenes/, compiled in at build time by the
/// `EmbedScenes` plugin, in file-name order.
public enum BuiltinCourse {
    /// Loads and checks every built-in scene.
    public static func load() -> Result<[Scene], [SceneProblem]> {
        SceneLoader.load(files: BuiltinScenes.files)
    }

    /// The topics of 1…22 that no scene covers.
    public static func missingTopics(in scenes: [Scene]) -> [Int] {
        let covered = Set(scenes.map(\.topic))
        return Scene.topics.filter { !covered.contains($0) }
    }
}
