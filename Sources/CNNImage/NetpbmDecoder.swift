/// Reads Netpbm images: P1 (plain bitmap), P2 (plain grey), P3 (plain colour), P4 (raw
/// bitmap), P5 (raw grey), P6 (raw colour), with comments and maxval up to 65535.
/// Bitmaps become grey images with maxval 1 (PBM's 1 is black, so it reads as 0).
public enum NetpbmDecoder {
    /// Whether the bytes start like a Netpbm file (`P1`…`P6`).
    public static func recognizes(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == UInt8(ascii: "P") && (UInt8(ascii: "1")...UInt8(ascii: "6")).contains(bytes[1])
    }

    /// Decodes the bytes of a Netpbm file.
    public static func decode(_ bytes: [UInt8]) throws(ImageError) -> RasterImage {
        guard recognizes(bytes) else {
            throw ImageError(problem: "not a Netpbm file: it must start with P1…P6")
        }
        let kind = Int(bytes[1] - UInt8(ascii: "0"))
        var scanner = NetpbmScanner(bytes: bytes, offset: 2)
        if !scanner.atEnd && !NetpbmScanner.isSpace(bytes[2]) && bytes[2] != UInt8(ascii: "#") {
            throw scanner.error("expected whitespace after the magic number P\(kind)")
        }
        let width = try scanner.number("width", limit: 99_999_999)
        let height = try scanner.number("height", limit: 99_999_999)
        guard width >= 1, height >= 1, width <= ImageLimits.maxSide, height <= ImageLimits.maxSide else {
            throw ImageError(problem: ImageLimits.sizeProblem(width: width, height: height))
        }
        let bitmap = kind == 1 || kind == 4
        var maxValue = 1
        if !bitmap {
            let position = (scanner.line, scanner.column)
            maxValue = try scanner.number("maximum value", limit: 99_999_999)
            guard maxValue >= 1 && maxValue <= 65535 else {
                throw ImageError(
                    line: position.0, column: position.1,
                    problem: "bad maximum value \(maxValue): Netpbm allows 1…65535")
            }
        }
        let channels = kind == 3 || kind == 6 ? 3 : 1
        let count = width * height * channels
        // Bound the allocation by the data at hand: a plain sample takes at least one byte,
        // plus a separator unless it is a bit.
        let plainMinimum = kind == 1 ? count : kind == 2 || kind == 3 ? 2 * count - 1 : 0
        let remaining = bytes.count - scanner.offset
        guard remaining >= plainMinimum else {
            throw ImageError(problem: "truncated data: \(remaining) bytes cannot hold \(count) samples")
        }
        let samples: [UInt16]
        switch kind {
        case 1: samples = try plainBits(&scanner, count: count)
        case 2, 3: samples = try plainSamples(&scanner, count: count, maxValue: maxValue)
        case 4: samples = try rawBits(&scanner, width: width, height: height)
        default: samples = try rawSamples(&scanner, count: count, maxValue: maxValue)
        }
        return try RasterImage(width: width, height: height, channels: channels, maxValue: maxValue, samples: samples)
    }

    private static func plainBits(_ scanner: inout NetpbmScanner, count: Int) throws(ImageError) -> [UInt16] {
        var samples = [UInt16](repeating: 0, count: count)
        for index in 0..<count {
            samples[index] = UInt16(1 - (try scanner.bit()))
        }
        return samples
    }

    private static func plainSamples(
        _ scanner: inout NetpbmScanner, count: Int, maxValue: Int
    ) throws(ImageError) -> [UInt16] {
        var samples = [UInt16](repeating: 0, count: count)
        for index in 0..<count {
            scanner.skipSpace()
            if scanner.atEnd {
                throw scanner.error("truncated data: \(index) of \(count) samples")
            }
            let position = (scanner.line, scanner.column)
            let value = try scanner.number("sample", limit: 99_999_999)
            guard value <= maxValue else {
                throw ImageError(
                    line: position.0, column: position.1,
                    problem: "sample \(value) is above the maximum value \(maxValue)")
            }
            samples[index] = UInt16(value)
        }
        return samples
    }

    /// Moves past the single whitespace byte that ends a raw format's header.
    private static func rasterStart(_ scanner: inout NetpbmScanner) throws(ImageError) -> Int {
        guard !scanner.atEnd, NetpbmScanner.isSpace(scanner.bytes[scanner.offset]) else {
            throw scanner.error("expected one whitespace byte before the raster data")
        }
        return scanner.offset + 1
    }

    private static func rawBits(
        _ scanner: inout NetpbmScanner, width: Int, height: Int
    ) throws(ImageError) -> [UInt16] {
        let start = try rasterStart(&scanner)
        let rowBytes = (width + 7) / 8
        let needed = rowBytes * height
        let available = scanner.bytes.count - start
        guard available >= needed else {
            throw ImageError(problem: "truncated data: \(available) of \(needed) raster bytes")
        }
        var samples = [UInt16](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let byte = scanner.bytes[start + y * rowBytes + x / 8]
                let bit = (byte >> UInt8(7 - x % 8)) & 1
                samples[y * width + x] = UInt16(1 - bit)
            }
        }
        return samples
    }

    private static func rawSamples(
        _ scanner: inout NetpbmScanner, count: Int, maxValue: Int
    ) throws(ImageError) -> [UInt16] {
        let start = try rasterStart(&scanner)
        let size = maxValue > 255 ? 2 : 1
        let needed = count * size
        let available = scanner.bytes.count - start
        guard available >= needed else {
            throw ImageError(problem: "truncated data: \(available) of \(needed) raster bytes")
        }
        var samples = [UInt16](repeating: 0, count: count)
        let bytes = scanner.bytes
        for index in 0..<count {
            let value =
                size == 2
                ? UInt16(bytes[start + 2 * index]) << 8 | UInt16(bytes[start + 2 * index + 1])
                : UInt16(bytes[start + index])
            guard Int(value) <= maxValue else {
                throw ImageError(
                    problem: "sample \(value) (number \(index + 1)) is above the maximum value \(maxValue)")
            }
            samples[index] = value
        }
        return samples
    }
}
