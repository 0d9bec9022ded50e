import CNNCore
import CNNScenes

/// The pooling view as an `ExploreView`: `cnnviz explore --view pool`.
public struct PoolExploreScreen: ModelBackedView {
    public static let kind = ExploreViewKind.pool
    /// The sandbox state.
    public var model: PoolExploreModel

    /// Builds the sandbox from the flags; refuses a geometry the core refuses.
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        model = PoolExploreModel(setup: try PoolSetup(configuration: configuration), playing: playing, speed: speed)
        if case .failure(let error) = model.result { throw error }
    }

    public func render(width: Int, height: Int, options: RenderOptions) -> RenderedFrame {
        PoolExploreView.render(model, width: width, height: height, options: options)
    }
}
