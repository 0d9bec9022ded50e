import CNNCore
import CNNSandbox

/// A view's model built from a configuration exactly as its `ExploreView` screen builds it, so
/// a scene can be checked against the core without drawing: its main output, its steps, the
/// value computed at a step. Also hosts a scene in the tutorial player's tests.
public enum SceneViewModel: Hashable, Sendable {
    case conv(ConvModel)
    case pool(PoolModel)
    case stack(StackModel)
    case channels(ChannelsModel)
    case transpose(TransposeModel)
    case matrix(MatrixModel)
    case backprop(BackpropModel)
    case oneD(OneDModel)

    /// Builds a view's model, paused; refuses what the view's screen refuses (the core's message).
    public init(kind: ViewKind, configuration: ExploreConfiguration) throws(CNNError) {
        switch kind {
        case .conv:
            let model = ConvModel(setup: configuration.conv, playing: false)
            if case .failure(let error) = model.result { throw error }
            self = .conv(model)
        case .pool:
            let model = PoolModel(setup: try PoolSetup(configuration: configuration), playing: false)
            if case .failure(let error) = model.result { throw error }
            self = .pool(model)
        case .stack:
            let model = StackModel(setup: try StackSetup(configuration: configuration), playing: false)
            if case .failure(let error) = model.result { throw error }
            if case .failure(let error) = model.dependencies { throw error }
            self = .stack(model)
        case .channels:
            let model = ChannelsModel(setup: ChannelsSetup(configuration: configuration), playing: false)
            if case .failure(let error) = model.result { throw error }
            self = .channels(model)
        case .transpose:
            let model = TransposeModel(setup: TransposeSetup(configuration: configuration), playing: false)
            if case .failure(let error) = model.result { throw error }
            self = .transpose(model)
        case .matrix:
            let model = MatrixModel(configuration: configuration, playing: false)
            if case .failure(let error) = model.result { throw error }
            self = .matrix(model)
        case .backprop:
            let model = BackpropModel(configuration: configuration, playing: false)
            if case .failure(let error) = model.result { throw error }
            self = .backprop(model)
        case .oneD:
            let model = OneDModel(setup: try OneDSetup(configuration: configuration), playing: false)
            if case .failure(let error)? = model.single { throw error }
            if case .failure(let error)? = model.stack { throw error }
            self = .oneD(model)
        }
    }

    /// Playback: the step shown.
    public var player: Player {
        get {
            switch self {
            case .conv(let m): return m.player
            case .pool(let m): return m.player
            case .stack(let m): return m.player
            case .channels(let m): return m.player
            case .transpose(let m): return m.player
            case .matrix(let m): return m.player
            case .backprop(let m): return m.player
            case .oneD(let m): return m.player
            }
        }
        set {
            switch self {
            case .conv(var m):
                m.player = newValue
                self = .conv(m)
            case .pool(var m):
                m.player = newValue
                self = .pool(m)
            case .stack(var m):
                m.player = newValue
                self = .stack(m)
            case .channels(var m):
                m.player = newValue
                self = .channels(m)
            case .transpose(var m):
                m.player = newValue
                self = .transpose(m)
            case .matrix(var m):
                m.player = newValue
                self = .matrix(m)
            case .backprop(var m):
                m.player = newValue
                self = .backprop(m)
            case .oneD(var m):
                m.player = newValue
                self = .oneD(m)
            }
        }
    }

    /// Applies a key or clock action to the model.
    public mutating func apply(_ action: ExploreAction) {
        switch self {
        case .conv(var m):
            m.apply(action)
            self = .conv(m)
        case .pool(var m):
            m.apply(action)
            self = .pool(m)
        case .stack(var m):
            m.apply(action)
            self = .stack(m)
        case .channels(var m):
            m.apply(action)
            self = .channels(m)
        case .transpose(var m):
            m.apply(action)
            self = .transpose(m)
        case .matrix(var m):
            m.apply(action)
            self = .matrix(m)
        case .backprop(var m):
            m.apply(action)
            self = .backprop(m)
        case .oneD(var m):
            m.apply(action)
            self = .oneD(m)
        }
    }

    /// The refusal the view shows in place (after key edits), or nil.
    public var errorMessage: String? {
        switch self {
        case .conv(let m): return m.errorMessage
        case .pool(let m): return m.errorMessage
        case .stack(let m): return m.errorMessage
        case .channels(let m): return m.errorMessage
        case .transpose(let m): return m.errorMessage
        case .matrix(let m): return m.errorMessage
        case .backprop(let m): return m.errorMessage
        case .oneD(let m): return m.errorMessage
        }
    }
}
