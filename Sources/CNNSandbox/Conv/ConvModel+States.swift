import CNNCore

/// The convolution view's modes: the drawing (`numbers` or `picture`, the `z` key), the PyTorch
/// code over the view (`code` / `no-code`, `T`) and the activation (`linear` / `relu`, `a`).
extension ConvModel: ViewStates {
    public static let states: [ViewState] = [
        .cycled(.mode, "numbers", group: "drawing", key: zoomKey) { (model: ConvModel) in !model.drawsPicture },
        .cycled(.mode, "picture", group: "drawing", key: zoomKey) { (model: ConvModel) in model.drawsPicture },
        .cycled(.mode, "code", group: "code", key: codeKey) { (model: ConvModel) in model.showCode },
        .cycled(.mode, "no-code", group: "code", key: codeKey) { (model: ConvModel) in !model.showCode },
        .cycled(.mode, "linear", group: "activation", key: activationKey) { (model: ConvModel) in
            model.activation == .none
        },
        .cycled(.mode, "relu", group: "activation", key: activationKey) { (model: ConvModel) in
            model.activation == .relu
        },
    ]

    /// Whether the view draws pictures: an image, or an input larger than numbers are drawn for
    /// (`ConvSetup.maximumInputSide`), unless `z` switched to the other drawing.
    public var drawsPicture: Bool {
        let tooLarge = max(setup.inputRows, setup.inputColumns) > ConvSetup.maximumInputSide
        return (fromImage || tooLarge) != pictureToggled
    }
}
