/// A named state of a view that a scene's beat can ask for: a mode (`mode: im2col`, the picture
/// or drawing the view shows) or a stage (`stage: dL/dX`, the part of the computation it steps
/// through). The names are the view's own; states of one `group` exclude each other (a matrix
/// view shows the matrix, im2col or the transpose, never two). The tutorial puts the view in the
/// state when a beat starts, and the scene checker refuses a name the view does not have.
public struct ViewState: Sendable {
    /// The beat field that names the state.
    public enum Field: String, CaseIterable, Hashable, Sendable {
        /// `mode:`: a picture, drawing or overlay of the view.
        case mode
        /// `stage:`: a part of the view's timeline.
        case stage
    }

    /// `mode` or `stage`.
    public let field: Field
    /// The state's name as a scene writes it (`im2col`, `dL/dX`).
    public let name: String
    /// The states of one group exclude each other (e.g. `picture` for the matrix view's pictures).
    public let group: String
    /// Whether the state exists in the view as it is now (a stage of another mode does not).
    public let available: @Sendable (any SandboxModel) -> Bool
    /// Whether the view is in this state now.
    public let holds: @Sendable (any SandboxModel) -> Bool
    /// Puts the view in this state; nothing changes when it already is.
    public let enter: @Sendable (inout any SandboxModel) -> Void

    /// Creates a state from its test and its way in.
    public init(
        _ field: Field, _ name: String, group: String,
        available: @escaping @Sendable (any SandboxModel) -> Bool = { _ in true },
        holds: @escaping @Sendable (any SandboxModel) -> Bool,
        enter: @escaping @Sendable (inout any SandboxModel) -> Void
    ) {
        self.field = field
        self.name = name
        self.group = group
        self.available = available
        self.holds = holds
        self.enter = enter
    }

    /// A state reached by pressing one of the view's own keys until it holds: the key cycles
    /// the group's states, so at most `limit` presses are tried.
    public static func cycled<Model: SandboxModel>(
        _ field: Field, _ name: String, group: String, key: Character, limit: Int = 4,
        holds: @escaping @Sendable (Model) -> Bool
    ) -> ViewState {
        ViewState(
            field, name, group: group,
            holds: { model in (model as? Model).map(holds) ?? false },
            enter: { model in
                guard var typed = model as? Model else { return }
                for _ in 0..<limit where !holds(typed) { typed.apply(.viewKey(key)) }
                model = typed
            })
    }
}

/// A view that has named modes or stages (`ViewState`); views without any do not conform.
public protocol ViewStates {
    /// Every named state of the view, modes first, in the order messages list them.
    static var states: [ViewState] { get }
}

extension SandboxModel {
    /// The view's named modes and stages (none for a view that has none).
    public static var namedStates: [ViewState] { (Self.self as? any ViewStates.Type)?.states ?? [] }

    /// The named states of one field (`mode` or `stage`).
    public static func namedStates(_ field: ViewState.Field) -> [ViewState] {
        namedStates.filter { $0.field == field }
    }
}
