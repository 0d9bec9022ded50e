/// How a sliding window (convolution kernel or pooling window) moves along one spatial axis.
///
/// This is the single place that says which input cell a window reads: every operation,
/// trace and view asks `inputPosition(output:tap:)` rather than redoing the arithmetic.
public struct AxisGeometry: Hashable, Sendable {
    /// Cells along this axis of the unpadded input.
    public let inputSize: Int
    /// Taps of the kernel or window along this axis.
    public let kernelSize: Int
    /// Cells the window moves between neighbouring outputs.
    public let stride: Int
    /// Gap between taps: 1 is contiguous, 2 skips every other cell.
    public let dilation: Int
    /// Zeros (or −∞ for max pooling) added before and after.
    public let padding: AxisPadding
    /// Whether the output size rounds up (pooling's `ceil_mode`).
    public let ceilMode: Bool

    /// Creates a geometry; sizes are not validated here (see `validate`).
    public init(
        inputSize: Int, kernelSize: Int, stride: Int = 1, dilation: Int = 1,
        padding: AxisPadding = AxisPadding(0), ceilMode: Bool = false
    ) {
        self.inputSize = inputSize
        self.kernelSize = kernelSize
        self.stride = stride
        self.dilation = dilation
        self.padding = padding
        self.ceilMode = ceilMode
    }

    /// A one-cell axis with a one-tap kernel: the height of a 1-D signal.
    public static let unit = AxisGeometry(inputSize: 1, kernelSize: 1)

    /// The cells one window spans: `d·(k−1) + 1`.
    public var effectiveKernel: Int { dilation * (kernelSize - 1) + 1 }

    /// The input with its padding: `n + before + after`.
    public var paddedSize: Int { inputSize + padding.before + padding.after }

    /// `n + p₀ + p₁ − d·(k−1) − 1`: how far the window can move; negative when it does not fit.
    private var span: Int { paddedSize - effectiveKernel }

    /// `⌊a/b⌋` rounded toward −∞ (PyTorch's `div_rtn`), for a positive `b`.
    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let quotient = a / b
        return (a % b != 0 && a < 0) ? quotient - 1 : quotient
    }

    /// The floor-mode output size before any ceil adjustment (0 or less when the kernel does not fit).
    private var floorOutputSize: Int {
        stride < 1 ? 0 : AxisGeometry.floorDivide(span, stride) + 1
    }

    /// The ceil-mode output size before PyTorch drops a window that would start in the padding.
    private var ceilCandidateSize: Int {
        stride < 1 ? 0 : AxisGeometry.floorDivide(span + stride - 1, stride) + 1
    }

    /// Whether ceil mode added a window and then dropped it because it would start in the
    /// right/bottom padding (PyTorch's rule).
    public var ceilWindowDropped: Bool {
        guard ceilMode, ceilCandidateSize > max(floorOutputSize, 0) else { return false }
        return (ceilCandidateSize - 1) * stride >= inputSize + padding.before
    }

    /// Whether ceil mode produced an extra, partial window at the end. This includes a window
    /// larger than the padded input by less than a stride: PyTorch still gives it one output.
    public var ceilWindowAdded: Bool {
        guard ceilMode else { return false }
        return ceilCandidateSize > max(floorOutputSize, 0) && !ceilWindowDropped
    }

    /// Number of outputs along this axis (0 when the kernel does not fit).
    public var outputSize: Int {
        let size = max(floorOutputSize, 0)
        return ceilWindowAdded ? size + 1 : size
    }

    /// The unpadded input position read by output `output` at kernel tap `tap`. Positions
    /// below 0 or at/after `inputSize` fall in the padding.
    @inline(__always)
    public func inputPosition(output: Int, tap: Int) -> Int {
        output * stride - padding.before + tap * dilation
    }

    /// Whether an unpadded input position is a real cell rather than padding.
    @inline(__always)
    public func isInside(_ position: Int) -> Bool {
        position >= 0 && position < inputSize
    }

    /// The first padded-coordinate cell that no window reads, counted from the end: how
    /// many trailing rows or columns (of the padded input) the stride leaves unread.
    public var unreadTrailingCells: Int {
        guard outputSize > 0 else { return 0 }
        let lastRead = (outputSize - 1) * stride + effectiveKernel
        return max(0, paddedSize - lastRead)
    }

    /// How many trailing cells of the real input (not padding) are never read.
    public var unreadInputCells: Int {
        max(0, unreadTrailingCells - padding.after)
    }

    /// Outputs whose window at tap `tap` lands on a real input cell: a half-open range.
    /// Used by fast loops that skip the padding without testing every position.
    public func validOutputs(tap: Int) -> Range<Int> {
        // Need 0 <= o*s - before + tap*d < inputSize.
        let offset = tap * dilation - padding.before
        let low = offset >= 0 ? 0 : (-offset + stride - 1) / stride
        let limit = inputSize - offset  // o*s < limit
        let high = limit <= 0 ? 0 : min(outputSize, (limit - 1) / stride + 1)
        return low < high ? low..<high : low..<low
    }

    /// The output-size formula with this axis' numbers filled in.
    public var formula: OutputSizeFormula { OutputSizeFormula(self) }
}
