import CNNCore

extension ChannelsModel: SandboxModel {
    public static let kind = ViewKind(
        name: "channels", title: "channels",
        summary: "input channels summed into output channels; groups, depthwise separable, 1×1")
    public static let settings: [SettingName] = [
        .input, .image, .imageRange, .kernel, .stride, .padding, .dilation, .preset, .fill, .seed, .bias,
        .inChannels, .outChannels,
        .groups, .values, .weights,
    ]
    public static let keyMap: KeyMap<SandboxCommand> = {
        let shared = SandboxKeys.shared.bindings
        func action(_ key: Character) -> SandboxCommand { .action(.viewKey(key)) }
        func merged(_ bindings: [KeyBinding<SandboxCommand>], label: String, help: String, hint: String? = nil)
            -> KeyBinding<SandboxCommand>
        {
            KeyBinding(bindings.flatMap(\.keys), bindings.flatMap(\.commands), label: label, help: help, hint: hint)
        }
        return KeyMap([
            shared[0], shared[1], shared[2], shared[3],
            KeyBinding(
                [.character(Key.nextOutput), .character(Key.previousOutput)],
                [action(Key.nextOutput), action(Key.previousOutput)], help: "next / previous output channel",
                hint: "n channel"
            ).named(["next-output-channel", "previous-output-channel"]),
            KeyBinding(
                [.character(Key.fewerInputs), .character(Key.moreInputs)],
                [action(Key.fewerInputs), action(Key.moreInputs)], help: "input channels − / +"
            ).named(["in-channels-down", "in-channels-up"]),
            KeyBinding(
                [.character(Key.fewerOutputs), .character(Key.moreOutputs)],
                [action(Key.fewerOutputs), action(Key.moreOutputs)], help: "output channels − / +"
            ).named(["out-channels-down", "out-channels-up"]),
            KeyBinding(
                [.character(Key.groups)], [action(Key.groups)], help: "groups: next divisor of C_in", hint: "g groups"
            ).named(["groups"]),
            KeyBinding(
                [.character(Key.mode)], [action(Key.mode)], help: "mode: convolution / depthwise separable",
                hint: "m mode"
            ).named(["mode"]),
            merged(
                [shared[4], shared[5], shared[7]], label: "s S  p P  d D", help: "stride, padding, dilation − / +"),
            merged([shared[8], shared[9]], label: "k K  i I", help: "kernel size, input size − / +"),
            merged([shared[10], shared[11]], label: "c  r", help: "next kernel preset, new random input"),
            shared[12].hinted(nil), shared[13],
            merged(
                [shared[14], shared[15], shared[16]], label: "v  ?  q", help: "next view, this help, quit",
                hint: "? keys"),
        ])
    }()
    public static let valueLayout = ValueLayout.channels

    /// Builds the sandbox from the flags; refuses what the core refuses.
    public init(configuration: ExploreConfiguration, playing: Bool, speed: Double) throws(CNNError) {
        self.init(setup: ChannelsSetup(configuration: configuration), playing: playing, speed: speed)
        if case .failure(let error) = result { throw error }
    }

    /// The last stage's output channels.
    public var mainOutput: ViewOutput? {
        computation.flatMap { $0.stages.last }.map { ViewOutput($0.output, multiChannel: true) }
    }

    public func stepValue(_ step: Int) -> Double? {
        guard step >= 0 && step < player.stepCount, let computation else { return nil }
        let position = computation.position(ofStep: step)
        return computation.stages[position.stage].value(
            channel: position.channel, row: position.row, column: position.column)
    }
}
