import CNNCore

extension ConvModel: SandboxModel {
    public static let kind = ViewKind(
        name: "conv", title: "convolution", summary: "a kernel slides over the input; the dot product is written out")
    public static let settings: [SettingName] = [
        .input, .kernel, .stride, .padding, .dilation, .preset, .fill, .seed, .bias, .values, .weights,
    ]
    public static let keyMap = SandboxKeys.shared
    public static let valueLayout = ValueLayout.grid

    /// Builds the sandbox from the flags; refuses a geometry the core refuses.
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        self.init(setup: configuration.conv, playing: playing, speed: speed)
        if case .failure(let error) = result { throw error }
    }

    public var mainOutput: ViewOutput? { computation.map { ViewOutput($0.output) } }

    public func stepValue(_ step: Int) -> Double? {
        guard step >= 0 && step < player.stepCount else { return nil }
        return computation?.output.data[step]
    }
}
