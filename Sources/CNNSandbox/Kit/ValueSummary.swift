/// What a grid's drawing needs to know about all its values, computed once per change
/// rather than per frame: the largest magnitude (for the colour scale) and the widest text.
public struct ValueSummary: Hashable, Sendable {
    /// The largest |value| (1 when all are 0), for the colour scale.
    public let scale: Double
    /// The widest formatted value, in columns.
    public let textWidth: Int

    /// Summarises values.
    public init(_ values: [Double]) {
        var scale = 0.0
        var width = 1
        for value in values {
            if value.isFinite { scale = max(scale, abs(value)) }
            width = max(width, ValueSummary.formattedWidth(value))
        }
        self.scale = scale > 0 ? scale : 1
        self.textWidth = width
    }

    /// The columns of `NumberText.format(value)`: counted without formatting for whole numbers
    /// (the common case, and the costly one for a 4096×4096 grid), formatted otherwise.
    static func formattedWidth(_ value: Double) -> Int {
        guard value.isFinite, value == value.rounded(), abs(value) < 1e7 else {
            return NumberText.format(value).count
        }
        let whole = Int(value)
        var digits = whole < 0 ? 1 : 0
        var magnitude = whole.magnitude
        repeat {
            digits += 1
            magnitude /= 10
        } while magnitude > 0
        return digits
    }
}
