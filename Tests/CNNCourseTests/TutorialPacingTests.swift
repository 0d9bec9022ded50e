import Testing

@testable import CNNCourse

/// Autoplay gives people time to read, and animations stay short.
@Suite("Tutorial pacing")
struct TutorialPacingTests {
    static let scenes: [Scene] = (try? BuiltinCourse.load().get()) ?? []

    @Test("reading time is about 3 words a second")
    func readingTime() {
        #expect(TutorialPacing.readingSeconds("one two three four five six") == 2)
        #expect(TutorialPacing.readingSeconds("") == 0)
    }

    @Test("a long animation goes faster so that it takes at most 12 s; a short one keeps its speed")
    func animationCap() {
        let long = SceneBeat(play: 1...49, speed: 1)
        #expect(TutorialPacing.animationSpeed(long) == 4)
        #expect(TutorialPacing.animationSeconds(long) == 12)
        let short = SceneBeat(play: 1...4, speed: 2)
        #expect(TutorialPacing.animationSpeed(short) == 2)
    }

    @Test("autoplaying the course: each beat stays at least its reading time, no animation over 12 s")
    func coursePacing() throws {
        let scenes = TutorialPacingTests.scenes
        #expect(scenes.count == 51)
        var player = try #require(TutorialPlayer(scenes: scenes, autoplay: true))
        var onBeat = (scene: 0, beat: 0, animation: 0.0, total: 0.0)
        var events = 0
        func close(_ visit: (scene: Int, beat: Int, animation: Double, total: Double)) {
            let scene = scenes[visit.scene]
            let before = visit.beat > 0 ? scene.paragraphsShown(atBeat: visit.beat - 1) : 0
            let now = scene.paragraphsShown(atBeat: visit.beat)
            let text = now > before ? scene.narration[before..<now].joined(separator: " ") : ""
            let place = "\(scene.file) beat \(visit.beat + 1)"
            #expect(visit.total - visit.animation >= TutorialPacing.readingSeconds(text) - 1e-9, "\(place)")
            #expect(visit.animation <= TutorialPacing.longestAnimation + 1e-9, "\(place)")
        }
        while let timer = player.timer, events < 100_000 {
            onBeat.total += timer.seconds
            if timer.kind == .animationStep { onBeat.animation += timer.seconds }
            player.timerFired()
            events += 1
            if (player.sceneIndex, player.beatIndex) != (onBeat.scene, onBeat.beat) {
                close(onBeat)
                onBeat = (player.sceneIndex, player.beatIndex, 0, 0)
            }
        }
        #expect(player.atCourseEnd, "autoplay reaches the end of the course")
    }

    @Test("--autoplay scales every hold: 8 s holds twice as long as the normal 4 s")
    func paceScales() {
        guard let scene = TutorialPacingTests.scenes.first else { return }
        #expect(TutorialPacing.holdSeconds(scene, beat: 0, pace: 2) == 2 * TutorialPacing.holdSeconds(scene, beat: 0))
    }
}
