import CNNImage
import Foundation
import Testing

@Suite struct ImageFileTests {
    @Test func loadsByContentNotName() throws {
        let files = ImageTestFiles()
        let png = TinyPNG.encode(width: 1, height: 1, colorType: .grey, bitDepth: 8, rows: [[7]])
        let path = files.write("named-like.pgm", png)
        #expect(try ImageFile.load(path).samples == [7])
    }

    @Test func pathProblemsNameTheFile() {
        let files = ImageTestFiles()
        expectLoadError(files.directory.path, "\(files.directory.path): is a directory")
        expectLoadError(files.directory.path + "/missing.png", "missing.png: no such file")
        expectLoadError(files.write("empty.pgm", []), "empty.pgm: the file is empty")
        expectLoadError("/dev/zero", "/dev/zero: is not a regular file")
        expectLoadError(
            files.write("gif.gif", Array("GIF89a".utf8)),
            "gif.gif: unknown image format (the file starts with bytes 47 49 46 38)")
        expectLoadError(files.write("zero.pgm", text: "P5 2 0 255\n"), "zero.pgm: image size is 2×0")
        if getuid() != 0 {
            let locked = files.write("locked.pgm", text: "P2 1 1 1 1")
            chmod(locked, 0)
            expectLoadError(locked, "locked.pgm: cannot be read")
        }
    }

    @Test func filesAboveTheByteBoundAreRefusedUnread() throws {
        let files = ImageTestFiles()
        let path = files.write("huge.pgm", text: "P5 4096 4096 255\n")
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(ImageLimits.maxFileBytes + 1))  // sparse: no disk used
        try handle.close()
        expectLoadError(path, "huge.pgm: file is 134217729 bytes; images are read up to 134217728 bytes")
    }

    @Test func errorsAreOneLine() {
        let files = ImageTestFiles()
        let path = files.write("bad.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16])
        do {
            _ = try ImageFile.load(path)
            Issue.record("a broken JPEG loaded")
        } catch {
            #expect(error.message.hasPrefix(path + ": corrupt JPEG"))
            #expect(!error.message.contains("\n"))
        }
    }
}

private func expectLoadError(_ path: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        _ = try ImageFile.load(path)
        Issue.record("\(path) loaded; expected '\(text)'", sourceLocation: sourceLocation)
    } catch {
        #expect(error.message.contains(text), "\(error.message)", sourceLocation: sourceLocation)
    }
}

@Suite struct SceneImagePathTests {
    @Test func relativePathsStartAtTheSceneFile() throws {
        let files = ImageTestFiles()
        _ = files.write("edge.pgm", text: "P2 2 1 9 0 9")
        let scene = files.directory.appendingPathComponent("lesson.yaml").path
        #expect(try ImageFile.load("edge.pgm", relativeTo: scene).samples == [0, 9])
        #expect(throws: ImageError.self) { _ = try ImageFile.load("other.pgm", relativeTo: scene) }
        do {
            _ = try ImageFile.load("missing.pgm", relativeTo: scene)
        } catch {
            #expect(error.message.hasPrefix("\(scene): image 'missing.pgm' ("))
            #expect(error.message.hasSuffix("missing.pgm): no such file"))
        }
    }

    @Test func imageRangeValues() throws {
        #expect(try SampleRange.parse("255") == .byte)
        #expect(try SampleRange.parse("1") == .unit)
        #expect(throws: ImageError(problem: "--image-range: expected 1 (values 0…1) or 255 (values 0…255), got '100'"))
        {
            _ = try SampleRange.parse("100")
        }
    }
}
