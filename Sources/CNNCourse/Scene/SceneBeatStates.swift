import CNNSandbox

/// A beat's `mode:` and `stage:`: the view's named states (`ViewState`) the beat needs, read and
/// checked against the view as the earlier beats leave it, then entered.
enum SceneBeatStates {
    /// The names of `node` (a name, or for `mode` a list of names), each entered into `view`; a name
    /// the view does not have (here) is reported with the names that would work.
    static func read(
        _ field: ViewState.Field, _ node: SceneNode, view: inout (any SandboxModel)?, reader: inout SceneReader
    ) -> [String] {
        let what = field == .mode ? "a mode name like im2col, or a list of them" : "a stage name like dL/dX"
        if field == .stage && node.items != nil {
            reader.expected("one stage name like dL/dX", node)
            return []
        }
        var found: [ViewState] = []
        for item in node.items ?? [node] {
            guard let name = reader.text(item, what: what) else { continue }
            guard let model = view else {
                found.append(ViewState(field, name, group: name, holds: { _ in true }, enter: { _ in }))
                continue
            }
            guard let state = state(field, named: name, in: model, at: item, reader: &reader) else { continue }
            if let earlier = found.first(where: { $0.group == state.group }) {
                reader.report(
                    item,
                    "\(item.path): '\(earlier.name)' and '\(state.name)' exclude each other (both are the view's \(state.group)); name one"
                )
                continue
            }
            found.append(state)
            if var shown = view {
                state.enter(&shown)
                view = shown
                if !state.holds(shown) {
                    reader.report(item, "\(item.path): the view could not be put in \(field.rawValue) '\(state.name)'")
                }
            }
        }
        return found.map(\.name)
    }

    /// The state of `model` called `name` (case-insensitive) that exists in it now, or nil (reported).
    private static func state(
        _ field: ViewState.Field, named name: String, in model: any SandboxModel, at node: SceneNode,
        reader: inout SceneReader
    ) -> ViewState? {
        let view = type(of: model)
        let states = view.namedStates(field)
        let plural = "\(field.rawValue)s"
        guard !states.isEmpty else {
            let others = ViewState.Field.allCases.filter { $0 != field && !view.namedStates($0).isEmpty }
            let hint = others.map { other in
                "; its \(other.rawValue)s (\(other.rawValue):) are \(view.namedStates(other).map(\.name).joined(separator: ", "))"
            }.joined()
            reader.report(node, "\(node.path): the \(view.kind.name) view has no \(plural)\(hint)")
            return nil
        }
        guard let state = states.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            reader.report(
                node,
                "\(node.path): the \(view.kind.name) view has no \(field.rawValue) '\(name)'; its \(plural) are \(states.map(\.name).joined(separator: ", "))"
            )
            return nil
        }
        guard state.available(model) else {
            let here = states.filter { $0.available(model) }.map(\.name)
            reader.report(
                node,
                "\(node.path): the \(view.kind.name) view has no \(field.rawValue) '\(state.name)' in the mode it is in here; its \(plural) here are \(here.joined(separator: ", ")) (an earlier mode: changes them)"
            )
            return nil
        }
        return state
    }
}

extension SceneBeat {
    /// Puts `view` in the beat's modes, then its stage (names the loader checked).
    func enterStates(_ view: inout any SandboxModel) {
        let wanted = modes.map { (ViewState.Field.mode, $0) } + (stage.map { [(ViewState.Field.stage, $0)] } ?? [])
        for (field, name) in wanted {
            let states = type(of: view).namedStates(field)
            guard let state = states.first(where: { $0.name.lowercased() == name.lowercased() }) else { continue }
            state.enter(&view)
        }
    }
}
