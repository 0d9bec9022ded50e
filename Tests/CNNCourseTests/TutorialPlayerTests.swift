import CNNCore
import CNNSandbox
import Testing

@testable import CNNCourse

/// The tutorial player: where keys and the clock take it, deterministically.
@Suite("Tutorial player")
struct TutorialPlayerTests {
    typealias Player = TutorialPlayer

    /// A player over the three sample scenes, with the views' models as views.
    static func player(autoplay: Bool = false) throws -> Player {
        let scenes = try SceneFixtures.goodScenes()
        return try #require(
            Player(scenes: scenes, autoplay: autoplay, hold: 2) { scene in
                do throws(CNNError) {
                    return .success(try scene.view.init(configuration: scene.configuration, playing: false, speed: 1))
                } catch {
                    return .failure(error)
                }
            })
    }

    /// What the screen shows, as far as the player decides it.
    static func state(_ player: Player) -> String {
        "\(player.sceneIndex + 1):\(player.beatIndex + 1) step \(player.view.map { $0.player.step + 1 } ?? 0)"
            + " para \(player.paragraphsShown)\(player.autoplay ? " auto" : "")\(player.blanked ? " blank" : "")"
            + "\(player.listCursor.map { " list\($0 + 1)" } ?? "")\(player.showHelp ? " help" : "")"
    }

    static func press(_ player: inout Player, _ keys: [KeyPress]) -> [String] {
        keys.map { key in
            player.press(key)
            return state(player)
        }
    }

    @Test("starts at scene 1, beat 1, paused, step 1, paragraph 1")
    func start() throws {
        let player = try TutorialPlayerTests.player()
        #expect(TutorialPlayerTests.state(player) == "1:1 step 1 para 1")
        #expect(player.timer == nil, "nothing is due while paused on a beat that does not play")
    }

    @Test("→ walks the beats (finishing an animation first) into the next scene; ← walks back across scenes")
    func beatsAcrossScenes() throws {
        var player = try TutorialPlayerTests.player()
        let forward = TutorialPlayerTests.press(&player, [.right, .right, .right, .right, .right, .right, .right])
        #expect(
            forward == [
                "1:2 step 1 para 2",
                "1:3 step 1 para 3",  // the play beat starts at its first step and animates
                "1:3 step 4 para 3",  // → during the animation finishes it
                "1:4 step 3 para 4",  // select [1, 0] is step 3 of the 2×2 output
                "2:1 step 1 para 1",
                "2:1 step 4 para 1",
                "2:2 step 4 para 2",  // the earlier play beat [1, 4] is applied finished
            ])
        let back = TutorialPlayerTests.press(&player, [.left, .left, .pageUp])
        #expect(back == ["2:1 step 1 para 1", "1:4 step 3 para 4", "1:3 step 1 para 3"])
    }

    @Test("a play beat animates one step per clock event at its speed, then stops")
    func playBeatAnimates() throws {
        var player = try TutorialPlayerTests.player()
        player.go(scene: 0, beat: 2)
        #expect(player.isAnimating)
        #expect(player.timer?.kind == .animationStep)
        #expect(player.timer?.seconds == 0.5, "speed 2 steps per second")
        var steps: [Int] = []
        while player.isAnimating {
            player.timerFired()
            steps.append(player.view!.player.step + 1)
        }
        #expect(steps == [2, 3, 4])
        #expect(player.timer == nil)
    }

    @Test("autoplay holds each beat, then moves on, through scenes, and stops at the end of the course")
    func autoplay() throws {
        var player = try TutorialPlayerTests.player(autoplay: true)
        #expect(player.timer?.kind == .hold)
        let reading = TutorialPacing.readingSeconds(player.scene.narration[0])
        #expect(reading > 3, "the first paragraph takes longer to read than the beat's hold of 3 s")
        #expect(player.timer?.seconds == reading * 0.5, "the reading time, at the pace --autoplay 2 sets (2/4)")
        var visited: [String] = []
        var events = 0
        while let timer = player.timer, events < 100 {
            if timer.kind == .hold { visited.append("\(player.sceneIndex + 1):\(player.beatIndex + 1)") }
            player.timerFired()
            events += 1
        }
        #expect(visited == ["1:1", "1:2", "1:3", "1:4", "2:1", "2:2", "3:1", "3:2"].dropLast().map { $0 })
        #expect(player.atCourseEnd)
        #expect(!player.autoplay, "autoplay stops at the end of the course")
    }

    @Test("* toggles autoplay; > and < move by scene; Home and End by beat")
    func sceneKeys() throws {
        var player = try TutorialPlayerTests.player()
        let states = TutorialPlayerTests.press(
            &player,
            [
                .character("*"), .character(">"), .character(">"), .character(">"), .character("<"), .end, .home,
                .character("*"),
            ])
        #expect(
            states == [
                "1:1 step 1 para 1 auto", "2:1 step 1 para 1 auto", "3:1 step 1 para 1 auto", "3:1 step 1 para 1 auto",
                "2:1 step 1 para 1 auto", "2:2 step 4 para 2 auto", "2:1 step 1 para 1 auto", "2:1 step 1 para 1",
            ])
    }

    @Test("Esc opens the scene list: arrows move, Enter opens, Esc closes without moving")
    func sceneList() throws {
        var player = try TutorialPlayerTests.player()
        let states = TutorialPlayerTests.press(
            &player,
            [
                .escape, .down, .down, .down, .up, .enter, .escape, .up, .escape,
            ])
        #expect(
            states == [
                "1:1 step 1 para 1 list1", "1:1 step 1 para 1 list2", "1:1 step 1 para 1 list3",
                "1:1 step 1 para 1 list3",
                "1:1 step 1 para 1 list2", "2:1 step 1 para 1", "2:1 step 1 para 1 list2", "2:1 step 1 para 1 list1",
                "2:1 step 1 para 1",
            ])
        // Scene 2 opens on a play beat; nothing moves while the list is open over it.
        #expect(player.isAnimating)
        player.press(.escape)
        #expect(player.timer == nil)
        player.press(.escape)
        #expect(player.timer?.kind == .animationStep)
    }

    @Test("digits jump to a scene; . blanks and any key returns; ? shows help and any key closes it")
    func presenterKeys() throws {
        var player = try TutorialPlayerTests.player()
        let states = TutorialPlayerTests.press(
            &player,
            [
                .character("3"), .character("."), .character("n"), .character("?"), .right, .character("2"),
                .character("9"),
            ])
        #expect(
            states == [
                "3:1 step 1 para 1", "3:1 step 1 para 1 blank", "3:1 step 1 para 1", "3:1 step 1 para 1 help",
                "3:1 step 1 para 1", "2:1 step 1 para 1", "2:1 step 1 para 1",
            ])
        #expect(player.pendingDigit == nil, "with 3 scenes no digit waits for a second one")
    }

    @Test("two quick digits make scenes 10 and up; the first digit's scene shows at once")
    func twoDigits() throws {
        let base = try SceneFixtures.goodScenes()
        let scenes = (0..<4).flatMap { _ in base }  // 12 scenes
        var player = try #require(
            Player(scenes: scenes) { scene in
                do throws(CNNError) {
                    return .success(try scene.view.init(configuration: scene.configuration, playing: false, speed: 1))
                } catch { return .failure(error) }
            })
        player.press(.character("1"))
        #expect(player.sceneIndex == 0)
        #expect(player.pendingDigit == 1)
        #expect(player.timer?.kind == .digitWindow)
        player.press(.character("2"))
        #expect(player.sceneIndex == 11)
        #expect(player.pendingDigit == nil)
        player.press(.character("1"))
        player.timerFired()  // the window closes: scene 1 stays
        #expect(player.pendingDigit == nil)
        player.press(.character("1"))
        #expect(player.sceneIndex == 0)
        player.press(.character("3"))  // 13 does not exist: the 3 counts alone
        #expect(player.sceneIndex == 2)
    }

    @Test("the same keys and clock events give the same states every time")
    func determinism() throws {
        let keys: [KeyPress] = [
            .right, .right, .character("l"), .right, .character("g"), .down, .enter, .character(" "), .character("S"),
            .left, .character("3"), .character("m"), .character("p"), .character("b"), .enter, .right,
        ]
        func run() throws -> [String] {
            var player = try TutorialPlayerTests.player()
            var trail: [String] = []
            for (index, key) in keys.enumerated() {
                player.press(key)
                if index % 3 == 0 { player.timerFired() }
                let view = player.view.map {
                    "\($0.player.step) \($0.player.playing) \(($0 as? ConvModel)?.setup.stride ?? [])"
                }
                trail.append(TutorialPlayerTests.state(player) + " " + (view ?? ""))
            }
            return trail
        }
        let first = try run()
        #expect(try run() == first)
        // Returning to a beat rebuilds the view from the scene: edits made with keys are gone.
        var player = try TutorialPlayerTests.player()
        player.press(.character("S"))
        let edited = player.view as? ConvModel
        player.press(.right)
        player.press(.left)
        #expect(player.view as? ConvModel != edited)
        #expect(
            player.view as? ConvModel
                == (try ConvModel(configuration: player.scene.configuration, playing: false, speed: 1)))
    }

    @Test("q finishes; an empty course has no player")
    func quitting() throws {
        var player = try TutorialPlayerTests.player()
        player.press(.character("q"))
        #expect(player.finished)
        #expect(Player(scenes: []) { _ in .failure(.invalidQuery("none")) } == nil)
    }
}
