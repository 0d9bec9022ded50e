import CNNCore
import CNNSandbox

/// One view of the sandbox: a model that takes actions and draws itself. The CLI hosts any
/// view through this protocol; `v` swaps in the next one.
public protocol ExploreView: Sendable {
    /// Which view this is.
    static var kind: ViewKind { get }
    /// Builds the view from the flags; refuses settings the core refuses (before the screen opens).
    init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError)
    /// Playback: the step shown, playing or paused, speed.
    var player: Player { get set }
    /// Whether the key overlay is shown.
    var showHelp: Bool { get set }
    /// Applies a key, click or clock action; views ignore actions that do not concern them.
    mutating func apply(_ action: ExploreAction)
    /// Applies a click on a hit region's target. The default maps `.outputCell` to
    /// `.selectOutput`; views with other targets (e.g. the stack view's cells) override it.
    mutating func click(_ target: HitTarget)
    /// Draws the current step.
    func render(width: Int, height: Int, options: RenderOptions) -> RenderedFrame
}

extension ExploreView {
    /// Clicks on output cells select them; other targets are ignored.
    public mutating func click(_ target: HitTarget) {
        if case .outputCell(let row, let column) = target { apply(.selectOutput(row: row, column: column)) }
    }
}

/// Builds views by kind.
public enum ExploreViews {
    /// The view types, by kind.
    public static let types: [ViewKind: any ExploreView.Type] = [
        .conv: ConvExploreScreen.self,
        .pool: PoolExploreScreen.self,
        .stack: StackExploreScreen.self,
        .channels: ChannelsExploreScreen.self,
        .transpose: TransposeExploreScreen.self,
        .matrix: MatrixExploreScreen.self,
        .backprop: BackpropExploreScreen.self,
        .oneD: OneDExploreScreen.self,
    ]

    /// A view of a kind built from the flags.
    public static func make(
        _ kind: ViewKind, configuration: ExploreConfiguration, playing: Bool = true, speed: Double = 2
    ) throws(CNNError) -> any ExploreView {
        guard let type = types[kind] else {
            throw .invalidQuery("the \(kind.rawValue) view is not available")
        }
        return try type.init(configuration: configuration, playing: playing, speed: speed)
    }
}

/// The convolution view as an `ExploreView`.
public struct ConvExploreScreen: ModelBackedView {
    public static let kind = ViewKind.conv
    /// The sandbox state.
    public var model: ConvModel

    /// Builds the sandbox; refuses a geometry the core refuses.
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        model = ConvModel(setup: configuration.conv, playing: playing, speed: speed)
        if case .failure(let error) = model.result { throw error }
    }

    public func render(width: Int, height: Int, options: RenderOptions) -> RenderedFrame {
        ConvView.render(model, width: width, height: height, options: options)
    }
}

/// A view whose whole state is one model: playback, help and actions go to the model, so
/// each view only says how it is built and how it draws.
public protocol ModelBackedView: ExploreView {
    associatedtype Model: SandboxModel
    /// The view's state.
    var model: Model { get set }
}

extension ModelBackedView {
    public var player: Player {
        get { model.player }
        set { model.player = newValue }
    }

    public var showHelp: Bool {
        get { model.showHelp }
        set { model.showHelp = newValue }
    }

    public mutating func apply(_ action: ExploreAction) { model.apply(action) }
}
