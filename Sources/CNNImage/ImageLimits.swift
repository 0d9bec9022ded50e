/// The bounds checked before anything is allocated for an image.
public enum ImageLimits {
    /// The longest side in pixels: images are at most 4096×4096.
    public static let maxSide = 4096
    /// The largest file read (enough for a 16-bit 4096×4096 RGB Netpbm file).
    public static let maxFileBytes = 128 * 1024 * 1024

    /// The refusal for an image of this size.
    static func sizeProblem(width: Int, height: Int) -> String {
        if width <= 0 || height <= 0 {
            return "image size is \(width)×\(height); both sides must be at least 1 pixel"
        }
        return "image is \(width)×\(height) pixels; the limit is \(maxSide)×\(maxSide) (scale it down first)"
    }
}
