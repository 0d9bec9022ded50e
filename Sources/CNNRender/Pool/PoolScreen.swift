import CNNCore
import CNNSandbox

/// The pooling view as an `ExploreView`: `cnnviz explore --view pool`.
public struct PoolExploreScreen: ModelBackedView {
    public static let kind = ViewKind.pool
    /// The sandbox state.
    public var model: PoolModel

    /// Builds the sandbox from the flags; refuses a geometry the core refuses.
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        model = PoolModel(setup: try PoolSetup(configuration: configuration), playing: playing, speed: speed)
        if case .failure(let error) = model.result { throw error }
    }

    public func render(width: Int, height: Int, options: RenderOptions) -> RenderedFrame {
        PoolView.render(model, width: width, height: height, options: options)
    }
}
