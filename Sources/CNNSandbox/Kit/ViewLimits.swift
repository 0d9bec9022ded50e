import CNNCore

/// The most work a view does to draw one frame, so that every accepted setting draws in well
/// under 100 ms: a view whose picture grows faster than its input refuses, before computing,
/// a setting whose picture would be larger than this.
public enum ViewLimits {
    /// The most cells of a computed picture (an output or a zero-inserted grid): 2^22 = 4,194,304,
    /// four times a 1024×1024 grid.
    public static let maxPictureCells = 1 << 22
    /// The most cells of a picture the view computes in more than one way per frame (the
    /// transpose view's output, both ways): 2^19 = 524,288, a 724×724 grid.
    public static let maxTwoWayPictureCells = 1 << 19
    /// The most input cells of the backprop view, whose traces sum over every output cell:
    /// 2^14 = 16,384, a 128×128 grid.
    public static let maxGradientCells = 1 << 14

    /// The most multiply-adds a view's computation may take per frame: 2^26 = 67,108,864.
    public static let maxMultiplyAdds = 1 << 26

    /// Refuses a computation of more than `maxMultiplyAdds` (the product of `factors`), naming
    /// the view and what to change.
    public static func checkWork(_ factors: [Int], in view: String, change: String) throws(CNNError) {
        let work = CheckedInt.product(factors)
        guard let work, work <= maxMultiplyAdds else {
            throw .invalidShape(
                "the \(view) view would take \(work.map(String.init) ?? "more than 2^63") multiply-adds (\(factors.map(String.init).joined(separator: " × "))), more than the \(maxMultiplyAdds) it computes per frame; \(change)"
            )
        }
    }

    /// Refuses a picture of `channels × rows × columns` cells above `maxPictureCells`, naming the
    /// view and what to change.
    public static func checkPicture(
        channels: Int = 1, rows: Int, columns: Int, of what: String, in view: String, change: String,
        limit: Int = maxPictureCells
    ) throws(CNNError) {
        let cells = CheckedInt.product([channels, rows, columns])
        let shape = (channels == 1 ? "" : "\(channels)×") + "\(rows)×\(columns)"
        guard let cells, cells <= limit else {
            throw .invalidShape(
                "the \(view) view would compute a \(shape) \(what) (\(cells.map(String.init) ?? "more than 2^63") values), more than the \(limit) it computes per frame; \(change)"
            )
        }
    }
}
