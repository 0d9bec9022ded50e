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
            width = max(width, NumberText.format(value).count)
        }
        self.scale = scale > 0 ? scale : 1
        self.textWidth = width
    }
}
