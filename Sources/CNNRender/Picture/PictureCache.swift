import Foundation

/// Remembers the last fitted picture of one role (a view's input, its feature map), so a frame
/// that draws the same values at the same size reuses it instead of averaging every pixel again.
/// The values are compared with `==`, which for the model's unchanged array is a check of its
/// storage, not of its elements: a 1024×1024 image is averaged once per change, not per frame.
public final class PictureCache: @unchecked Sendable {
    private struct Entry {
        let values: [Double]
        let width: Int
        let shading: Picture.Shading
        let factor: Int
        let zoom: Int
        let source: Picture
        let fitted: FittedPicture
    }

    private let lock = NSLock()
    private var entry: Entry?

    /// Creates an empty cache.
    public init() {}

    /// The picture of `values` (`width` columns) averaged in `factor`×`factor` blocks, or with
    /// `zoom` above 1 enlarged to `zoom`×`zoom` blocks a pixel, and the source picture; nil when
    /// the values do not make a picture.
    public func fitted(
        values: [Double], width: Int, shading: Picture.Shading, factor: Int, zoom: Int = 1
    ) -> (source: Picture, fitted: FittedPicture)? {
        lock.lock()
        defer { lock.unlock() }
        if let entry, entry.width == width, entry.shading == shading, entry.factor == factor, entry.zoom == zoom,
            entry.values == values
        {
            return (entry.source, entry.fitted)
        }
        guard width >= 1, values.count % width == 0,
            let source = Picture(width: width, height: values.count / width, values: values, shading: shading)
        else { return nil }
        let fitted =
            zoom > 1 ? FittedPicture(picture: source, zoom: zoom) : FittedPicture(picture: source, factor: factor)
        fits += 1
        entry = Entry(
            values: values, width: width, shading: shading, factor: factor, zoom: zoom, source: source, fitted: fitted)
        return (source, fitted)
    }

    private var fits = 0

    /// How many times the cache averaged a picture (once per change of values or scale, not per frame).
    public var fitCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return fits
    }
}
