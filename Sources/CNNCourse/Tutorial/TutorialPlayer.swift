import CNNCore
import CNNSandbox

/// The tutorial's state, pure: which scene and beat are shown, the view as that beat leaves it,
/// autoplay, and the presenter's overlays (scene list, help, blank screen). Keys and clock
/// events are its only inputs, so the same sequence always gives the same screens.
///
/// The view of a beat is rebuilt from the scene's configuration with every earlier beat applied
/// (finished), then the beat itself is entered; a `play` beat then animates one step per timer
/// event. `TutorialKeyHelp` lists what each key does.
public struct TutorialPlayer: Sendable {
    /// Builds a scene's view (paused, at step 1), or returns the core's refusal.
    public typealias Builder = @Sendable (Scene) -> Result<any SandboxModel, CNNError>

    /// The course, in play order (never empty).
    public let scenes: [Scene]
    private let build: Builder
    /// The scene shown, `0..<scenes.count`.
    public private(set) var sceneIndex = 0
    /// The beat shown, `0..<scene.beats.count`.
    public private(set) var beatIndex = 0
    /// The view as the beats up to the current one leave it; nil when it could not be built.
    public private(set) var view: (any SandboxModel)?
    /// Why the view could not be built (the core's message).
    public private(set) var viewError: String?
    /// Whether beats advance on their own after their hold (space toggles it).
    public private(set) var autoplay: Bool
    /// Seconds a beat holds when autoplaying and the beat names no `hold` (`--autoplay`); it
    /// also sets the pace of every hold (`TutorialPacing.holdSeconds`, scaled by it / 4 s).
    public let defaultHold: Double
    /// Steps per second of the animation running now (the beat's pace; `+` `-` change it).
    public private(set) var animationSpeed = SceneBeat.defaultSpeed
    /// The last step (0-based) of the `play` beat animating now; nil when nothing animates.
    public private(set) var animationEnd: Int?
    /// Whether the screen is blanked (`b`; any key returns).
    public private(set) var blanked = false
    /// Whether the key help is shown (`?`; any key closes it).
    public private(set) var showHelp = false
    /// The highlighted entry of the scene list while it is open (`g`).
    public private(set) var listCursor: Int?
    /// A first digit waiting for a second one (scenes 10 and up).
    public private(set) var pendingDigit: Int?
    /// Whether the user asked to quit.
    public private(set) var finished = false

    /// Seconds a first digit waits for a second one.
    public static var digitWindow: Double { 1.0 }

    /// Starts at scene 1, beat 1; nil when there are no scenes.
    public init?(
        scenes: [Scene], autoplay: Bool = false, hold: Double = SceneBeat.defaultHold,
        build: @escaping Builder = TutorialPlayer.buildView
    ) {
        guard !scenes.isEmpty else { return nil }
        self.scenes = scenes
        self.build = build
        self.autoplay = autoplay
        self.defaultHold = hold
        rebuild()
    }

    /// The scene shown.
    public var scene: Scene { scenes[sceneIndex] }

    /// The beat shown.
    public var beat: SceneBeat { scene.beats[beatIndex] }

    /// How many narration paragraphs are shown (the newest is the last).
    public var paragraphsShown: Int { scene.paragraphsShown(atBeat: beatIndex) }

    /// Whether a `play` beat is animating.
    public var isAnimating: Bool { animationEnd != nil }

    /// Whether the last beat of the last scene is shown.
    public var atCourseEnd: Bool { sceneIndex == scenes.count - 1 && beatIndex == scene.beats.count - 1 }

    /// How long until the next clock event and what it is; nil when nothing is due. Nothing
    /// moves while the screen is blanked or an overlay is open.
    public var timer: (seconds: Double, kind: TutorialTimer)? {
        var candidates: [(seconds: Double, kind: TutorialTimer)] = []
        if pendingDigit != nil { candidates.append((TutorialPlayer.digitWindow, .digitWindow)) }
        if !blanked && !showHelp && listCursor == nil {
            if isAnimating {
                candidates.append((1 / animationSpeed, .animationStep))
            } else if let view, view.player.playing {
                candidates.append((1 / view.player.speed, .viewTick))
            } else if autoplay && !atCourseEnd {
                candidates.append((holdSeconds, .hold))
            }
        }
        return candidates.min { $0.seconds < $1.seconds }
    }

