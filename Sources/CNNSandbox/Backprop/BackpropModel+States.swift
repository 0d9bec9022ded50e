/// The backpropagation view's stages: the kernel's gradient `dL/dK` (the view opens on it) and
/// the input's gradient `dL/dX`, the `x` key.
extension BackpropModel: ViewStates {
    public static let states: [ViewState] = [
        .cycled(.stage, "dL/dK", group: "gradient", key: modeKey) { (model: BackpropModel) in model.mode == .weight },
        .cycled(.stage, "dL/dX", group: "gradient", key: modeKey) { (model: BackpropModel) in model.mode == .input },
    ]
}
