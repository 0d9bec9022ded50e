import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `cnnviz tutorial`, `play`, `scenes` and `check` for real: the whole course walked with n and
/// back with p at 80×24 and in classroom mode at 200×60, the presenter keys, and the checker's
/// exact messages. The built-in course's length is read from `cnnviz scenes`; the sample scenes
/// of Tests/SceneFixtures/good are played with `cnnviz play` in any case.
@Suite("cnnviz tutorial in tmux", .serialized, .enabled(if: Tmux.shouldRun, "tmux is not installed"))
struct TutorialEndToEndTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SceneFixtures")

    static let goodFiles = ["cross-correlation", "max-pooling", "two-channels"].map {
        fixtures.appendingPathComponent("good/\($0).yaml").path
    }

    /// Runs `cnnviz ARGUMENTS` to completion (no terminal).
    static func run(_ arguments: [String]) throws -> SpawnedCommand.Result {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        return try SpawnedCommand.run(try CNNVizBinary.path(), arguments, environment: environment)
    }

    /// The number of built-in scenes, from the last line of `cnnviz scenes` ("N scenes").
    static func builtinCount() throws -> Int {
        let result = try run(["scenes"])
        guard result.status == 0, let last = result.output.split(separator: "\n").last,
            let count = Int(last.split(separator: " ").first ?? "")
        else { throw HarnessError("cnnviz scenes failed (\(result.status)): \(result.output)\(result.errorOutput)") }
        return count
    }

    /// Walks every scene with n and back with p, checking the header each time, then quits.
    static func walk(_ arguments: [String], program: String, count: Int, width: Int, height: Int) async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: arguments, width: width, height: height)
        // The footer is the last row written: wait for it as well as the header.
        var screen = try await tmux.waitUntil(timeout: .seconds(15), "the first frame") {
            $0.contains("\(program) · scene 1/\(count) · topic") && $0.contains("beat 1/")
        }
        #expect(screen.contains("beat 1/"))
        for scene in 2...max(2, count) where scene <= count {
            try tmux.sendKeys(">")
            screen = try await tmux.waitUntil(contains: "\(program) · scene \(scene)/\(count) · topic")
            #expect(
                screen.split(separator: "\n").first?.contains("scene \(scene)/\(count)") == true,
                "the header is the first row")
        }
        try tmux.sendKeys(">")  // at the last scene, > stays
        try await Task.sleep(for: .milliseconds(200))
        #expect(try tmux.capture().contains("scene \(count)/\(count) ·"))
        for scene in stride(from: count - 1, through: 1, by: -1) {
            try tmux.sendKeys("<")
            try await tmux.waitUntil(contains: "\(program) · scene \(scene)/\(count) · topic")
        }
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test("the built-in course: > to the end and < back to scene 1 at 80×24, then quit cleanly")
    func tutorialAt80x24() async throws {
        let count = try TutorialEndToEndTests.builtinCount()
        if count == 0 {
            // No course compiled in yet: the tutorial says so and exits 2.
            let result = try TutorialEndToEndTests.run(["tutorial"])
            #expect(result.status == 2)
            #expect(result.errorOutput.contains("cnnviz tutorial: there are no scenes to play"))
            return
        }
        try await TutorialEndToEndTests.walk(
            ["tutorial"], program: "cnnviz tutorial", count: count, width: 80, height: 24)
    }

    @Test("the built-in course in classroom mode at 200×60: > to the end and back, presenter keys in the footer")
    func tutorialClassroom() async throws {
        let count = try TutorialEndToEndTests.builtinCount()
        guard count > 0 else { return }
        try await TutorialEndToEndTests.walk(
            ["tutorial", "--classroom"], program: "cnnviz tutorial", count: count, width: 200, height: 60)
    }

    @Test("scene files with cnnviz play: > to the end and < back at 80×24 and in classroom mode at 200×60")
    func playSamples() async throws {
        try await TutorialEndToEndTests.walk(
            ["play"] + TutorialEndToEndTests.goodFiles, program: "cnnviz play", count: 3, width: 80, height: 24)
        try await TutorialEndToEndTests.walk(
            ["play", "--classroom"] + TutorialEndToEndTests.goodFiles, program: "cnnviz play", count: 3, width: 200,
            height: 60)
    }

    @Test("beats with → and ←, a play beat animating, the scene list, digits, blank screen, help")
    func presenterSession() async throws {
        let tmux = try Tmux()
        try tmux.start(arguments: ["play", "--classroom"] + TutorialEndToEndTests.goodFiles, width: 120, height: 40)
        try await tmux.waitUntil(contains: "beat 1/4 step 1/4")
        #expect(try tmux.capture().contains(". blank"))
        try tmux.sendKeys("Right")
        var screen = try await tmux.waitUntil(contains: "The four products add up: 0·0 + 1·1 + 3·2 + 4·3 = 19.")
        #expect(screen.contains("beat 2/4"))
        try tmux.sendKeys("Right")  // play [1, 4] at 2 steps per second
        try await tmux.waitUntil(contains: "beat 3/4 step 4/4")
        screen = try tmux.capture()
        #expect(screen.contains("out[1,1]: 4×0 + 5×1 + 7×2 + 8×3 = 43"))
        try tmux.sendKeys("Left")
        try await tmux.waitUntil(contains: "beat 2/4 step 1/4")

        try tmux.sendKeys("Escape")
        try await tmux.waitUntil(contains: "Enter open")
        try tmux.sendKeys("Down", "Down", "Enter")
        try await tmux.waitUntil(contains: "scene 3/3 · topic 11: Two channels add up into one output")

        try tmux.sendKeys("2")
        try await tmux.waitUntil(contains: "scene 2/3 · topic 9")

        try tmux.sendKeys(".")
        try await tmux.waitUntil(timeout: .seconds(5), "a blank screen") {
            $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        try tmux.sendKeys("x")
        try await tmux.waitUntil(contains: "scene 2/3 · topic 9")

        try tmux.sendKeys("?")
        try await tmux.waitUntil(contains: "tutorial keys")
        try tmux.sendKeys("Escape")  // closes the help only
        try await tmux.waitUntil(timeout: .seconds(5), "help closed") {
            !$0.contains("tutorial keys") && $0.contains("scene 2/3")
        }
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
        #expect(try await tmux.terminalRestorationProblems() == [])
    }

    @Test("autoplay advances beats on its own; * pauses it")
    func autoplay() async throws {
        let tmux = try Tmux()
        try tmux.start(
            arguments: ["play", "--autoplay", "0.3"] + TutorialEndToEndTests.goodFiles, width: 80, height: 24)
        try await tmux.waitUntil(contains: "▶ auto")
        try await tmux.waitUntil(contains: "scene 2/3", timeout: .seconds(20))
        try tmux.sendKeys("*")
        let paused = try await tmux.waitUntil(contains: "❚❚")
        let header = paused.split(separator: "\n").first.map(String.init) ?? ""
        let footer = paused.split(separator: "\n").last { $0.contains("beat ") }.map(String.init) ?? ""
        try await Task.sleep(for: .milliseconds(900))
        let later = try tmux.capture()
        #expect(later.split(separator: "\n").first.map(String.init) == header, "paused: the scene stays")
        #expect(
            later.split(separator: "\n").last { $0.contains("beat ") }.map(String.init) == footer,
            "paused: the beat stays")
        try tmux.sendKeys("q")
        #expect(try await tmux.waitForExit() == 0)
    }

    @Test("--frame prints a scene's screen as text; a bad --frame is refused")
    func frame() throws {
        let result = try TutorialEndToEndTests.run(["play"] + TutorialEndToEndTests.goodFiles + ["--frame", "1:4"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix(" cnnviz play · scene 1/3 · topic 2: Cross-correlation, step by step\n"))
        #expect(result.output.contains("out[1,0]: 3×0 + 4×1 + 6×2 + 7×3 = 37"))
        // 24 rows and the final newline.
        #expect(result.output.split(separator: "\n", omittingEmptySubsequences: false).count == 25)
        let bad = try TutorialEndToEndTests.run(["play"] + TutorialEndToEndTests.goodFiles + ["--frame", "1:9"])
        #expect(bad.status == 2)
        #expect(bad.errorOutput == "cnnviz play: --frame: beat 9 is outside 1…4; scene 1 has 4 beats\n")
    }
}

