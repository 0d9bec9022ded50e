import CNNCore
import CNNScenes

/// Placeholder until the backprop view lands: refuses to open with a clear message.
public struct BackpropExploreScreen: ExploreView {
    public static let kind = ExploreViewKind.backprop
    public var player = Player(stepCount: 1)
    public var showHelp = false

    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        throw .invalidQuery("the backprop view is not available in this build")
    }

    public mutating func apply(_ action: ExploreAction) {}

    public func render(width: Int, height: Int, options: RenderOptions) -> RenderedFrame {
        RenderedFrame(canvas: Canvas(width: width, height: height))
    }
}
