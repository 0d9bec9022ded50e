/// The convolution-matrix view's modes: its pictures (`matrix`, `im2col`, `transposed`, the `m`
/// key) and how entries are written (`names` like w₀₀ or `values`, `w`).
extension MatrixModel: ViewStates {
    public static let states: [ViewState] =
        Mode.allCases.map { mode in
            .cycled(.mode, "\(mode)", group: "picture", key: modeKey) { (model: MatrixModel) in model.mode == mode }
        } + [
            .cycled(.mode, "names", group: "entries", key: namesKey) { (model: MatrixModel) in model.showNames },
            .cycled(.mode, "values", group: "entries", key: namesKey) { (model: MatrixModel) in !model.showNames },
        ]
}
