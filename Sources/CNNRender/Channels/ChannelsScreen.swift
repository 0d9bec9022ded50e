import CNNCore
import CNNSandbox

/// The channels view as an `ExploreView` (`cnnviz explore --view channels`).
public struct ChannelsExploreScreen: ModelBackedView {
    public static let kind = ViewKind.channels
    /// The sandbox state.
    public var model: ChannelsModel

    /// Builds the view from `--in-channels`, `--out-channels`, `--groups` and the geometry flags
    /// (default: the lecture notes' two-channel example); refuses what the core refuses.
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        model = ChannelsModel(setup: ChannelsSetup(configuration: configuration), playing: playing, speed: speed)
        if case .failure(let error) = model.result { throw error }
    }

    public func render(width: Int, height: Int, options: RenderOptions) -> RenderedFrame {
        ChannelsView.render(model, width: width, height: height, options: options)
    }
}
