/// The transposed convolution view's modes: its two pictures, `scatter` (scaled kernels added
/// into the output) and `zero-insertion` (a stride-1 convolution with the flipped kernel), the `t` key.
extension TransposeModel: ViewStates {
    public static let states: [ViewState] = [
        .cycled(.mode, "scatter", group: "picture", key: modeKey) { (model: TransposeModel) in model.mode == .scatter },
        .cycled(.mode, "zero-insertion", group: "picture", key: modeKey) { (model: TransposeModel) in
            model.mode == .zeroInsertion
        },
    ]
}
