import CNNCourse
import CNNSandbox
import Foundation
import TestSupport
import Testing

/// A scene's `image:` is read relative to the scene file; problems are at the field.
@Suite("Scene images")
struct SceneImageTests {
    static func scene(_ setup: String, in folder: URL) -> Result<Scene, [SceneProblem]> {
        let text = """
            title: An image
            topic: 4
            view: conv
            setup:
            \(setup)
            narration:
              - "A picture."
            """
        return SceneLoader.load(text: text, file: folder.appendingPathComponent("lesson.yaml").path)
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cnnviz-scene-image-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data([UInt8]("P2\n3 2\n10\n0 5 10\n10 5 0\n".utf8)).write(to: folder.appendingPathComponent("tiny.pgm"))
        return folder
    }

    @Test("image: next to the scene file becomes the input, on 0…1 or 0…255")
    func loadsRelative() throws {
        let folder = try Self.folder()
        let scene = try Self.scene("  image: tiny.pgm\n  kernel: 2", in: folder).get()
        #expect(scene.configuration.conv.inputValues == [0, 0.5, 1, 1, 0.5, 0])
        #expect((scene.configuration.conv.inputRows, scene.configuration.conv.inputColumns) == (2, 3))
        let bytes = try Self.scene("  image: tiny.pgm\n  image-range: 255\n  kernel: 2", in: folder).get()
        #expect(bytes.configuration.conv.inputValues?.last == 0)
        #expect(bytes.configuration.conv.inputValues?[2] == 255)
    }

    @Test("a missing image, or image with values, is reported at the field")
    func problems() throws {
        let folder = try Self.folder()
        let file = folder.appendingPathComponent("lesson.yaml").path
        guard case .failure(let missing) = Self.scene("  image: gone.pgm", in: folder) else {
            Issue.record("a missing image loaded")
            return
        }
        #expect(missing.map(\.description).first?.hasPrefix("\(file):5:10: setup.image: ") == true)
        #expect(missing.first?.description.contains("image 'gone.pgm'") == true)
        #expect(missing.first?.description.contains("no such file") == true)
        guard case .failure(let both) = Self.scene("  image: tiny.pgm\n  values: [[1, 2]]", in: folder) else {
            Issue.record("image and values loaded together")
            return
        }
        #expect(both.map(\.description) == ["\(file):5:10: setup.image: give either image or values, not both"])
    }

    @Test("values may be a string in the --values syntax")
    func textValues() throws {
        let folder = try Self.folder()
        let scene = try Self.scene("  values: \"0 1 2; 3 4 5\"\n  weights: \"1; 1\"", in: folder).get()
        #expect(scene.configuration.conv.inputValues == [0, 1, 2, 3, 4, 5])
        #expect((scene.configuration.conv.kernelRows, scene.configuration.conv.kernelColumns) == (2, 1))
    }
}
