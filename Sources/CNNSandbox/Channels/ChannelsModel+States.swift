/// The channels view's modes (`convolution` or `separable`, the `m` key) and stages: the one
/// `convolution` stage, or the separable layer's `depthwise` then `pointwise` stage. A stage
/// puts the view at its first step.
extension ChannelsModel: ViewStates {
    public static let states: [ViewState] =
        ChannelsMode.allCases.map { mode in
            .cycled(.mode, mode.rawValue, group: "layer", key: Key.mode) { (model: ChannelsModel) in
                model.setup.mode == mode
            }
        } + ["convolution", "depthwise", "pointwise"].map(stage)

    /// The stage called `name`: available when the current mode has it.
    private static func stage(_ name: String) -> ViewState {
        @Sendable func index(_ model: any SandboxModel) -> Int? {
            (model as? ChannelsModel)?.computation?.stages.firstIndex { $0.name == name }
        }
        return ViewState(
            .stage, name, group: "stage", available: { index($0) != nil },
            holds: { model in
                guard let model = model as? ChannelsModel, let stage = model.position?.stage else { return false }
                return model.computation?.stages[stage].name == name
            },
            enter: { model in
                guard var typed = model as? ChannelsModel, let stage = index(typed),
                    let computation = typed.computation,
                    typed.position?.stage != stage
                else { return }
                typed.player.go(to: computation.step(stage: stage, channel: 0, row: 0, column: 0))
                model = typed
            })
    }
}
