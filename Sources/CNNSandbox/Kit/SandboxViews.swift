import CNNCore

/// The list of the sandbox's views, in the order `v` cycles them. Adding a view is one entry here
/// and one in the renderer's `ViewRenderers.all`; a test fails when either is missing.
public enum SandboxViews {
    /// Every view model, in cycling order.
    public static let all: [any SandboxModel.Type] = [
        ConvModel.self,
        PoolModel.self,
        StackModel.self,
        ChannelsModel.self,
        TransposeModel.self,
        MatrixModel.self,
        BackpropModel.self,
        OneDModel.self,
    ]

    /// The views' names, in order.
    public static var names: [String] { all.map { $0.kind.name } }

    /// The model of the view called `name` (case-insensitive), or nil.
    public static func model(named name: String) -> (any SandboxModel.Type)? {
        all.first { $0.kind.name == name.lowercased() }
    }

    /// The view after `model` in cycling order, wrapping around.
    public static func next(after model: any SandboxModel.Type) -> any SandboxModel.Type {
        let index = all.firstIndex { $0.kind == model.kind } ?? 0
        return all[(index + 1) % all.count]
    }

    /// Builds the view called `name` from a configuration.
    public static func make(
        _ model: any SandboxModel.Type, configuration: ExploreConfiguration, playing: Bool = true, speed: Double = 2
    ) throws(CNNError) -> any SandboxModel {
        try model.init(configuration: configuration, playing: playing, speed: speed)
    }
}
