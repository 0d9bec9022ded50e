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
        luminance(times: 1)
    }

    /// The luminance multiplied by `factor`, in one pass.
    private func luminance(times factor: Double) -> [Double] {
        let count = width * height
        guard channels == 3 else { return samples.map { Double($0) * factor } }
        let (red, green, blue) = (0.299 * factor, 0.587 * factor, 0.114 * factor)
        return samples.withUnsafeBufferPointer { source in
            [Double](unsafeUninitializedCapacity: count) { target, initialized in
                for pixel in 0..<count {
                    let base = 3 * pixel
                    target[pixel] =
                        red * Double(source[base]) + green * Double(source[base + 1]) + blue * Double(source[base + 2])
                }
                initialized = count
            }
        }
    }

    /// The samples of one channel (0-based), row by row, unscaled.
    public func plane(_ channel: Int) -> [Double] {
        precondition(channel >= 0 && channel < channels, "channel \(channel) outside 0..<\(channels)")
        return stride(from: channel, to: samples.count, by: channels).map { Double(samples[$0]) }
    }

    /// Luminance scaled to the range: a `height×width` tensor.
    public func luminanceTensor(_ range: SampleRange) -> Tensor {
        Tensor(checkedShape: [height, width], data: luminance(times: range.factor(maxValue: maxValue)))
    }

    /// Every channel scaled to the range: a `1×channels×height×width` tensor (PyTorch's N×C×H×W).
    public func tensor(_ range: SampleRange) -> Tensor {
        let factor = range.factor(maxValue: maxValue)
        var planes: [Double] = []
        planes.reserveCapacity(samples.count)
        for channel in 0..<channels {
            for index in stride(from: channel, to: samples.count, by: channels) {
                planes.append(Double(samples[index]) * factor)
            }
        }
        return Tensor(checkedShape: [1, channels, height, width], data: planes)
    }
}

extension Tensor {
    /// A tensor whose data is known to match its shape.
    fileprivate init(checkedShape shape: [Int], data: [Double]) {
        do {
            try self.init(shape: shape, data: data)
        } catch {
            self.init(shape: shape, repeating: 0)
        }
    }
}
