import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading a file the user named, with every refusal a plain sentence (`UserFileError`) and a
/// bound on its size. Only regular files are read: a directory, FIFO, socket or device
/// (`/dev/stdin` included) is refused without blocking, since the file is opened non-blocking
/// and checked with `fstat` before a byte is read.
public enum UserFile {
    /// The default bound: 64 MiB.
    public static let defaultLimit = 64 << 20

    /// The file's bytes, at most `limit` of them.
    public static func read(path: String, limit: Int = defaultLimit) throws(UserFileError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw error(errno, path: path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw error(errno, path: path) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .directory(path: path)
        case S_IFIFO: throw .notRegular(path: path, kind: "a pipe (FIFO)")
        case S_IFCHR: throw .notRegular(path: path, kind: "a character device (a terminal or /dev file)")
        case S_IFBLK: throw .notRegular(path: path, kind: "a block device")
        case S_IFSOCK: throw .notRegular(path: path, kind: "a socket")
        default: throw .notRegular(path: path, kind: "not a regular file")
        }
        let size = Int(status.st_size)
        guard size <= limit else { throw .tooLarge(path: path, size: size, limit: limit) }
        // Read at most limit + 1 bytes: a file that grows past the limit while read is refused too.
        var bytes = [UInt8](repeating: 0, count: min(size, limit) + 1)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress.map { $0 + filled }, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw error(errno, path: path)
            }
            if count == 0 { break }
            filled += count
        }
        guard filled <= limit else { throw .tooLarge(path: path, size: max(filled, size), limit: limit) }
        return Array(bytes.prefix(filled))
    }

    /// The file's text, which must be UTF-8, at most `limit` bytes.
    public static func readText(path: String, limit: Int = defaultLimit) throws(UserFileError) -> String {
        let bytes = try read(path: path, limit: limit)
        if let offset = firstInvalidUTF8(bytes) { throw .notUTF8(path: path, offset: offset) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The offset of the first byte that is not part of valid UTF-8, or nil when all are.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    /// The error for a failed `open`/`fstat`/`read`.
    static func error(_ code: Int32, path: String) -> UserFileError {
        switch code {
        case ENOENT: return .missing(path: path)
        case EACCES, EPERM: return .permissionDenied(path: path)
        case ELOOP: return .symlinkLoop(path: path)
        case ENOTDIR: return .notADirectory(path: path)
        case EISDIR: return .directory(path: path)
        case ENXIO: return .notRegular(path: path, kind: "a device or socket with nothing behind it")
        default: return .other(path: path, reason: String(cString: strerror(code)))
        }
    }
}
