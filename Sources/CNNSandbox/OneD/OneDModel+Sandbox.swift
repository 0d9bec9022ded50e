import CNNCore

extension OneDModel: SandboxModel {
    public static let kind = ViewKind(
        name: "1d", title: "1-D convolution",
        summary: "1-D signals; causal padding; dilated stacks that double the receptive field")
    public static let settings: [SettingName] = [
        .input, .kernel, .stride, .padding, .dilation, .preset, .fill, .seed, .bias, .layers, .causal, .values,
        .weights,
    ]
    public static let keyMap = SandboxKeys.shared
        .describing("p P", as: "padding − / + (turns causal off)")
        .describing("k K", as: "kernel size − / + (stack: every layer)")
        .describing("i I", as: "signal length − / +")
        .inserting(
            [
                KeyBinding("a", [.action(.viewKey("a"))], help: "causal padding on / off").named(["causal"]),
                KeyBinding("t", [.action(.viewKey("t"))], help: "single layer / dilated causal stack").named(["stack"]),
                KeyBinding(
                    "nN", [.action(.viewKey("n")), .action(.viewKey("N"))], help: "fewer / more layers (stack)"
                ).named(["layers-down", "layers-up"]),
            ], before: "")
    public static let valueLayout = ValueLayout.signal

    /// Builds the sandbox from the flags; refuses settings the core refuses.
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        self.init(setup: try OneDSetup(configuration: configuration), playing: playing, speed: speed)
        if case .failure(let error)? = single { throw error }
        if case .failure(let error)? = stack { throw error }
    }

    /// The single layer's output, or the stack's last level.
    public var mainOutput: ViewOutput? {
        if let stack = stackComputation { return ViewOutput(stack.levels[stack.depth]) }
        return computation.map { ViewOutput($0.output) }
    }

    public func stepValue(_ step: Int) -> Double? {
        guard step >= 0 && step < player.stepCount else { return nil }
        if let stack = stackComputation { return stack.value(level: stack.depth, position: step) }
        return computation?.output.data[step]
    }
}
