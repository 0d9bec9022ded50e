import CNNRender
import Foundation

/// An asciicast file being written, one event line at a time (the recording never sits in memory).
final class RecordingFile {
    private let path: String
    private let handle: FileHandle
    private var writer: AsciicastWriter

    /// Creates (or truncates) the file and writes the header.
    init(path: String, width: Int, height: Int) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw CommandFailure.usage("cnnviz record: \(path): cannot create the file (check the folder exists)")
        }
        self.handle = handle
        writer = AsciicastWriter(width: width, height: height)
        try write(writer.header(timestamp: Int(Date().timeIntervalSince1970), title: "cnnviz"))
    }

    /// Adds a frame shown at `time` seconds.
    func frame(time: Double, _ canvas: Canvas) throws {
        if let line = writer.event(time: time, canvas: canvas) { try write(line) }
    }

    /// Ends the recording at `time` seconds.
    func close(time: Double) throws {
        try write(writer.closing(time: time))
    }

    /// Flushes and closes the file.
    func finish() throws {
        do { try handle.close() } catch {
            throw CommandFailure.usage("cnnviz record: \(path): \(error.localizedDescription)")
        }
    }

    private func write(_ text: String) throws {
        do { try handle.write(contentsOf: Data(text.utf8)) } catch {
            throw CommandFailure.usage("cnnviz record: \(path): cannot write: \(error.localizedDescription)")
        }
    }
}
