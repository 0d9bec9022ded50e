import CNNCore

/// A decoded picture: `channels` samples per pixel (1 grey, 3 red–green–blue), row by row,
/// each in `0...maxValue`. Alpha is already dropped and palettes expanded.
public struct RasterImage: Hashable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// Samples per pixel: 1 (grey) or 3 (RGB).
    public let channels: Int
    /// The largest sample value (1 for bitmaps, 255, 65535, or a Netpbm maxval).
    public let maxValue: Int
    /// `width·height·channels` samples, pixel by pixel, row by row.
    public let samples: [UInt16]

    /// Creates an image, refusing samples that do not match the size or exceed `maxValue`.
    public init(width: Int, height: Int, channels: Int, maxValue: Int, samples: [UInt16]) throws(ImageError) {
        guard width >= 1, height >= 1, width <= ImageLimits.maxSide, height <= ImageLimits.maxSide else {
            throw ImageError(problem: ImageLimits.sizeProblem(width: width, height: height))
        }
        guard channels == 1 || channels == 3 else {
            throw ImageError(problem: "\(channels) channels per pixel; images have 1 (grey) or 3 (RGB)")
        }
        guard maxValue >= 1 && maxValue <= 65535 else {
            throw ImageError(problem: "maximum sample value \(maxValue) is outside 1…65535")
        }
        guard samples.count == width * height * channels else {
            throw ImageError(
                problem: "\(samples.count) samples for \(width)×\(height)×\(channels) (\(width * height * channels))")
        }
        if let large = samples.first(where: { Int($0) > maxValue }) {
            throw ImageError(problem: "sample \(large) is above the maximum value \(maxValue)")
        }
        self.width = width
        self.height = height
        self.channels = channels
        self.maxValue = maxValue
        self.samples = samples
    }

    /// One grey channel: the image itself if grey, else ITU-R BT.601 luminance
    /// (0.299 R + 0.587 G + 0.114 B) on the same 0…`maxValue` scale.
    public var luminance: [Double] {
        guard channels == 3 else { return samples.map(Double.init) }
        var result = [Double](repeating: 0, count: width * height)
        for pixel in 0..<(width * height) {
            let red = Double(samples[3 * pixel])
            let green = Double(samples[3 * pixel + 1])
            let blue = Double(samples[3 * pixel + 2])
            result[pixel] = 0.299 * red + 0.587 * green + 0.114 * blue
        }
        return result
    }

    /// The samples of one channel (0-based), row by row, unscaled.
    public func plane(_ channel: Int) -> [Double] {
        precondition(channel >= 0 && channel < channels, "channel \(channel) outside 0..<\(channels)")
        return stride(from: channel, to: samples.count, by: channels).map { Double(samples[$0]) }
    }

    /// Luminance scaled to the range: a `height×width` tensor.
    public func luminanceTensor(_ range: SampleRange) -> Tensor {
        let factor = range.factor(maxValue: maxValue)
        return Tensor(checkedShape: [height, width], data: luminance.map { $0 * factor })
    }

    /// Every channel scaled to the range: a `1×channels×height×width` tensor (PyTorch's N×C×H×W).
    public func tensor(_ range: SampleRange) -> Tensor {
        let factor = range.factor(maxValue: maxValue)
        let planes = (0..<channels).flatMap { plane($0) }
        return Tensor(checkedShape: [1, channels, height, width], data: planes.map { $0 * factor })
    }
}

extension Tensor {
    /// A tensor whose data is known to match its shape.
    fileprivate init(checkedShape shape: [Int], data: [Double]) {
        self.init(shape: shape, repeating: 0)
        self.data = data
    }
}
