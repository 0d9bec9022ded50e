import CNNCore

/// A view's model built from a configuration exactly as its `ExploreView` screen builds it, so
/// a scene can be checked against the core without drawing: its main output, its steps, the
/// value computed at a step. Also hosts a scene in the tutorial player's tests.
public enum SceneViewModel: Hashable, Sendable {
    case conv(ConvExploreModel)
    case pool(PoolExploreModel)
    case stack(StackExploreModel)
    case channels(ChannelsExploreModel)
    case transpose(TransposeExploreModel)
    case matrix(MatrixExploreModel)
    case backprop(BackpropExploreModel)
    case oneD(OneDExploreModel)

    /// Builds a view's model, paused; refuses what the view's screen refuses (the core's message).
    public init(kind: ExploreViewKind, configuration: ExploreConfiguration) throws(CNNError) {
        switch kind {
        case .conv:
            let model = ConvExploreModel(setup: configuration.conv, playing: false)
            if case .failure(let error) = model.result { throw error }
            self = .conv(model)
        case .pool:
            let model = PoolExploreModel(setup: try PoolSetup(configuration: configuration), playing: false)
            if case .failure(let error) = model.result { throw error }
            self = .pool(model)
        case .stack:
            let model = StackExploreModel(setup: try StackSetup(configuration: configuration), playing: false)
            if case .failure(let error) = model.result { throw error }
            if case .failure(let error) = model.dependencies { throw error }
            self = .stack(model)
        case .channels:
            let model = ChannelsExploreModel(setup: ChannelsSetup(configuration: configuration), playing: false)
            if case .failure(let error) = model.result { throw error }
            self = .channels(model)
        case .transpose:
            let model = TransposeExploreModel(setup: TransposeSetup(configuration: configuration), playing: false)
            if case .failure(let error) = model.result { throw error }
            self = .transpose(model)
        case .matrix:
            let model = MatrixExploreModel(configuration: configuration, playing: false)
            if case .failure(let error) = model.result { throw error }
            self = .matrix(model)
        case .backprop:
            let model = BackpropExploreModel(configuration: configuration, playing: false)
            if case .failure(let error) = model.result { throw error }
            self = .backprop(model)
        case .oneD:
            let model = OneDExploreModel(setup: try OneDSetup(configuration: configuration), playing: false)
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
