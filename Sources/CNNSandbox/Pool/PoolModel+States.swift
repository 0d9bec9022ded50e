import CNNCore

/// The pooling view's modes: what it pools over (`window`, `global`, `k-max`, the `g` key) and
/// how (`max`, `average`, `m`).
extension PoolModel: ViewStates {
    public static let states: [ViewState] =
        PoolMode.allCases.map { mode in
            .cycled(.mode, mode.rawValue, group: "pooling", key: "g") { (model: PoolModel) in model.setup.mode == mode }
        } + [
            .cycled(.mode, "max", group: "kind", key: "m") { (model: PoolModel) in model.setup.kind == .max },
            .cycled(.mode, "average", group: "kind", key: "m") { (model: PoolModel) in model.setup.kind == .average },
        ]
}
