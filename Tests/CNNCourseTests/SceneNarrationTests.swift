import CNNSandbox
import Testing

@testable import CNNCourse

/// Narration markup: actions become the keys bound in the scene, placeholders the core's numbers,
/// and `--strict` refuses numbers the scene does not state or compute.
@Suite("Scene narration")
struct SceneNarrationTests {
    static func scene(_ narration: String, view: String = "conv", expect: String = "") -> String {
        """
        title: Test
        topic: 2
        view: \(view)
        setup:
          input: 3x3
          values: [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
          kernel: 2x2
          weights: [[0, 1], [2, 3]]
        narration:
          - "\(narration)"
        \(expect)
        """
    }

    static func narration(_ text: String, view: String = "conv") throws -> String {
        let scene = try SceneLoader.load(text: scene(text, view: view), file: "t.yaml").get()
        return scene.narration[0]
    }

    static func problems(_ text: String, view: String = "conv", expect: String = "", strict: Bool = false) -> [String] {
        switch SceneLoader.load(text: scene(text, view: view, expect: expect), file: "t.yaml", strict: strict) {
        case .success: return []
        case .failure(let problems): return problems.map(\.description)
        }
    }

    @Test("[[action]] writes the key the scene binds: view letters, the view's play key, the lesson's keys")
    func actions() throws {
        #expect(try Self.narration("Press [[cycle-preset]] or [[stride-up]].") == "Press c or S.")
        #expect(try Self.narration("[[play]] plays, [[next-beat]] moves on") == "space plays, → moves on")
        #expect(try Self.narration("[[scene-list]] lists, [[next-scene]] skips") == "Esc lists, > skips")
        #expect(try Self.narration("[[picture]] switches", view: "matrix") == "m switches")
    }

    @Test("an action the scene's view does not have is refused at the paragraph, naming what it has")
    func unknownAction() {
        let found = Self.problems("Press [[pool-kind]].")
        #expect(found.count == 1)
        #expect(
            found.first?.hasPrefix("t.yaml:10:5: narration[1]: the conv view's tutorial has no action 'pool-kind'")
                == true)
        #expect(found.first?.contains("cycle-preset") == true)
    }

    @Test("placeholders are the core's numbers; unknown ones and indices outside the output are refused")
    func placeholders() throws {
        #expect(try Self.narration("{out[0,0]} then {out[1,1]}") == "19 then 43")
        #expect(
            try Self.narration("{output_shape}, {steps} steps, step 2 is {step[2]}") == "2×2, 4 steps, step 2 is 25")
        let outside = Self.problems("{out[2,0]}")
        #expect(outside.first?.contains("{out[2,0]}: the main output has shape [2, 2]") == true, "\(outside)")
        #expect(Self.problems("{bogus}").first?.contains("unknown placeholder {bogus}") == true)
        #expect(Self.problems("an open {out[0,0]").first?.contains("never closed") == true)
    }

    @Test("--strict refuses a number that is neither in setup, expect, the core's results nor a placeholder")
    func strictNumbers() {
        #expect(Self.problems("The first output is 19, the last 43.", strict: true) == [])
        #expect(Self.problems("A 3×3 input and a 2×2 kernel.", strict: true) == [])
        let found = Self.problems("The first output is 20.", strict: true)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("t.yaml:10:5: narration[1]: 20 is not among the numbers") == true)
        #expect(Self.problems("The first output is 20.", strict: false) == [], "only --strict checks numbers")
        let fact = "expect:\n  facts:\n    - fully_connected: {inputs: 10, outputs: 2, bias: false}\n      weights: 20"
        #expect(Self.problems("A layer of 20 weights.", expect: fact, strict: true) == [])
        #expect(Self.problems("LeNet-5 reads digits with Conv2d.", strict: true) == [], "digits in names")
        #expect(Self.problems("65,536 pixels", strict: true).first?.contains("65,536 is not") == true)
    }

    @Test("a beat's do: names view actions; the player applies them; a name the view lacks is refused")
    func beatActions() throws {
        let timeline = "timeline:\n  - say: 1\n    do: [stride-up]"
        let scene = try SceneLoader.load(text: Self.scene("Stride 2.", expect: timeline), file: "t.yaml").get()
        #expect(scene.beats[0].actions == [.stride(1)])
        let player = try #require(TutorialPlayer(scenes: [scene]))
        #expect((player.view as? ConvModel)?.setup.stride == [2, 2])
        let bad = Self.problems("Text.", expect: "timeline:\n  - say: 1\n    do: gradient")
        #expect(bad.first?.contains("timeline[1].do: the conv view has no action 'gradient'; it has") == true, "\(bad)")
    }

    @Test("cnnviz check --strict passes on every built-in scene")
    func builtinCourseIsStrict() {
        switch SceneLoader.load(files: BuiltinScenes.files, strict: true) {
        case .success(let scenes): #expect(scenes.count == 51)
        case .failure(let problems): Issue.record("\(problems.map(\.description).joined(separator: "\n"))")
        }
    }
}
