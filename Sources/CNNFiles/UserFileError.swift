/// Why a file the user named cannot be read: one plain sentence each, naming the path.
public enum UserFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing exists at the path.
    case missing(path: String)
    /// The path is a directory.
    case directory(path: String)
    /// The path is a FIFO, socket, character or block device (including `/dev/stdin`): reading
    /// it could block forever or never end, so it is refused.
    case notRegular(path: String, kind: String)
    /// Symbolic links at the path point at each other.
    case symlinkLoop(path: String)
    /// The file (or a directory on its path) may not be read.
    case permissionDenied(path: String)
    /// A part of the path before the last is not a directory.
    case notADirectory(path: String)
    /// The file holds more than the limit.
    case tooLarge(path: String, size: Int, limit: Int)
    /// The file is not UTF-8 text (for text reads); `offset` is the first bad byte.
    case notUTF8(path: String, offset: Int)
    /// Any other system error, with its description.
    case other(path: String, reason: String)

    /// The path the error is about.
    public var path: String {
        switch self {
        case .missing(let path), .directory(let path), .notRegular(let path, _), .symlinkLoop(let path),
            .permissionDenied(let path), .notADirectory(let path), .tooLarge(let path, _, _),
            .notUTF8(let path, _), .other(let path, _):
            return path
        }
    }

    /// Why, without the path: `it does not exist`, `it is a directory`…
    public var reason: String {
        switch self {
        case .missing: return "it does not exist"
        case .directory: return "it is a directory; give a file inside it"
        case .notRegular(_, let kind):
            return "it is \(kind), not a regular file; save the data to a file and give that"
        case .symlinkLoop: return "its symbolic links form a loop"
        case .permissionDenied: return "permission denied (check the file's and its directories' permissions)"
        case .notADirectory: return "a part of the path is not a directory"
        case .tooLarge(_, let size, let limit):
            return "it is \(size) bytes, more than the \(limit) bytes allowed"
        case .notUTF8(_, let offset): return "it is not UTF-8 text (byte \(offset) is not valid UTF-8)"
        case .other(_, let reason): return reason
        }
    }

    /// `cannot read PATH: REASON`.
    public var description: String { "cannot read \(path): \(reason)" }
}
