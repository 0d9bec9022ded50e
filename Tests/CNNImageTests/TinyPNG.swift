/// A minimal PNG encoder for tests: stored (uncompressed) deflate blocks, real CRCs, so the
/// tests can make every PNG variant, and break one on purpose, without image tools.
enum TinyPNG {
    /// PNG colour types.
    enum ColorType: UInt8 {
        case grey = 0
        case rgb = 2
        case palette = 3
        case greyAlpha = 4
        case rgba = 6
    }

    /// Encodes rows of raw bytes (already packed for the bit depth, no filter byte).
    static func encode(
        width: Int, height: Int, colorType: ColorType, bitDepth: UInt8, rows: [[UInt8]], palette: [UInt8] = []
    ) -> [UInt8] {
        var ihdr = bigEndian32(UInt32(width)) + bigEndian32(UInt32(height))
        ihdr += [bitDepth, colorType.rawValue, 0, 0, 0]
        var raw: [UInt8] = []
        for row in rows { raw += [0] + row }
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        file += chunk("IHDR", ihdr)
        if !palette.isEmpty { file += chunk("PLTE", palette) }
        file += chunk("IDAT", zlibStored(raw))
        file += chunk("IEND", [])
        return file
    }

    /// Encodes 8-bit rows (`bytesPerPixel` bytes per pixel) with Adam7 interlacing.
    static func encodeInterlaced(
        width: Int, height: Int, colorType: ColorType, bytesPerPixel: Int, rows: [[UInt8]]
    ) -> [UInt8] {
        var ihdr = bigEndian32(UInt32(width)) + bigEndian32(UInt32(height))
        ihdr += [8, colorType.rawValue, 0, 0, 1]
        let passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
        var raw: [UInt8] = []
        for (xStart, yStart, xStep, yStep) in passes where xStart < width && yStart < height {
            for y in stride(from: yStart, to: height, by: yStep) {
                raw.append(0)
                for x in stride(from: xStart, to: width, by: xStep) {
                    raw += rows[y][(x * bytesPerPixel)..<((x + 1) * bytesPerPixel)]
                }
            }
        }
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        file += chunk("IHDR", ihdr)
        file += chunk("IDAT", zlibStored(raw))
        file += chunk("IEND", [])
        return file
    }

    static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
        let typeBytes = Array(type.utf8)
        return bigEndian32(UInt32(data.count)) + typeBytes + data + bigEndian32(crc32(typeBytes + data))
    }

    static func bigEndian32(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }

    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let count = min(65535, data.count - offset)
            let final: UInt8 = offset + count >= data.count ? 1 : 0
            out += [final, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            out += data[offset..<(offset + count)]
            offset += count
        } while offset < data.count
        var a: UInt32 = 1
        var b: UInt32 = 0
        for byte in data {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return out + bigEndian32(b << 16 | a)
    }
}
