import CNNCore
import CNNSandbox
import Testing

@testable import CNNCourse

/// The tutorial's keys cannot collide: in every scene, each key means one thing, the view's
/// letters reach the view, and the view's own play and step keys work.
@Suite("Tutorial key collisions")
struct TutorialKeyCollisionTests {
    static let scenes: [Scene] = (try? BuiltinCourse.load().get()) ?? []

    @Test("every view's tutorial context binds each key once; the lesson binds no letter but q")
    func noKeyBoundTwice() {
        #expect(TutorialKeys.lesson.conflicts == [])
        for view in SandboxViews.all {
            let context = TutorialKeys.context(for: view)
            #expect(context.conflicts == [], "view \(view.kind.name): keys bound twice")
        }
        let letters = TutorialKeys.lesson.keys.filter {
            if case .character(let character) = $0 { return character.isLetter }
            return false
        }
        #expect(letters == [.character("q")], "every letter but q belongs to the view")
    }

    @Test("every binding of every context has a stable action name, and a name means one command per context")
    func everyBindingIsNamed() {
        for view in SandboxViews.all {
            let context = TutorialKeys.context(for: view)
            var meaning: [String: TutorialCommand] = [:]
            for binding in context.bindings {
                for index in binding.keys.indices {
                    if case .digit = binding.commands[index] { continue }
                    guard let name = binding.actionName(at: index) else {
                        Issue.record("\(view.kind.name): \(binding.keys[index].label) has no action name")
                        continue
                    }
                    if let earlier = meaning[name], earlier != binding.commands[index] {
                        Issue.record("\(view.kind.name): '\(name)' names two commands")
                    }
                    meaning[name] = binding.commands[index]
                }
            }
        }
    }

    @Test("the check fails when the lesson and a view bind the same key")
    func collisionIsCaught() {
        let clashing = KeyMap(
            TutorialKeys.lesson.bindings + [KeyBinding(">", [TutorialCommand.view(.cyclePreset)], help: "clash")])
        #expect(clashing.conflicts == [.character(">")])
    }

    @Test("in every scene, each view key reaches the view as its action or is taken by the lesson on purpose")
    func viewKeysReachTheView() throws {
        #expect(TutorialKeyCollisionTests.scenes.count == 51)
        for scene in TutorialKeyCollisionTests.scenes {
            let context = TutorialKeys.context(for: scene.view)
            for binding in scene.view.keyMap.bindings {
                for (key, command) in zip(binding.keys, binding.commands) {
                    guard case .action(let action) = command else { continue }
                    if TutorialKeys.takenFromView.contains(key) {
                        #expect(TutorialKeys.lesson.command(for: key) != nil, "\(scene.file): \(key.label)")
                    } else {
                        #expect(
                            context.command(for: key) == .view(action),
                            "\(scene.file): \(key.label) should reach the \(scene.view.kind.name) view")
                    }
                }
            }
            for beat in scene.beats {
                for key in beat.keys {
                    guard case .view? = context.command(for: .character(key)) else {
                        Issue.record("\(scene.file): timeline key \(key) is not one of the view's keys")
                        continue
                    }
                }
            }
        }
    }

    @Test("the letters that used to leave a scene now change its view: p in scene 7, n in 19, g in 25")
    func formerCollisions() throws {
        let scenes = TutorialKeyCollisionTests.scenes
        for (number, letter) in [(7, Character("p")), (19, "n"), (25, "g")] {
            var player = try #require(TutorialPlayer(scenes: scenes))
            player.go(scene: number - 1, beat: 0)
            player.finishBeat()
            player.press(.character(letter))
            #expect(player.sceneIndex == number - 1, "\(letter) stays in scene \(number)")
            #expect(player.listCursor == nil)
        }
    }

    @Test("space plays the view inside a scene and the clock steps it; l steps; + speeds an animation up")
    func viewPlayKeys() throws {
        let scenes = try SceneFixtures.goodScenes()
        var player = try #require(TutorialPlayer(scenes: scenes))
        player.press(.character("l"))
        #expect(player.view?.player.step == 1, "l steps the view forward")
        player.press(.character(" "))
        #expect(player.view?.player.playing == true)
        #expect(player.timer?.kind == .viewTick)
        player.timerFired()
        #expect(player.view?.player.step == 2, "the clock steps a playing view")
        player.go(scene: 0, beat: 2)
        #expect(player.isAnimating)
        let before = player.animationSpeed
        player.press(.character("+"))
        #expect(player.isAnimating, "+ does not freeze an animation")
        #expect(player.animationSpeed > before)
    }
}
