/// A grid of values to draw as a picture: an image (grey, from `low` to `high`) or a feature
/// map (signed: blue below zero, orange above, against the largest magnitude).
public struct Picture: Hashable, Sendable {
    /// How values become shades.
    public enum Shading: Hashable, Sendable {
        /// `low` is black and `high` white (an image, e.g. 0…1 or 0…255).
        case grey(low: Double, high: Double)
        /// The diverging blue–orange scale of `Palette.value`, against this magnitude.
        case signed(scale: Double)
    }

    /// Columns of values.
    public let width: Int
    /// Rows of values.
    public let height: Int
    /// `width·height` values, row by row.
    public let values: [Double]
    /// How the values are shaded.
    public let shading: Shading

    /// Creates a picture; nil when the values do not fill `width·height` or a side is not positive.
    public init?(width: Int, height: Int, values: [Double], shading: Shading) {
        guard width >= 1, height >= 1, values.count == width * height else { return nil }
        self.width = width
        self.height = height
        self.values = values
        self.shading = shading
    }

    /// A feature map shaded against its own largest magnitude.
    public static func signed(width: Int, height: Int, values: [Double]) -> Picture? {
        let scale = values.lazy.filter(\.isFinite).map(abs).max() ?? 0
        return Picture(width: width, height: height, values: values, shading: .signed(scale: scale))
    }

    /// The smallest whole scale at which the picture fits `columns`×`rows` cells: one cell is
    /// `factor` pixels wide and `2·factor` pixels high.
    public func fitFactor(columns: Int, rows: Int) -> Int? {
        guard columns >= 1, rows >= 1 else { return nil }
        let across = (width + columns - 1) / columns
        let down = (height + 2 * rows - 1) / (2 * rows)
        return max(1, across, down)
    }

    /// The picture averaged down to fit `columns`×`rows` cells (nil if nothing fits). Compute
    /// this once per change of values or space, and draw the result every frame.
    public func fitted(columns: Int, rows: Int) -> FittedPicture? {
        guard let factor = fitFactor(columns: columns, rows: rows) else { return nil }
        return FittedPicture(picture: self, factor: factor)
    }
}
