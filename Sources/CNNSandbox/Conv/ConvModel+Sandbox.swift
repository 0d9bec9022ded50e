import CNNCore

extension ConvModel: SandboxModel {
    public static let kind = ViewKind(
        name: "conv", title: "convolution", summary: "a kernel slides over the input; the dot product is written out")
    public static let settings: [SettingName] = [
        .input, .image, .imageRange, .kernel, .stride, .padding, .dilation, .preset, .fill, .seed, .bias, .activation,
        .values, .weights,
    ]
    public static let keyMap = SandboxKeys.with([
        KeyBinding([.character(zoomKey)], [.viewKey(zoomKey)], help: "picture / numbers (zoom in on the window)")
            .named(["picture"]),
        KeyBinding([.character(codeKey)], [.viewKey(codeKey)], help: "PyTorch code for this setup (T again closes)")
            .named(["pytorch-code"]),
        KeyBinding([.character(activationKey)], [.viewKey(activationKey)], help: "activation: none / ReLU")
            .named(["activation"]),
    ])
    /// The key that switches between the picture and the numeric grid.
    public static let zoomKey: Character = "z"
    /// The key that shows the PyTorch code.
    public static let codeKey: Character = "T"
    public static let valueLayout = ValueLayout.grid

    /// Builds the sandbox from the flags; refuses a geometry the core refuses.
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        // The geometry first: a refusal comes before the input is made.
        _ = try configuration.conv.checkedLayer()
        self.init(setup: configuration.conv, playing: playing, speed: speed)
        fromImage = configuration.imagePath != nil
        activation = configuration.activation
        if case .failure(let error) = result { throw error }
    }

    /// The output as shown: the sums, or their activation (`activation: relu`).
    public var mainOutput: ViewOutput? { computation.map { ViewOutput(activation.apply($0.output)) } }

    public func stepValue(_ step: Int) -> Double? {
        guard step >= 0 && step < player.stepCount else { return nil }
        guard let computation else { return nil }
        let (row, column) = computation.position(ofStep: step)
        return activation.apply(computation.value(row: row, column: column))
    }

    /// The output plane (from its size: a large output is not computed whole for a click).
    public var selectableGrid: (rows: Int, columns: Int)? {
        computation.map { ($0.outputRows, $0.outputColumns) }
    }
}
