import CNNCore

extension BackpropModel: SandboxModel {
    public static let kind = ViewKind(
        name: "backprop", title: "backpropagation", summary: "gradients: dL/dK and dL/dX as sliding sums")
    public static let settings: [SettingName] = [
        .input, .kernel, .stride, .padding, .dilation, .preset, .fill, .seed, .values, .weights,
    ]
    public static let keyMap = SandboxKeys.rowStepping([
        KeyBinding([.character(modeKey)], [.viewKey(modeKey)], help: "gradient: dL/dK or dL/dX").named(["gradient"]),
        KeyBinding([.character(rerollKey)], [.viewKey(rerollKey)], help: "new upstream gradient dL/dY").named([
            "new-upstream"
        ]),
    ])
    public static let valueLayout = ValueLayout.grid

    /// Builds the sandbox from the flags; refuses what the core refuses.
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        self.init(from: configuration, playing: playing, speed: speed)
        if case .failure(let error) = result { throw error }
    }

    /// The gradient shown: dL/dK or dL/dX.
    public var mainOutput: ViewOutput? {
        guard let computation else { return nil }
        return ViewOutput(mode == .weight ? computation.gradients.weight : computation.gradients.input)
    }

    public func stepValue(_ step: Int) -> Double? {
        guard step >= 0 && step < player.stepCount, let computation else { return nil }
        return (mode == .weight ? computation.gradients.weight : computation.gradients.input).data[step]
    }
}
