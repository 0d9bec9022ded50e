import CNNRender
import CNNScenes

/// Runs the sandbox on the terminal (built on the terminal layer).
enum InteractiveExplore {
    static func run(screen: any ExploreView, configuration: ExploreConfiguration, ascii: Bool, noColor: Bool) throws {
        throw CommandFailure.usage("cnnviz explore: the interactive screen is not built yet; use --frame N")
    }
}
