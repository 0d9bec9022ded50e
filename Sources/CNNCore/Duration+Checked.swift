/// Why a number of seconds cannot become a duration.
public enum DurationConversionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// NaN or ±∞.
    case notFinite(Double)
    /// Below zero.
    case negative(Double)
    /// More nanoseconds than `limit` allows.
    case tooLarge(Double, limitSeconds: Double)

    /// One sentence naming the value and what would work.
    public var description: String {
        switch self {
        case .notFinite(let value):
            return "\(value) seconds is not a finite number; give a number of seconds such as 0.5"
        case .negative(let value):
            return "\(value) seconds is negative; give 0 or more seconds"
        case .tooLarge(let value, let limit):
            return "\(value) seconds is more than the \(limit) seconds allowed; give a smaller number"
        }
    }
}

/// Checked conversions from user-given `Double`s to integers (timers, counts), refusing NaN, ∞,
/// negative and out-of-range values instead of trapping like `UInt64(_:)` does.
public enum CheckedConversion {
    /// The most seconds a duration may have by default: one day.
    public static let defaultLimitSeconds = 86_400.0

    /// `seconds` as whole nanoseconds (rounded to the nearest), refusing NaN/∞, negative values
    /// and more than `limitSeconds` (at most about 584 years, the range of `UInt64` nanoseconds).
    public static func nanoseconds(
        fromSeconds seconds: Double, limitSeconds: Double = defaultLimitSeconds
    ) throws(DurationConversionError) -> UInt64 {
        guard seconds.isFinite else { throw .notFinite(seconds) }
        guard seconds >= 0 else { throw .negative(seconds) }
        let limit = min(limitSeconds, 18_000_000_000.0)
        guard seconds <= limit else { throw .tooLarge(seconds, limitSeconds: limit) }
        let nanoseconds = (seconds * 1e9).rounded()
        // 1.8e19 > UInt64.max ≈ 1.8447e19 is excluded by the limit above (1.8e10 s).
        return UInt64(nanoseconds)
    }

    /// `value` as an `Int` if it is a whole number that fits, otherwise nil (NaN, ∞, fractions,
    /// or beyond ±2^63).
    public static func exactInt(_ value: Double) -> Int? {
        guard value.isFinite, value == value.rounded(.towardZero) else { return nil }
        return Int(exactly: value)
    }
}
