import CNNCore

extension MatrixModel: SandboxModel {
    public static let kind = ViewKind(
        name: "matrix", title: "convolution as a matrix", summary: "the convolution as a sparse matrix; im2col")
    public static let settings: [SettingName] = [
        .input, .kernel, .stride, .padding, .dilation, .preset, .fill, .seed, .values, .weights,
    ]
    public static let keyMap = SandboxKeys.rowStepping([
        KeyBinding(
            [.character(modeKey)], [.viewKey(modeKey)], help: "picture: matrix, im2col, transposed", hint: "m picture"
        ).named(["picture"]),
        KeyBinding(
            [.character(namesKey)], [.viewKey(namesKey)], help: "entries as names (w₀₀) or values", hint: "w names"
        ).named(["names"]),
    ])
    public static let valueLayout = ValueLayout.grid

    /// Builds the sandbox; refuses settings the core refuses (a matrix too large to draw is
    /// shown in place instead).
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        self.init(from: configuration, playing: playing, speed: speed)
        if sizeRefusal == nil, case .failure(let error) = result { throw error }
    }

    public var mainOutput: ViewOutput? { computation.map { ViewOutput($0.output) } }

    public func stepValue(_ step: Int) -> Double? {
        guard step >= 0 && step < player.stepCount else { return nil }
        return computation?.output.data[step]
    }
}
