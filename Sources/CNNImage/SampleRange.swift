/// How sample values become tensor values: scaled to 0…1 (the default) or kept on a
/// 0…255 scale (`--image-range 255`; 16-bit and other maxvals are rescaled to 255 too).
public enum SampleRange: Hashable, Sendable {
    /// 0 is black, 1 is white.
    case unit
    /// 0 is black, 255 is white.
    case byte

    /// Parses `1` or `255` (the `--image-range` values); nil for anything else.
    public init?(flag: String) {
        switch flag {
        case "1", "1.0": self = .unit
        case "255": self = .byte
        default: return nil
        }
    }

    /// Parses an `--image-range` value, or explains which values work.
    public static func parse(_ text: String, flag: String = "--image-range") throws(ImageError) -> SampleRange {
        guard let range = SampleRange(flag: text) else {
            throw ImageError(problem: "\(flag): expected 1 (values 0…1) or 255 (values 0…255), got '\(text)'")
        }
        return range
    }

    /// The top of the range.
    public var top: Double {
        self == .unit ? 1 : 255
    }

    /// The factor that maps 0…`maxValue` samples onto this range.
    public func factor(maxValue: Int) -> Double {
        top / Double(max(1, maxValue))
    }
}
