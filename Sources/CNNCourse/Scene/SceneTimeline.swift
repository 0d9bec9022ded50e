import CNNCore
import CNNSandbox

/// Reads a scene's `timeline:` into beats, checking each against the view as the beats before
/// it leave it: steps, play ranges and selected cells must exist, keys must be view keys.
enum SceneTimeline {
    /// The fields a beat takes.
    static let fields = ["say", "step", "play", "speed", "hold", "keys", "do", "mode", "stage", "select"]

    /// The beats of `node`, or the default timeline when there is none: one beat per narration
    /// paragraph, the first also playing every step.
    static func read(_ node: SceneNode?, narration: Int, model: (any SandboxModel)?, reader: inout SceneReader)
        -> [SceneBeat]
    {
        guard let node else {
            let steps = model?.player.stepCount ?? 1
            var beats = [SceneBeat(say: narration > 0 ? 1 : nil, play: 1...steps)]
            if narration > 1 { beats += (2...narration).map { SceneBeat(say: $0) } }
            return beats
        }
        guard let items = node.items, !items.isEmpty else {
            reader.expected("a list of beats (e.g. - say: 1)", node)
            return []
        }
        guard items.count <= SceneLimits.maxBeats else {
            reader.report(
                node,
                "\(node.path): the timeline has \(items.count) beats; a scene may have at most \(SceneLimits.maxBeats)")
            return []
        }
        var view = model
        var beats: [SceneBeat] = []
        for item in items {
            guard let fields = reader.fields(item, known: SceneTimeline.fields, owner: "a beat") else { continue }
            var beat = SceneBeat()
            if let field = fields["say"], let say = reader.wholeNumber(field.value) {
                if (1...max(1, narration)).contains(say) && narration > 0 {
                    beat.say = say
                } else {
                    reader.report(
                        field.value,
                        "\(field.value.path): paragraph \(say) does not exist; the narration has \(narration) paragraph\(narration == 1 ? "" : "s")"
                    )
                }
            }
            if let field = fields["keys"], let keys = reader.text(field.value, what: "view keys like \"m\""),
                keysWithinLimit(keys, field.value, reader: &reader)
            {
                let keyMap = model.map { type(of: $0).keyMap }
                func action(_ key: Character) -> ExploreAction? {
                    guard case .action(let action)? = keyMap?.command(for: .character(key)) else { return nil }
                    return action
                }
                if keyMap != nil, let bad = keys.first(where: { action($0) == nil }) {
                    reader.report(
                        field.value,
                        "\(field.value.path): '\(bad)' is not a key of the \(model.map { type(of: $0).kind.name } ?? "") view; q, v, ? and space belong to the player (see cnnviz explore's ? help for view keys)"
                    )
                } else {
                    beat.keys = keys
                    for key in keys { if let action = action(key) { view?.apply(action) } }
                    if let message = view?.errorMessage {
                        reader.report(
                            field.value, "\(field.value.path): after these keys the core refuses the view: \(message)")
                        view = nil
                    }
                }
            }
            if let field = fields["do"] {
                beat.actions = actions(field.value, view: &view, reader: &reader)
            }
            if let field = fields["mode"] {
                beat.modes = SceneBeatStates.read(.mode, field.value, view: &view, reader: &reader)
            }
            if let field = fields["stage"] {
                beat.stage = SceneBeatStates.read(.stage, field.value, view: &view, reader: &reader).first
            }
            if let field = fields["select"],
                let cell = reader.wholeNumbers(field.value, count: 2, what: "an output cell [row, column]")
            {
                if let grid = view?.selectableGrid, !(0..<grid.rows ~= cell[0] && 0..<grid.columns ~= cell[1]) {
                    reader.report(
                        field.value,
                        "\(field.value.path): cell [\(cell[0]), \(cell[1])] is outside the \(grid.rows)×\(grid.columns) output; rows and columns count from 0"
                    )
                } else {
                    beat.select = (cell[0], cell[1])
                    view?.apply(.selectOutput(row: cell[0], column: cell[1]))
                }
            }
            let steps = view?.player.stepCount ?? Int.max
            if let field = fields["step"], let step = reader.wholeNumber(field.value) {
                if (1...steps).contains(step) {
                    beat.step = step
                    view?.player.go(to: step - 1)
                } else {
                    reader.report(
                        field.value, "\(field.value.path): step \(step) is outside 1…\(steps), the view's steps here")
                }
            }
            if let field = fields["play"],
                let range = reader.wholeNumbers(field.value, count: 2, what: "a range of steps [first, last]")
            {
                if range[0] >= 1 && range[0] <= range[1] && range[1] <= steps {
                    beat.play = range[0]...range[1]
                    view?.player.go(to: range[1] - 1)
                } else {
                    reader.report(
                        field.value,
                        "\(field.value.path): [\(range[0]), \(range[1])] is not a range of steps within 1…\(steps) (first ≤ last)"
                    )
                }
            }
            if let field = fields["speed"],
                let speed = reader.number(field.value, in: SceneLimits.speeds, unit: "steps per second")
            {
                beat.speed = speed
            }
            if let field = fields["hold"], let hold = reader.number(field.value, in: SceneLimits.holds, unit: "seconds")
            {
                beat.hold = hold
            }
            beats.append(beat)
        }
        return beats
    }

    /// The view actions a beat's `do:` names (one name or a list), applied to `view`; a name the
    /// view's tutorial keys do not have is reported with the names it has.
    private static func actions(_ node: SceneNode, view: inout (any SandboxModel)?, reader: inout SceneReader)
        -> [ExploreAction]
    {
        let items = node.items ?? [node]
        var found: [ExploreAction] = []
        for item in items {
            guard let name = reader.text(item, what: "an action name like gradient or picture") else { continue }
            guard let model = view else { continue }
            let keys = TutorialKeys.context(for: type(of: model))
            let viewNames = keys.bindings.flatMap { binding in
                binding.keys.indices.compactMap { index -> String? in
                    guard case .view = binding.commands[index] else { return nil }
                    return binding.actionName(at: index)
                }
            }
            guard let key = keys.key(forAction: name), case .view(let action)? = keys.command(for: key) else {
                reader.report(
                    item,
                    "\(item.path): the \(type(of: model).kind.name) view has no action '\(name)'; it has \(viewNames.joined(separator: ", "))"
                )
                continue
            }
            found.append(action)
            view?.apply(action)
            if let message = view?.errorMessage {
                reader.report(item, "\(item.path): after this action the core refuses the view: \(message)")
                view = nil
            }
        }
        return found
    }

    /// Whether a beat's keys are few enough to replay (reported when not).
    private static func keysWithinLimit(_ keys: String, _ node: SceneNode, reader: inout SceneReader) -> Bool {
        guard keys.count > SceneLimits.maxKeysPerBeat else { return true }
        reader.report(
            node,
            "\(node.path): \(keys.count) keys; a beat may send at most \(SceneLimits.maxKeysPerBeat) (split them over several beats)"
        )
        return false
    }
}