    /// Seconds autoplay holds the current beat after its animation (`TutorialPacing`).
    public var holdSeconds: Double {
        TutorialPacing.holdSeconds(scene, beat: beatIndex, pace: defaultHold / SceneBeat.defaultHold)
    }

    /// The keys of the scene shown: the lesson's and its view's (`TutorialKeys.context`).
    public var keys: KeyMap<TutorialCommand> {
        guard let view else { return TutorialKeys.lesson }
        return TutorialKeys.context(for: type(of: view))
    }

    // MARK: Input

    /// The clock: the event `timer` announced is due.
    public mutating func timerFired() {
        guard let kind = timer?.kind else { return }
        switch kind {
        case .digitWindow: pendingDigit = nil
        case .animationStep: animateOneStep()
        case .viewTick: view?.apply(.tick)
        case .hold: nextBeat()
        }
    }

    /// A key press.
    public mutating func press(_ key: KeyPress) {
        if blanked {
            blanked = false
            return
        }
        if showHelp {
            showHelp = false
            return
        }
        if listCursor != nil {
            pressInList(key)
            return
        }
        switch keys.command(for: key) {
        case .quit: finished = true
        case .nextBeat where isAnimating: finishBeat()
        case .nextBeat: nextBeat()
        case .previousBeat: previousBeat()
        case .firstBeat: go(scene: sceneIndex, beat: 0)
        case .lastBeat:
            go(scene: sceneIndex, beat: scene.beats.count - 1)
            finishBeat()
        case .nextScene: go(scene: min(sceneIndex + 1, scenes.count - 1), beat: 0)
        case .previousScene: go(scene: max(sceneIndex - 1, 0), beat: 0)
        case .toggleAutoplay: autoplay.toggle()
        case .sceneList: listCursor = sceneIndex
        case .blank: blanked = true
        case .help: showHelp = true
        case .digit(let digit): typeDigit(digit)
        case .view(let action): applyToView(action)
        case nil: break
        }
    }

    private mutating func pressInList(_ key: KeyPress) {
        guard let cursor = listCursor else { return }
        switch key {
        case .up, .character("k"): listCursor = max(0, cursor - 1)
        case .down, .character("j"): listCursor = min(scenes.count - 1, cursor + 1)
        case .pageUp: listCursor = max(0, cursor - 10)
        case .pageDown: listCursor = min(scenes.count - 1, cursor + 10)
        case .home: listCursor = 0
        case .end: listCursor = scenes.count - 1
        case .enter, .right:
            listCursor = nil
            go(scene: cursor, beat: 0)
        case .escape, .character("g"), .left: listCursor = nil
        case .character("q"): finished = true
        case .character(let character):
            if let digit = character.wholeNumberValue, character.isASCII { typeDigit(digit) }
        default: break
        }
    }

    /// Digits jump to a scene: `1`–`9` at once; a second digit within `digitWindow` seconds
    /// makes a two-digit number (`1` `2` → scene 12) when the course is that long.
    private mutating func typeDigit(_ digit: Int) {
        if let first = pendingDigit {
            pendingDigit = nil
            let number = first * 10 + digit
            if number <= scenes.count {
                jump(toScene: number)
                return
            }
        }
        guard digit >= 1 && digit <= scenes.count else { return }
        jump(toScene: digit)
        if digit * 10 <= scenes.count { pendingDigit = digit }
    }

    /// Closes the scene list and shows scene `number` (1-based) from its first beat.
    private mutating func jump(toScene number: Int) {
        listCursor = nil
        go(scene: number - 1, beat: 0)
    }

    // MARK: Moving

    /// Shows a scene at a beat (both clamped), rebuilding its view; a `play` beat starts animating.
    public mutating func go(scene index: Int, beat: Int) {
        sceneIndex = min(max(0, index), scenes.count - 1)
        beatIndex = min(max(0, beat), scene.beats.count - 1)
        rebuild()
    }

    /// The next beat, or the first beat of the next scene; autoplay stops at the end of the course.
    public mutating func nextBeat() {
        if beatIndex < scene.beats.count - 1 {
            go(scene: sceneIndex, beat: beatIndex + 1)
        } else if sceneIndex < scenes.count - 1 {
            go(scene: sceneIndex + 1, beat: 0)
        }
        if atCourseEnd && !isAnimating { autoplay = false }
    }

