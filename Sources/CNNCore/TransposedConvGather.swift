extension AxisGeometry {
    /// The output whose window, at kernel tap `tap`, reads input `position`: the inverse of
    /// `inputPosition(output:tap:)`. Nil when no output among the first `outputs` (default: all)
    /// does, because the stride skips it or the window would start outside the output.
    public func output(reading position: Int, tap: Int, outputs: Int? = nil) -> Int? {
        let offset = position + padding.before - tap * dilation
        guard offset >= 0, offset % stride == 0 else { return nil }
        let output = offset / stride
        guard output < min(outputs ?? outputSize, outputSize), inputPosition(output: output, tap: tap) == position
        else {
            return nil
        }
        return output
    }

    /// For every input position, the `(tap, output)` pairs whose window reads it, taps in order.
    /// Only the first `outputs` outputs count (a transposed convolution may have fewer inputs
    /// than its dual convolution has outputs when output padding reaches the stride).
    func readers(outputs: Int) -> [[(tap: Int, output: Int)]] {
        (0..<inputSize).map { position in
            (0..<kernelSize).compactMap { tap in
                output(reading: position, tap: tap, outputs: outputs).map { (tap: tap, output: $0) }
            }
        }
    }
}

/// The sum shared by a convolution's input gradient and the transposed convolution: every
/// *source* cell (`dL/dY`, or the transposed convolution's input) is multiplied by each kernel tap
/// and added to the *target* cell the tap reads in the forward convolution (`dL/dX`, or the
/// transposed output). Each target gathers what lands on it.
///
/// The geometry is the forward convolution's, from target (its input) to source (its output);
/// `AxisGeometry.inputPosition` says where a source cell's tap lands. Weights are laid out
/// `sources × targets/groups × kH × kW`: a convolution weight as it is, or a transposed one.
struct TapGather: Sendable {
    /// Target rows and the row taps landing on each (a one-cell axis for 1-D).
    let rowReaders: [[(tap: Int, output: Int)]]
    /// Target columns and the column taps landing on each.
    let columnReaders: [[(tap: Int, output: Int)]]
    let sourceRows: Int, sourceColumns: Int
    let kernelRows: Int, kernelColumns: Int
    let sourceChannels: Int, targetChannels: Int, groups: Int

    init(
        rowAxis: AxisGeometry, columnAxis: AxisGeometry, sourceRows: Int, sourceColumns: Int,
        sourceChannels: Int, targetChannels: Int, groups: Int
    ) {
        rowReaders = rowAxis.readers(outputs: sourceRows)
        columnReaders = columnAxis.readers(outputs: sourceColumns)
        self.sourceRows = sourceRows
        self.sourceColumns = sourceColumns
        kernelRows = rowAxis.kernelSize
        kernelColumns = columnAxis.kernelSize
        self.sourceChannels = sourceChannels
        self.targetChannels = targetChannels
        self.groups = groups
    }

    var targetRows: Int { rowReaders.count }
    var targetColumns: Int { columnReaders.count }
    var sourcesPerGroup: Int { sourceChannels / groups }
    var targetsPerGroup: Int { targetChannels / groups }

    /// Where one term comes from: the source cell and the weight tap.
    struct Term {
        let sourceChannel: Int, sourceRow: Int, sourceColumn: Int
        let tapRow: Int, tapColumn: Int
        let sourceValue: Double, weight: Double
    }

    /// Visits the terms landing on target `[batch, channel, row, column]`: source channel within
    /// the group, then tap row, then tap column. The one summation order for values and traces.
    @inline(__always)
    func forEachTerm(
        source: [Double], weight: [Double], batch: Int, channel: Int, row: Int, column: Int, _ body: (Term) -> Void
    ) {
        let group = channel / targetsPerGroup
        let slice = channel % targetsPerGroup
        let taps = kernelRows * kernelColumns
        let rowsHere = rowReaders[row]
        let columnsHere = columnReaders[column]
        for sourceSlice in 0..<sourcesPerGroup {
            let sc = group * sourcesPerGroup + sourceSlice
            let plane = (batch * sourceChannels + sc) * sourceRows * sourceColumns
            let kernel = (sc * targetsPerGroup + slice) * taps
            for (kr, sr) in rowsHere {
                for (kc, scol) in columnsHere {
                    body(
                        Term(
                            sourceChannel: sc, sourceRow: sr, sourceColumn: scol, tapRow: kr, tapColumn: kc,
                            sourceValue: source[plane + sr * sourceColumns + scol],
                            weight: weight[kernel + kr * kernelColumns + kc]))
                }
            }
        }
    }

    /// Every target value, `batch × targetChannels × rows × columns` in row-major order: the sum
    /// of its terms in `forEachTerm` order, plus `bias[channel]` added last when given.
    func gatherAll(source: [Double], weight: [Double], batch: Int, bias: [Double]?) -> [Double] {
        let plane = targetRows * targetColumns
        var result = Array(repeating: 0.0, count: batch * targetChannels * plane)
        let channels = targetChannels
        let columns = targetColumns
        let rows = targetRows
        let work = result.count * sourcesPerGroup * kernelRows * kernelColumns
        // Rows skipped after a cancellation stay 0; the caller throws `CNNError.cancelled`.
        let cancellation = CancellationFlag.current
        result.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let target = SharedBuffer(base: base)
            parallelFor(batch * channels, work: work) { job in
                let n = job / channels
                let channel = job % channels
                let out = target.base + job * plane
                let b = bias?[channel]
                for row in 0..<rows {
                    if cancellation?.shouldStop() == true { return }
                    for column in 0..<columns {
                        var sum = 0.0
                        forEachTerm(
                            source: source, weight: weight, batch: n, channel: channel, row: row, column: column
                        ) {
                            sum += $0.sourceValue * $0.weight
                        }
                        if let b { sum += b }
                        out[row * columns + column] = sum
                    }
                }
            }
        }
        return result
    }
}
