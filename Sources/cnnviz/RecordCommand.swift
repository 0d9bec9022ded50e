import ArgumentParser
import CNNCore
import CNNCourse
import CNNRender
import CNNSandbox
import Foundation

/// `cnnviz record OUT.cast`: plays the sandbox (the explore flags) or a tutorial scene on its
/// own, without a terminal, and writes what the screen shows as an asciicast v2 recording.
struct RecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record the sandbox or a tutorial scene as an asciicast v2 file (asciinema play shows it).",
        discussion: """
            Takes the explore flags (e.g. `cnnviz record conv.cast --stride 2 --size 100x30`) and plays \
            every step at --speed; with --scene N it records tutorial scene N in autoplay instead. \
            --size sets the screen, --max-seconds ends the recording early.
            """)

    @Argument(help: "The recording to write, e.g. conv.cast.", completion: .file(extensions: ["cast"]))
    var output: String

    @Option(help: "Record tutorial scene N (1 is the first) in autoplay instead of the sandbox.")
    var scene: Int?

    @Option(name: .customLong("max-seconds"), help: "Stop the recording after this many seconds (1…600).")
    var maxSeconds: Double = 60

    @Option(help: "tutorial scene: seconds each beat holds (0.5…60).")
    var hold: Double = SceneBeat.defaultHold

    @OptionGroup var explore: ExploreCommand

    /// Seconds the last frame stays up.
    static let finalHold = 2.0

    func run() throws {
        let size: (width: Int, height: Int)
        do throws(FlagError) {
            size = try FlagValues.screenSize(explore.size)
            guard maxSeconds >= 1 && maxSeconds <= 600 else {
                throw FlagError("--max-seconds: \(maxSeconds) is outside 1…600; choose a length in seconds")
            }
            guard hold >= 0.5 && hold <= 60 else {
                throw FlagError("--hold: \(hold) is outside 0.5…60 seconds")
            }
            guard explore.frame == nil else {
                throw FlagError("--frame: record plays every step; leave --frame out (explore --frame prints one)")
            }
        } catch {
            throw CommandFailure.usage("cnnviz record: \(error.message)")
        }
        let options = RenderOptions(
            ascii: explore.ascii, color: !explore.noColor && ProcessInfo.processInfo.environment["NO_COLOR"] == nil)
        let file = try RecordingFile(path: output, width: size.width, height: size.height)
        if let scene {
            try recordScene(scene, into: file, size: size, options: options)
        } else {
            try recordExplore(into: file, size: size, options: options)
        }
        try file.finish()
    }

    private func recordExplore(into file: RecordingFile, size: (width: Int, height: Int), options: RenderOptions)
        throws
    {
        guard let model = SandboxViews.model(named: explore.view) else {
            let views = SandboxViews.names.joined(separator: ", ")
            throw CommandFailure.usage("cnnviz record: --view: unknown view '\(explore.view)'; choose one of \(views)")
        }
        var view: any SandboxModel
        do {
            var configuration = try explore.makeConfiguration()
            try ExploreInputs.complete(
                &configuration, view: model, values: explore.values, weights: explore.weights)
            view = try model.init(configuration: configuration, playing: true, speed: try explore.stepsPerSecond())
        } catch let error as FlagError {
            throw CommandFailure.usage("cnnviz record: \(error.message)")
        } catch let error as ValidationError {
            throw CommandFailure.usage("cnnviz record: \(error.message)")
        } catch let error as CNNError {
            throw CommandFailure.usage("cnnviz record: \(error.message)")
        }
        var time = 0.0
        try file.frame(time: time, view.render(width: size.width, height: size.height, options: options).canvas)
        let step = Double(view.player.interval) / 1000
        while !view.player.atEnd && time + step <= maxSeconds {
            view.apply(.tick)
            time += step
            try file.frame(time: time, view.render(width: size.width, height: size.height, options: options).canvas)
        }
        try file.close(time: min(maxSeconds, time + Self.finalHold))
    }

    private func recordScene(
        _ number: Int, into file: RecordingFile, size: (width: Int, height: Int), options: RenderOptions
    ) throws {
        let scenes: [Scene]
        switch BuiltinCourse.load() {
        case .success(let loaded): scenes = loaded
        case .failure(let problems):
            throw CommandFailure.problems(problems.map(\.description).joined(separator: "\n"))
        }
        guard (1...scenes.count).contains(number) else {
            throw CommandFailure.usage(
                "cnnviz record: --scene \(number) is outside 1…\(scenes.count); there are \(scenes.count) scenes")
        }
        guard var session = TutorialSession.session(scenes: scenes, autoplay: true, hold: hold) else {
            throw CommandFailure.usage("cnnviz record: there are no scenes to play")
        }
        session.go(scene: number - 1, beat: 0)
        let program = "cnnviz tutorial"
        var time = 0.0
        func draw() throws {
            let frame = TutorialScreen.render(
                session, width: size.width, height: size.height, options: options, program: program)
            try file.frame(time: time, frame.canvas)
        }
        try draw()
        while let timer = session.timer, time + timer.seconds <= maxSeconds {
            time += timer.seconds
            session.timerFired()
            if session.sceneIndex != number - 1 { break }
            try draw()
        }
        try file.close(time: min(maxSeconds, time + Self.finalHold))
    }
}
