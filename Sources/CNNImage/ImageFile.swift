import Foundation

/// Reads an image file of any supported format, recognised by its first bytes (not its name):
/// Netpbm P1–P6, PNG, JPEG. Every failure is one `ImageError` naming the file.
public enum ImageFile {
    /// Reads and decodes the file at `path` (relative paths against the current directory).
    public static func load(_ path: String) throws(ImageError) -> RasterImage {
        let bytes = try read(path)
        do {
            return try decode(bytes)
        } catch {
            throw error.inFile(path)
        }
    }

    /// Reads an image named in a scene file: a relative path is taken from the scene file's
    /// folder, and errors name the path as the scene gives it, after the scene file.
    public static func load(_ path: String, relativeTo sceneFile: String) throws(ImageError) -> RasterImage {
        let resolved =
            path.hasPrefix("/")
            ? path
            : URL(fileURLWithPath: sceneFile).deletingLastPathComponent().appendingPathComponent(path).path
        do {
            return try load(resolved)
        } catch {
            let place = error.line.map { " at \($0):\(error.column ?? 1)" } ?? ""
            throw ImageError(file: sceneFile, problem: "image '\(path)' (\(resolved))\(place): \(error.problem)")
        }
    }

    /// Decodes bytes already in memory.
    public static func decode(_ bytes: [UInt8]) throws(ImageError) -> RasterImage {
        if bytes.isEmpty {
            throw ImageError(problem: "the file is empty; expected a Netpbm (P1–P6), PNG or JPEG image")
        }
        if NetpbmDecoder.recognizes(bytes) { return try NetpbmDecoder.decode(bytes) }
        if CodecDecoder.isPNG(bytes) { return try CodecDecoder.decodePNG(bytes) }
        if CodecDecoder.isJPEG(bytes) { return try CodecDecoder.decodeJPEG(bytes) }
        let start = bytes.prefix(4).map { String(format: "%02X", $0) }.joined(separator: " ")
        throw ImageError(
            problem: "unknown image format (the file starts with bytes \(start)); expected Netpbm (P1–P6), PNG or JPEG")
    }

    /// The file's bytes, after checking it is a readable regular file within the size bound.
    static func read(_ path: String) throws(ImageError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImageError(file: path, problem: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw ImageError(file: path, problem: "is a directory; give an image file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw ImageError(file: path, problem: "cannot be read (permission denied)")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular else {
            throw ImageError(
                file: path, problem: "is not a regular file (a device, pipe or socket); give an image file")
        }
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        guard size <= ImageLimits.maxFileBytes else {
            throw ImageError(
                file: path,
                problem: "file is \(size) bytes; images are read up to \(ImageLimits.maxFileBytes) bytes")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImageError(file: path, problem: "cannot be opened")
        }
        defer { try? handle.close() }
        let data: Data?
        do {
            data = try handle.read(upToCount: ImageLimits.maxFileBytes + 1)
        } catch {
            throw ImageError(file: path, problem: "cannot be read: \(error.localizedDescription)")
        }
        let bytes = [UInt8](data ?? Data())
        guard bytes.count <= ImageLimits.maxFileBytes else {
            throw ImageError(file: path, problem: "file is larger than \(ImageLimits.maxFileBytes) bytes")
        }
        return bytes
    }
}
