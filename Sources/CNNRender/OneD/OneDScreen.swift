import CNNCore
import CNNSandbox

/// The 1-D view as an `ExploreView`: `cnnviz explore --view 1d`.
public struct OneDExploreScreen: ModelBackedView {
    public static let kind = ViewKind.oneD
    /// The sandbox state.
    public var model: OneDModel

    /// Builds the sandbox from the flags; refuses settings the core refuses.
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        model = OneDModel(setup: try OneDSetup(configuration: configuration), playing: playing, speed: speed)
        if case .failure(let error)? = model.single { throw error }
        if case .failure(let error)? = model.stack { throw error }
    }

    public func render(width: Int, height: Int, options: RenderOptions) -> RenderedFrame {
        OneDView.render(model, width: width, height: height, options: options)
    }
}
