import CNNSandbox

/// One scene of the course: a view set up as a lesson needs it, the narration read beside it,
/// and a timeline of beats that steps the view and reveals the narration paragraph by paragraph.
/// Built by `SceneLoader` from a YAML file (format: Scenes/README.md); every stated expectation
/// was checked against the core when it loaded.
public struct Scene: Sendable {
    /// The file it came from, as named to the loader (e.g. `Scenes/03-stride.yaml`).
    public let file: String
    /// A one-line title.
    public let title: String
    /// The course topic (1…22) the scene teaches.
    public let topic: Int
    /// The view that shows it.
    public let view: any SandboxModel.Type
    /// The view's settings: the same as the `explore` flags, plus explicit values.
    public let configuration: ExploreConfiguration
    /// Short paragraphs of plain text.
    public let narration: [String]
    /// The beats, in order (at least one).
    public let beats: [SceneBeat]
    /// How many expectations the scene states (all were checked against the core).
    public let expectationCount: Int
    /// What each paragraph names that must be on screen when it is read (`SceneReferent`).
    public let referents: [[SceneReferent]]
    /// What the last beat must show: the whole output, when the scene states `expect.output`.
    public let finalReferents: [SceneReferent]

    /// Creates a scene; `SceneLoader` is the usual way.
    public init(
        file: String, title: String, topic: Int, view: any SandboxModel.Type, configuration: ExploreConfiguration,
        narration: [String], beats: [SceneBeat], expectationCount: Int = 0, referents: [[SceneReferent]] = [],
        finalReferents: [SceneReferent] = []
    ) {
        self.file = file
        self.title = title
        self.topic = topic
        self.view = view
        self.configuration = configuration
        self.narration = narration
        self.beats = beats.isEmpty ? [SceneBeat(say: 1)] : beats
        self.expectationCount = expectationCount
        self.referents = referents
        self.finalReferents = finalReferents
    }

    /// What the screen must show at a beat (0-based): the cells named by the paragraphs this beat
    /// reveals, and the cell it selects.
    public func referents(atBeat beat: Int) -> [SceneReferent] {
        guard beats.indices.contains(beat) else { return [] }
        let before = beat == 0 ? 0 : paragraphsShown(atBeat: beat - 1)
        let revealed = before < paragraphsShown(atBeat: beat) ? before..<paragraphsShown(atBeat: beat) : 0..<0
        var found = revealed.flatMap { referents.indices.contains($0) ? referents[$0] : [] }
        if let cell = beats[beat].select { found.append(.outputCell(channel: nil, row: cell.row, column: cell.column)) }
        if beat == beats.count - 1 { found += finalReferents }
        return found
    }

    /// The topics a course must cover, 1…22.
    public static let topics = 1...22

    /// How many narration paragraphs are shown at a beat (0-based): paragraphs accumulate
    /// up to the last `say` at or before it.
    public func paragraphsShown(atBeat beat: Int) -> Int {
        let last = beats.prefix(max(0, min(beat, beats.count - 1)) + 1).compactMap(\.say).last ?? 0
        return min(max(0, last), narration.count)
    }
}

extension Scene: Hashable {
    public static func == (a: Scene, b: Scene) -> Bool {
        a.file == b.file && a.title == b.title && a.topic == b.topic && a.view.kind == b.view.kind
            && a.configuration == b.configuration && a.narration == b.narration && a.beats == b.beats
            && a.expectationCount == b.expectationCount
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(file)
        hasher.combine(view.kind)
        hasher.combine(narration)
    }
}
