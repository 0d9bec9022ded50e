import CNNCore

extension PoolModel: SandboxModel {
    public static let kind = ViewKind(
        name: "pool", title: "pooling", summary: "max and average pooling windows; global and k-max pooling")
    public static let settings: [SettingName] = [
        .input, .image, .imageRange, .kernel, .stride, .padding, .dilation, .fill, .seed, .pool, .ceilMode,
        .excludePad, .values,
    ]
    public static let keyMap = SandboxKeys.shared.removing(["o", "c"])
        .describing("k K", as: "window size − / + (k-max: k)")
        .inserting(
            [
                KeyBinding("m", [.action(.viewKey("m"))], help: "max / average pooling").named(["pool-kind"]),
                KeyBinding("e", [.action(.viewKey("e"))], help: "ceil_mode on / off").named(["ceil-mode"]),
                KeyBinding("n", [.action(.viewKey("n"))], help: "count_include_pad on / off (average)").named([
                    "include-pad"
                ]),
                KeyBinding("g", [.action(.viewKey("g"))], help: "window → global → k-max").named(["global-pool"]),
                KeyBinding("xX", [.action(.viewKey("x")), .action(.viewKey("X"))], help: "k − / + (k-max)").named([
                    "kmax-down", "kmax-up",
                ]),
                KeyBinding(
                    [.character(ConvModel.zoomKey)], [.action(.viewKey(ConvModel.zoomKey))],
                    help: "picture / numbers (an image)"
                ).named(["picture"]),
            ], before: "")
    public static let valueLayout = ValueLayout.gridWithoutWeights

    /// Builds the sandbox from the flags (stride defaults to the window); refuses what the core refuses.
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        let setup = try PoolSetup(configuration: configuration)
        // The window's geometry first: a refusal comes before the input is made.
        if setup.mode == .window {
            let layer = try PoolLayer(
                kind: setup.kind, inputShape: [1, 1, setup.inputRows, setup.inputColumns],
                parameters: setup.parameters)
            try PoolComputation.checkBounds(layer)
        }
        self.init(setup: setup, playing: playing, speed: speed)
        fromImage = configuration.imagePath != nil
        if case .failure(let error) = result { throw error }
    }

    public var mainOutput: ViewOutput? { computation.map { ViewOutput($0.output) } }

    public func stepValue(_ step: Int) -> Double? {
        guard step >= 0 && step < player.stepCount else { return nil }
        guard let computation else { return nil }
        let (row, column) = computation.position(ofStep: step)
        return computation.value(row: row, column: column)
    }

    /// The output plane (from its size: a large output is not computed whole for a click).
    public var selectableGrid: (rows: Int, columns: Int)? {
        computation.map { ($0.outputRows, $0.outputColumns) }
    }
}
