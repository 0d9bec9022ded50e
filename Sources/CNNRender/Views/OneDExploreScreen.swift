import CNNCore
import CNNScenes

/// Placeholder until the oneD view lands: refuses to open with a clear message.
public struct OneDExploreScreen: ExploreView {
    public static let kind = ExploreViewKind.oneD
    public var player = Player(stepCount: 1)
    public var showHelp = false

    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        throw .invalidQuery("the oneD view is not available in this build")
    }

    public mutating func apply(_ action: ExploreAction) {}

    public func render(width: Int, height: Int, options: RenderOptions) -> RenderedFrame {
        RenderedFrame(canvas: Canvas(width: width, height: height))
    }
}
