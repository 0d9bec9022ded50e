import ArgumentParser
import CNNCourse
import CNNRender
import CNNSandbox
import Foundation

/// The options `tutorial` and `play` share.
struct TutorialOptions: ParsableArguments {
    @Flag(
        help:
            "Classroom mode: large block-font numbers, framed highlights, high contrast, full-width narration, presenter keys (. blank, 1–9 jump)."
    )
    var classroom = false

    @Option(
        parsing: .unconditional,
        help:
            "Start playing on its own: each beat holds SECONDS (0.1…3600) unless the scene says otherwise (space pauses)."
    )
    var autoplay: Double?

    @Flag(help: "Draw with plain ASCII (automatic when the locale is not UTF-8).")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "Draw without colour (also when NO_COLOR is set).")
    var noColor = false

    @Option(
        help:
            "Print the screen of scene SCENE (1 is the first) at beat BEAT (default 1), finished, as text and exit; e.g. 3 or 3:2."
    )
    var frame: String?

    @Option(help: "Screen size for --frame, WIDTHxHEIGHT.")
    var size = "80x24"

    @Option(
        help: "Format of the --frame output: \(FrameFormat.allCases.map(\.rawValue).joined(separator: ", ")).",
        completion: .list(FrameFormat.allCases.map(\.rawValue)))
    var format = "text"

    /// Plays `scenes` (interactively, or one frame with --frame) under `command`'s name.
    func play(_ scenes: [Scene], command: String) throws {
        if let autoplay, !SceneLimits.holds.contains(autoplay) {
            throw CommandFailure.usage(
                "cnnviz \(command): --autoplay: \(NumberText.exact(autoplay)) is outside \(NumberText.exact(SceneLimits.holds.lowerBound))…\(NumberText.exact(SceneLimits.holds.upperBound)) seconds"
            )
        }
        guard
            var session = TutorialSession.session(
                scenes: scenes, autoplay: autoplay != nil, hold: autoplay ?? SceneBeat.defaultHold)
        else {
            throw CommandFailure.usage("cnnviz \(command): there are no scenes to play")
        }
        let program = "cnnviz \(command)"
        guard let frame else {
            let live = TutorialLiveScreen(session: session, program: program)
            try InteractiveLoop.run(
                command: command, noColor: noColor,
                notATerminalMessage: "\(program) needs a terminal; use --frame SCENE[:BEAT] to print a frame as text"
            ) { terminal in
                let options = InteractiveLoop.renderOptions(ascii: ascii, classroom: classroom, terminal: terminal)
                return AppLoop.run(live, options: options, terminal: terminal)
            }
            return
        }
        let screen: (width: Int, height: Int)
        let place: (scene: Int, beat: Int)
        let frameFormat: FrameFormat
        do throws(FlagError) {
            screen = try FlagValues.screenSize(size)
            frameFormat = try FlagValues.frameFormat(format)
            place = try TutorialOptions.framePlace(frame, scenes: scenes)
        } catch {
            throw CommandFailure.usage("cnnviz \(command): \(error.message)")
        }
        session.go(scene: place.scene - 1, beat: place.beat - 1)
        session.finishBeat()
        let options = RenderOptions(
            ascii: ascii || !Locale.current.prefersUnicode, color: frameFormat != .text && !noColor,
            classroom: classroom)
        let canvas = TutorialScreen.render(
            session, width: screen.width, height: screen.height, options: options, program: program
        ).canvas
        print(export(canvas, format: frameFormat))
    }

    /// `3` or `3:2` → (scene 3, beat 2), both 1-based and checked against the scenes.
    static func framePlace(_ text: String, scenes: [Scene]) throws(FlagError) -> (scene: Int, beat: Int) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0 != nil }) else {
            throw FlagError("--frame: expected SCENE or SCENE:BEAT like 3 or 3:2, got '\(text)'")
        }
        let numbers = parts.compactMap { $0 }
        let scene = numbers[0]
        let beat = numbers.count == 2 ? numbers[1] : 1
        guard (1...scenes.count).contains(scene) else {
            throw FlagError("--frame: scene \(scene) is outside 1…\(scenes.count); there are \(scenes.count) scenes")
        }
        let beats = scenes[scene - 1].beats.count
        guard (1...beats).contains(beat) else {
            throw FlagError(
                "--frame: beat \(beat) is outside 1…\(beats); scene \(scene) has \(beats) beat\(beats == 1 ? "" : "s")")
        }
        return (scene, beat)
    }
}

/// `cnnviz tutorial`: the built-in course, scene by scene.
struct TutorialCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tutorial",
        abstract: "Play the course: every topic as a scene with a live view and narration.",
        discussion: """
            → and ← move beat by beat (across scenes; → first ends a running animation), > and < \
            scene by scene, Esc lists the scenes, * starts autoplay, . blanks the screen, digits jump \
            to a scene (two quick digits for 10 and up), ? shows every key, q quits. Letters, space \
            and Tab are the view's own keys. --autoplay SECONDS sets the pace: 4 is normal (a beat \
            holds its reading time at 3 words a second), 8 holds twice as long. With \
            --frame SCENE[:BEAT] one screen is printed as text, e.g. \
            `cnnviz tutorial --frame 3:2 --size 100x30`.
            """)

    @OptionGroup var options: TutorialOptions

    func run() throws {
        switch BuiltinCourse.load() {
        case .success(let scenes): try options.play(scenes, command: "tutorial")
        case .failure(let problems):
            throw CommandFailure.problems(problems.map(\.description).joined(separator: "\n"))
        }
    }
}

/// `cnnviz play FILE...`: scene files, in the order given.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Play scene files (YAML) like the tutorial, in the order given.",
        discussion: "The files are checked first (see `cnnviz check`); the keys are the tutorial's.")

    @Argument(help: "Scene files (YAML).")
    var files: [String]

    @OptionGroup var options: TutorialOptions

    func run() throws {
        switch SceneFiles.load(files) {
        case .success(let scenes): try options.play(scenes, command: "play")
        case .failure(let problems):
            throw CommandFailure.problems(problems.map(\.description).joined(separator: "\n"))
        }
    }
}
