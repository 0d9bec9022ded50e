import Foundation

/// How values are written in cells and sums: whole numbers without a fraction, others with
/// at most two decimals, so that a 3-wide cell holds most values of the course.
public enum NumberText {
    /// `19`, `-3`, `0.5`, `0.33`, `1.2e+03` for very large values.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded() && abs(value) < 1e7 {
            let whole = Int(value)
            return whole == 0 ? "0" : String(whole)
        }
        if abs(value) >= 1e5 {
            return String(format: "%.1e", value)
        }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        if text == "-0" { text = "0" }
        return text
    }

    /// A factor inside a product: negative values in parentheses, `3×(-1)`.
    public static func factor(_ value: Double) -> String {
        let text = format(value)
        return value < 0 ? "(\(text))" : text
    }
}