/// `cnnviz check`: exact problem lines and exit statuses, without a terminal.
@Suite("cnnviz check")
struct CheckEndToEndTests {
    @Test("broken files: every problem as file:line:column: message on standard error, exit 1")
    func brokenFiles() throws {
        let directory = TutorialEndToEndTests.fixtures.appendingPathComponent("broken").path
        let files = ["bad-yaml", "contradicted", "invalid-geometry"].map { "\(directory)/\($0).yaml" }
        let result = try TutorialEndToEndTests.run(["check"] + files)
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(
            result.errorOutput == """
                \(files[0]):6:1: bad YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 5, column 11)
                \(files[1]):10:3: expect.output: the core computes [[19, 25], [37, 43]], the scene says [[19, 25], [37, 44]]
                \(files[1]):11:3: expect.output_shape: the core computes [2, 2], the scene says [2, 3]
                \(files[1]):12:3: expect.steps: the view has 4 steps, the scene says 5
                \(files[1]):13:3: expect.step_values: step 2: the core computes 25, the scene says 26
                \(files[1]):16:7: expect.facts[1].parameters: the core computes 760, the scene says 761
                \(files[1]):18:7: expect.facts[2].equals: the core computes 14, the scene says 15
                \(files[1]):20:7: expect.facts[3].receptive_field: the core computes [3, 5, 7], the scene says [3, 5, 8]
                \(files[2]):4:1: setup: the core refuses this setup: kernel 5×5 at dilation 2 spans 9×9, larger than the padded input 3×3 (input 3×3, padding 0); lower the dilation, add padding or use a smaller kernel (padding 3 per side, a kernel of at most 2×2 would fit)

                """)
    }

    @Test("a scene whose beat does not fit 80×24 is a problem at its timeline entry")
    func layoutProblem() throws {
        let file = TutorialEndToEndTests.fixtures.appendingPathComponent("broken/does-not-fit.yaml").path
        let result = try TutorialEndToEndTests.run(["check", file])
        #expect(result.status == 1)
        #expect(
            result.errorOutput
                == "\(file):9:1: beat 1 does not fit 80×24: the view shows a 'does not fit' box instead of its grids\n")
    }

    @Test("good files: ok: 3 scenes, exit 0; a missing file is a problem too")
    func goodFiles() throws {
        let result = try TutorialEndToEndTests.run(["check"] + TutorialEndToEndTests.goodFiles)
        #expect(result.status == 0)
        #expect(result.output == "ok: 3 scenes\n")
        let missing = try TutorialEndToEndTests.run(["check", "/nonexistent/scene.yaml"])
        #expect(missing.status == 1)
        #expect(missing.errorOutput == "/nonexistent/scene.yaml:1:1: cannot read the file: it does not exist\n")
    }

    @Test("cnnviz check without files checks the built-in course and agrees with cnnviz scenes")
    func builtinCourse() throws {
        let count = try TutorialEndToEndTests.builtinCount()
        let result = try TutorialEndToEndTests.run(["check"])
        #expect(result.status == 0, "\(result.errorOutput)")
        #expect(result.output == "ok: \(count) scene\(count == 1 ? "" : "s")\n")
    }
}
