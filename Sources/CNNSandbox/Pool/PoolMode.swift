/// What the pooling view pools over: a sliding window, the whole plane, or the k largest cells.
public enum PoolMode: String, CaseIterable, Hashable, Sendable {
    /// `max_pool2d` / `avg_pool2d`: a window slides over the input.
    case window
    /// Global pooling: one window covering the whole channel plane.
    case global
    /// k-max pooling: the k largest values of the plane, kept in reading order.
    case kMax = "k-max"

    /// The mode after this one (`g` cycles window → global → k-max → window).
    public var next: PoolMode {
        return nextCase
    }
}
