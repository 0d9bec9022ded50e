import Foundation
import Testing

@testable import CNNFiles

/// Every way a named file can fail to be read gives one plain sentence, and nothing blocks.
@Suite("Reading the user's files")
struct UserFileTests {
    /// A fresh temporary directory for one test, removed afterwards by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cnnfiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func refusal(_ path: String, limit: Int = UserFile.defaultLimit) -> UserFileError? {
        do {
            _ = try UserFile.readText(path: path, limit: limit)
            return nil
        } catch {
            return error
        }
    }

    @Test("a regular UTF-8 file is read whole")
    func regular() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("ok.txt")
        try Data("héllo\n".utf8).write(to: file)
        #expect(try UserFile.readText(path: file.path) == "héllo\n")
        #expect(try UserFile.read(path: file.path).count == 7)
    }

    @Test("missing file, directory, symlink loop, not a directory")
    func pathProblems() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("none.json").path
        #expect(Self.refusal(missing) == .missing(path: missing))
        #expect(Self.refusal(directory.path) == .directory(path: directory.path))
        let a = directory.appendingPathComponent("a").path
        let b = directory.appendingPathComponent("b").path
        try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
        try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
        #expect(Self.refusal(a) == .symlinkLoop(path: a))
        let file = directory.appendingPathComponent("f")
        try Data("x".utf8).write(to: file)
        let under = file.path + "/inside"
        #expect(Self.refusal(under) == .notADirectory(path: under))
        #expect(Self.refusal(missing)?.description == "cannot read \(missing): it does not exist")
    }

    @Test("a FIFO with no writer is refused at once, not waited on")
    func fifo() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(path, 0o600) == 0)
        let start = Date()
        let error = Self.refusal(path)
        #expect(error == .notRegular(path: path, kind: "a pipe (FIFO)"))
        #expect(Date().timeIntervalSince(start) < 2)
    }

    @Test("character devices and /dev/stdin are refused")
    func devices() throws {
        guard case .notRegular = Self.refusal("/dev/null") else {
            Issue.record("/dev/null was not refused as a device")
            return
        }
        let stdin = Self.refusal("/dev/stdin")
        switch stdin {
        case .notRegular, .missing, .permissionDenied: break
        default: Issue.record("/dev/stdin gave \(String(describing: stdin))")
        }
    }

    @Test("an unreadable file is refused as permission denied")
    func permission() throws {
        #expect(UserFile.error(EACCES, path: "p") == .permissionDenied(path: "p"))
        guard geteuid() != 0 else { return }  // root may read anything: only the mapping is testable
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("secret")
        try Data("x".utf8).write(to: file)
        #expect(chmod(file.path, 0) == 0)
        #expect(Self.refusal(file.path) == .permissionDenied(path: file.path))
    }

    @Test("a file over the limit is refused, naming its size and the limit")
    func tooLarge() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("big")
        try Data(repeating: 65, count: 2000).write(to: file)
        let error = Self.refusal(file.path, limit: 1000)
        #expect(error == .tooLarge(path: file.path, size: 2000, limit: 1000))
        #expect(error?.reason == "it is 2000 bytes, more than the 1000 bytes allowed")
        #expect(try UserFile.read(path: file.path, limit: 2000).count == 2000)
    }

    @Test("text that is not UTF-8 is refused, naming the first bad byte")
    func notUTF8() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("latin1")
        try Data([0x63, 0x61, 0x66, 0xE9, 0x0A]).write(to: file)
        #expect(Self.refusal(file.path) == .notUTF8(path: file.path, offset: 3))
        #expect(try UserFile.read(path: file.path).count == 5)
    }
}
