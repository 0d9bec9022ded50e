/// The 1-D view's modes: one layer (`single`) or the dilated causal stack (`stack`), the `t` key.
extension OneDModel: ViewStates {
    public static let states: [ViewState] = [
        .cycled(.mode, "single", group: "layers", key: "t") { (model: OneDModel) in !model.setup.stackMode },
        .cycled(.mode, "stack", group: "layers", key: "t") { (model: OneDModel) in model.setup.stackMode },
    ]
}