    /// The previous beat, or the last beat of the previous scene.
    public mutating func previousBeat() {
        if beatIndex > 0 {
            go(scene: sceneIndex, beat: beatIndex - 1)
        } else if sceneIndex > 0 {
            go(scene: sceneIndex - 1, beat: scenes[sceneIndex - 1].beats.count - 1)
        }
    }

    /// Ends a running `play` beat at its last step (what `--frame` shows).
    public mutating func finishBeat() {
        guard let end = animationEnd else { return }
        view?.player.go(to: end)
        animationEnd = nil
    }

    private mutating func animateOneStep() {
        guard let end = animationEnd, var shown = view else {
            animationEnd = nil
            return
        }
        shown.player.go(to: min(end, shown.player.step + 1))
        view = shown
        if shown.player.step >= end {
            animationEnd = nil
            if atCourseEnd { autoplay = false }
        }
    }

    /// Changes the view directly (e.g. a mouse click on one of its cells); stops a running animation.
    public mutating func changeView(_ change: (inout any SandboxModel) -> Void) {
        guard var shown = view else { return }
        animationEnd = nil
        change(&shown)
        view = shown
    }

    /// A key the view handles (its own letters, space, Tab…). `+` `-` during an animation make it
    /// faster or slower; any other key stops the animation where it is, then acts.
    private mutating func applyToView(_ action: ExploreAction) {
        if isAnimating && (action == .faster || action == .slower) {
            let speeds = Player.speeds
            animationSpeed =
                action == .faster
                ? speeds.first { $0 > animationSpeed } ?? animationSpeed
                : speeds.last { $0 < animationSpeed } ?? animationSpeed
            return
        }
        animationEnd = nil
        view?.apply(action)
    }

    /// The view of the current beat: built from the scene, earlier beats applied, this one entered.
    private mutating func rebuild() {
        animationEnd = nil
        switch build(scene) {
        case .success(var built):
            for earlier in scene.beats.prefix(beatIndex) { TutorialPlayer.enter(earlier, view: &built, finished: true) }
            let end = TutorialPlayer.enter(beat, view: &built, finished: false)
            view = built
            viewError = nil
            animationEnd = end
            animationSpeed = TutorialPacing.animationSpeed(beat)
        case .failure(let error):
            view = nil
            viewError = error.message
        }
    }

    /// Applies a beat to a view: keys, named actions, modes and stage, select, step, then play (its first step, or its last when
    /// `finished`). Returns the last step still to animate, or nil.
    @discardableResult
    static func enter(_ beat: SceneBeat, view: inout any SandboxModel, finished: Bool) -> Int? {
        for key in beat.keys {
            if case .action(let action)? = type(of: view).keyMap.command(for: .character(key)) { view.apply(action) }
        }
        for action in beat.actions { view.apply(action) }
        beat.enterStates(&view)
        if let cell = beat.select { view.apply(.selectOutput(row: cell.row, column: cell.column)) }
        if let step = beat.step { view.player.go(to: step - 1) }
        view.player.playing = false
        guard let range = beat.play else { return nil }
        if finished || range.lowerBound == range.upperBound {
            view.player.go(to: range.upperBound - 1)
            return nil
        }
        view.player.go(to: range.lowerBound - 1)
        return range.upperBound - 1
    }

    /// Builds a scene's view with the sandbox's model for it, paused.
    public static let buildView: Builder = { scene in
        do throws(CNNError) {
            return .success(try scene.view.init(configuration: scene.configuration, playing: false, speed: 1))
        } catch {
            return .failure(error)
        }
    }
}

/// The tutorial player as the program and the renderer use it.
public typealias TutorialSession = TutorialPlayer

extension TutorialPlayer {
    /// A player whose scenes are shown by the sandbox's views (built paused).
    public static func session(scenes: [Scene], autoplay: Bool = false, hold: Double = SceneBeat.defaultHold)
        -> TutorialPlayer?
    {
        TutorialPlayer(scenes: scenes, autoplay: autoplay, hold: hold)
    }
}
