import CImageDecode

/// PNG (grey, grey+alpha, RGB, RGBA, palette; 1–16 bit) and JPEG, decoded by libpng and
/// libjpeg-turbo inside the C shim, which turns their longjmp errors into text.
public enum CodecDecoder {
    /// Whether the bytes start with the PNG signature.
    public static func isPNG(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    /// Whether the bytes start with a JPEG start-of-image marker.
    public static func isJPEG(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xFF, 0xD8, 0xFF])
    }

    /// Decodes PNG bytes.
    public static func decodePNG(_ bytes: [UInt8]) throws(ImageError) -> RasterImage {
        try decode(bytes, with: cnn_decode_png)
    }

    /// Decodes JPEG bytes.
    public static func decodeJPEG(_ bytes: [UInt8]) throws(ImageError) -> RasterImage {
        try decode(bytes, with: cnn_decode_jpeg)
    }

    private typealias Decoder = (
        UnsafePointer<UInt8>?, Int, Int, UnsafeMutablePointer<cnn_decoded_image>?
    ) -> Int32

    private static func decode(_ bytes: [UInt8], with decoder: Decoder) throws(ImageError) -> RasterImage {
        var decoded = cnn_decoded_image()
        let status = bytes.withUnsafeBufferPointer { buffer in
            decoder(buffer.baseAddress, buffer.count, ImageLimits.maxSide, &decoded)
        }
        defer { cnn_free_decoded_image(&decoded) }
        let text = withUnsafeBytes(of: decoded.error) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if status == -2 {
            let numbers = text.dropFirst("size ".count).split(separator: "x").compactMap { Int($0) }
            let (width, height) = numbers.count == 2 ? (numbers[0], numbers[1]) : (0, 0)
            throw ImageError(problem: ImageLimits.sizeProblem(width: width, height: height))
        }
        guard status == 0, let pointer = decoded.samples else {
            throw ImageError(problem: text.isEmpty ? "the image could not be decoded" : text)
        }
        let width = Int(decoded.width)
        let height = Int(decoded.height)
        let channels = Int(decoded.channels)
        let samples = Array(UnsafeBufferPointer(start: pointer, count: width * height * channels))
        return try RasterImage(
            width: width, height: height, channels: channels, maxValue: Int(decoded.max_value), samples: samples)
    }
}
