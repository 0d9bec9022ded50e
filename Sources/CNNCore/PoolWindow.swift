/// Where one pooling window lies along one axis, in the terms PyTorch's pooling loops use.
/// Built by `AxisGeometry.poolWindow(output:)`; shared by the forward pass and the traces.
public struct PoolAxisWindow: Hashable, Sendable {
    /// The output index along this axis.
    public let output: Int
    /// The taps that land on real input cells (a half-open range, empty when none do).
    public let insideTaps: Range<Int>
    /// The first tap position at or after 0: where PyTorch's max starts (and its index when nothing beats −∞).
    public let firstPosition: Int
    /// Cells from the window start to its end, cut at the end of the padding: the
    /// `count_include_pad` divisor factor of average pooling. A ceil-mode window that hangs
    /// past the padding counts only up to it.
    public let paddedExtent: Int
}

extension AxisGeometry {
    /// The window of output `output` along this axis.
    public func poolWindow(output: Int) -> PoolAxisWindow {
        let start = inputPosition(output: output, tap: 0)
        let low = start >= 0 ? 0 : (-start + dilation - 1) / dilation
        let limit = inputSize - start  // tap t is inside when t·d < limit
        let high = limit <= 0 ? 0 : min(kernelSize, (limit - 1) / dilation + 1)
        let end = min(start + effectiveKernel, inputSize + padding.after)
        return PoolAxisWindow(
            output: output, insideTaps: low < high ? low..<high : low..<low,
            firstPosition: start + low * dilation, paddedExtent: end - start)
    }

    /// Whether an unpadded position lies past the padding at the end (a ceil-mode overhang).
    public func isBeyondPadding(_ position: Int) -> Bool {
        position >= inputSize + padding.after
    }
}

/// What one window computed: the output value, and how it came about.
struct PoolWindowOutcome {
    /// The output value.
    var value: Double
    /// Max: the flat `h·W + w` of the winner (PyTorch's index). Average: unused (0).
    var flatIndex: Int
    /// Average: the sum of the in-bounds cells. Max: unused (0).
    var sum: Double
    /// Average: PyTorch's divisor. Max: unused (0).
    var divisor: Int
}

extension PoolLayer {
    /// The one routine that reduces a window: the forward pass calls it for every output and
    /// `trace` for one, so a traced value always equals the computed one.
    ///
    /// Max walks the inside cells in row-major order; a cell wins when it is larger than the
    /// best so far or is NaN (PyTorch's rule: ties keep the first, a NaN wins). Average sums the
    /// inside cells and divides by PyTorch's divisor.
    @inline(__always)
    func reduceWindow(
        rows rowWindow: PoolAxisWindow, columns columnWindow: PoolAxisWindow, plane: UnsafePointer<Double>
    ) -> PoolWindowOutcome {
        let rows = axes[0]
        let columns = axes[1]
        let width = columns.inputSize
        switch kind {
        case .max:
            var best = -Double.infinity
            var index = rowWindow.firstPosition * width + columnWindow.firstPosition
            for kr in rowWindow.insideTaps {
                let ih = rows.inputPosition(output: rowWindow.output, tap: kr)
                for kc in columnWindow.insideTaps {
                    let flat = ih * width + columns.inputPosition(output: columnWindow.output, tap: kc)
                    let value = plane[flat]
                    if value > best || value.isNaN {
                        best = value
                        index = flat
                    }
                }
            }
            return PoolWindowOutcome(value: best, flatIndex: index, sum: 0, divisor: 0)
        case .average:
            var sum = 0.0
            for kr in rowWindow.insideTaps {
                let ih = rows.inputPosition(output: rowWindow.output, tap: kr)
                for kc in columnWindow.insideTaps {
                    sum += plane[ih * width + columns.inputPosition(output: columnWindow.output, tap: kc)]
                }
            }
            let inside = rowWindow.insideTaps.count * columnWindow.insideTaps.count
            let divisor = parameters.countIncludePad ? rowWindow.paddedExtent * columnWindow.paddedExtent : inside
            return PoolWindowOutcome(
                value: PoolLayer.average(sum: sum, divisor: divisor, inside: inside), flatIndex: 0, sum: sum,
                divisor: divisor)
        }
    }

    /// `sum / divisor`, or 0 for a window with no inside cell (as PyTorch).
    static func average(sum: Double, divisor: Int, inside: Int) -> Double {
        inside == 0 || divisor <= 0 ? 0 : sum / Double(divisor)
    }
}
