/// What a grid's drawing needs to know about all its values, computed once per change
/// rather than per frame: the largest magnitude (for the colour scale) and the widest text.
/// For an output too large to compute whole (`ValueSummary.estimated`), the width is an upper
/// bound and the scale the largest magnitude of a sample, and `isEstimate` says so.
public struct ValueSummary: Hashable, Sendable {
    /// The largest |value| (1 when all are 0), for the colour scale.
    public let scale: Double
    /// The widest formatted value, in columns.
    public let textWidth: Int
    /// Whether every value is a finite whole number.
    public let allWhole: Bool
    /// Whether any value is below zero.
    public let hasNegative: Bool
    /// Whether `scale` comes from a sample and `textWidth` from a bound rather than from every value.
    public let isEstimate: Bool

    /// Summarises values.
    public init(_ values: [Double]) {
        var largest = 0.0
        var width = 1
        var allWhole = true
        var hasNegative = false
        // Whole numbers below 1e7 are written as integers, whose width grows with the magnitude:
        // the widest is the most negative or the most positive, found without formatting.
        var lowestWhole = 0
        var highestWhole = 0
        for value in values {
            let magnitude = abs(value)
            if value < 0 { hasNegative = true }
            // Below 1e7 a value is whole when truncating it changes nothing (no rounding call).
            if magnitude < 1e7, Double(Int(value)) == value {
                largest = max(largest, magnitude)
                let whole = Int(value)
                lowestWhole = min(lowestWhole, whole)
                highestWhole = max(highestWhole, whole)
            } else {
                if value.isFinite { largest = max(largest, magnitude) }
                allWhole = false
                width = max(width, ValueSummary.formattedWidth(value))
            }
        }
        width = max(width, ValueSummary.wholeWidth(lowestWhole), ValueSummary.wholeWidth(highestWhole))
        self.scale = largest > 0 ? largest : 1
        self.textWidth = width
        self.allWhole = allWhole
        self.hasNegative = hasNegative
        self.isEstimate = false
    }

    /// A summary of values not all computed: `scale` from a sample, `textWidth` from a bound.
    public init(estimatedScale: Double, textWidthBound: Int, allWhole: Bool, hasNegative: Bool) {
        self.scale = estimatedScale > 0 && estimatedScale.isFinite ? estimatedScale : 1
        self.textWidth = max(1, textWidthBound)
        self.allWhole = allWhole
        self.hasNegative = hasNegative
        self.isEstimate = true
    }

    /// The columns of `NumberText.format(value)`, counted without formatting (formatting 16
    /// million values of a 4096×4096 image takes seconds): whole numbers below 1e7 by their
    /// digits, `%.1e` by its fixed shape, two decimals from the value times 100 — formatted only
    /// at a rounding tie, where printf's exact rounding may differ, and for NaN and infinities.
    static func formattedWidth(_ value: Double) -> Int {
        guard value.isFinite else { return NumberText.format(value).count }
        let magnitude = abs(value)
        let sign = value < 0 ? 1 : 0
        if value == value.rounded() && magnitude < 1e7 { return wholeWidth(Int(value)) }
        // "1.2e+05": seven characters while the exponent has two digits.
        if magnitude >= 1e5 { return magnitude < 9e99 ? 7 + sign : NumberText.format(value).count }
        let scaled = magnitude * 100
        let fraction = scaled - scaled.rounded(.down)
        guard abs(fraction - 0.5) > 1e-6 else { return NumberText.format(value).count }
        let hundredths = Int(scaled.rounded())
        let whole = hundredths / 100
        let decimals = hundredths % 100
        guard hundredths > 0 else { return 1 }  // "0" (also for "-0.00")
        let point = decimals == 0 ? 0 : (decimals % 10 == 0 ? 2 : 3)
        return sign + wholeWidth(whole) + point
    }

    /// The columns of a whole number written in decimal, with its sign.
    static func wholeWidth(_ whole: Int) -> Int {
        var digits = whole < 0 ? 1 : 0
        var magnitude = whole.magnitude
        repeat {
            digits += 1
            magnitude /= 10
        } while magnitude > 0
        return digits
    }

    /// The widest `NumberText.format` of any value of magnitude at most `bound`: whole numbers
    /// when `allWhole` (written as integers below 1e7), else with up to two decimals below 1e5
    /// and as `1.2e+05` above; one more column when a value may be negative.
    public static func widthBound(magnitude bound: Double, allWhole: Bool, negative: Bool) -> Int {
        let sign = negative ? 1 : 0
        guard bound.isFinite else { return 4 + sign }  // "inf", "NaN", "-inf"
        if allWhole && bound < 1e7 { return wholeWidth(Int(bound)) + sign }
        // Above 1e5: "-1.2e+05", or whole numbers of up to seven digits.
        if bound >= 1e5 { return max(8, wholeWidth(Int(min(bound, 9_999_999)))) + sign }
        // "%.2f" rounds up at most to the next whole number: its digits, a point and two decimals.
        return max(1, wholeWidth(Int(bound) + 1) + 3 + sign)
    }
}
