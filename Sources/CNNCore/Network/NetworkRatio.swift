/// An exact fraction, for jumps and starts that become fractional after upsampling or transposed
/// convolution (0.5 after `up2`).
public struct NetworkRatio: Hashable, Sendable, Comparable {
    /// The numerator (any sign).
    public let numerator: Int
    /// The denominator (always positive).
    public let denominator: Int

    /// The fraction `numerator/denominator` in lowest terms; `denominator` must not be 0.
    public init(_ numerator: Int, _ denominator: Int = 1) {
        let sign = denominator < 0 ? -1 : 1
        let divisor = Swift.max(NetworkRatio.gcd(numerator, denominator), 1)
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    /// The greatest common divisor of the magnitudes.
    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return Int(x)
    }

    /// As a floating-point number.
    public var value: Double { Double(numerator) / Double(denominator) }

    /// A whole number as itself, a decimal when four digits after the point hold it exactly
    /// (`0.5`, `-1.5`, `0.0625`), else the fraction (`1/3`).
    public var text: String {
        guard denominator != 1 else { return "\(numerator)" }
        let (scaled, overflow) = numerator.multipliedReportingOverflow(by: 10_000)
        guard !overflow, scaled % denominator == 0 else { return "\(numerator)/\(denominator)" }
        let tenThousandths = scaled / denominator
        var fraction = String(tenThousandths.magnitude % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = "\(tenThousandths < 0 ? "-" : "")\(tenThousandths.magnitude / 10_000)"
        return fraction.isEmpty ? whole : "\(whole).\(fraction)"
    }

    /// Orders by value.
    public static func < (lhs: NetworkRatio, rhs: NetworkRatio) -> Bool { lhs.value < rhs.value }
}
