import CNNSandbox

/// Which part of a long axis fits on screen, chosen to keep a region of interest visible.
public enum Viewport {
    /// A window of `visible` positions within `total` that contains `focus` when it fits,
    /// centred on it otherwise, and never leaves `total`.
    public static func follow(total: Range<Int>, visible: Int, focus: Range<Int>) -> Range<Int> {
        let count = max(1, visible)
        guard total.count > count else { return total }
        let middle = focus.isEmpty ? total.lowerBound : (focus.lowerBound + focus.upperBound - 1) / 2
        var start: Int
        if focus.count <= count {
            start = middle - count / 2
        } else {
            start = focus.lowerBound
        }
        start = max(total.lowerBound, min(start, total.upperBound - count))
        return start..<(start + count)
    }
}
