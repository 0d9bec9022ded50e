import CNNCore

extension TransposeModel: SandboxModel {
    public static let kind = ViewKind(
        name: "transpose", title: "transposed convolution",
        summary: "transposed convolution as zero insertion and as scattered kernels")
    public static let settings: [SettingName] = [
        .input, .kernel, .stride, .padding, .dilation, .preset, .fill, .seed, .outputPadding, .values, .weights,
    ]
    public static let keyMap = SandboxKeys.rowStepping(
        [
            KeyBinding(
                "t", [.viewKey(modeKey)], help: "picture: scattered kernels / zero insertion", hint: "t picture"
            ).named(["picture"]),
            KeyBinding(
                [.character(outputPaddingDownKey), .character(outputPaddingUpKey)],
                [.viewKey(outputPaddingDownKey), .viewKey(outputPaddingUpKey)], help: "output_padding − / +"
            ).named(["output-padding-down", "output-padding-up"]),
        ], dropping: ["o"])
    public static let valueLayout = ValueLayout.grid

    /// Builds the sandbox from the flags; refuses what the core refuses.
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        self.init(setup: TransposeSetup(configuration: configuration), playing: playing, speed: speed)
        if case .failure(let error) = result { throw error }
    }

    public var mainOutput: ViewOutput? { computation.map { ViewOutput($0.output) } }

    /// In the zero-insertion picture each step computes one output cell; the scatter picture's
    /// steps scatter input cells.
    public func stepValue(_ step: Int) -> Double? {
        guard step >= 0 && step < player.stepCount, mode == .zeroInsertion, let computation else { return nil }
        return computation.output.data[step]
    }

    public var stepValueRefusal: String? {
        mode == .scatter
            ? "the transpose view's steps scatter input cells, they compute no single output value; state output instead"
            : nil
    }
}
