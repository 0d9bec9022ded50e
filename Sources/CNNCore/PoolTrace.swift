/// One tap of a pooling window: the input cell it reads, or padding.
public struct PoolTraceCell: Hashable, Sendable {
    /// Row and column in unpadded input coordinates; outside `0..<H`, `0..<W` means padding.
    public let row: Int
    public let column: Int
    /// The tap of the window (row and column within the window).
    public let tapRow: Int
    public let tapColumn: Int
    /// Whether the tap fell outside the input (padding, or a ceil-mode overhang past it).
    public let isPadding: Bool
    /// Whether the tap lies past the padding at the right or bottom (a ceil-mode window
    /// hanging off the end): PyTorch neither reads it nor counts it in the average's divisor.
    public let isBeyondPadding: Bool
    /// The input value, or the padding value: −∞ for max, 0 for average.
    public let value: Double
}

/// Everything that made one pooled value: the window's cells in row-major order, and for max
/// the winner, for average the sum and divisor.
public struct PoolTrace: Hashable, Sendable {
    /// Max or average.
    public let kind: PoolKind
    /// The output cell.
    public let row: Int
    public let column: Int
    /// Every tap of the window, row by row (empty when the query names no output cell).
    public let cells: [PoolTraceCell]
    /// Max: the index into `cells` of the winning cell (the first in row-major order on ties, a
    /// NaN wins); nil for average or when no tap is inside the input.
    public let winner: Int?
    /// Max: the winner's flat `h·W + w`, as PyTorch's indices give it.
    public let winnerFlatIndex: Int?
    /// Average: the sum of the inside cells.
    public let sum: Double?
    /// Average: PyTorch's divisor (the padded window area cut at the padding's end with
    /// `count_include_pad`, else the number of inside cells).
    public let divisor: Int?

    /// The output value: the winner's value for max (−∞ when no tap is inside), `sum / divisor`
    /// for average (0 when no tap is inside). NaN for an empty trace.
    public var value: Double {
        guard !cells.isEmpty else { return .nan }
        switch kind {
        case .max:
            return winner.map { cells[$0].value } ?? -.infinity
        case .average:
            let inside = cells.lazy.filter { !$0.isPadding }.count
            return PoolLayer.average(sum: sum ?? 0, divisor: divisor ?? 0, inside: inside)
        }
    }
}

extension PoolLayer {
    /// What made output `[batch, channel, row, column]`: every tap of its window (including
    /// padding) and the result of `reduceWindow`, the routine `forward` uses. A query outside
    /// the layer (wrong input shape or position), or a window of more than
    /// `CoreLimits.maxTraceTerms` cells, gives a trace with no cells.
    public func trace(_ input: Tensor, batch: Int = 0, channel: Int = 0, row: Int, column: Int) -> PoolTrace {
        let rows = axes[0]
        let columns = axes[1]
        guard input.shape == inputShape, (0..<inputShape[0]).contains(batch), (0..<inputShape[1]).contains(channel),
            (0..<rows.outputSize).contains(row), (0..<columns.outputSize).contains(column),
            CheckedInt.multiply(rows.kernelSize, columns.kernelSize).map({ $0 <= CoreLimits.maxTraceTerms }) == true
        else {
            return PoolTrace(
                kind: kind, row: row, column: column, cells: [], winner: nil, winnerFlatIndex: nil, sum: nil,
                divisor: nil)
        }
        let rowWindow = rows.poolWindow(output: row)
        let columnWindow = columns.poolWindow(output: column)
        let planeOffset = (batch * inputShape[1] + channel) * rows.inputSize * columns.inputSize
        let reduced = input.data.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { reduceWindow(rows: rowWindow, columns: columnWindow, plane: $0 + planeOffset) }
        }
        guard let outcome = reduced else {
            return PoolTrace(
                kind: kind, row: row, column: column, cells: [], winner: nil, winnerFlatIndex: nil, sum: nil,
                divisor: nil)
        }
        var cells: [PoolTraceCell] = []
        cells.reserveCapacity(rows.kernelSize * columns.kernelSize)
        var winner: Int?
        for kr in 0..<rows.kernelSize {
            let ih = rows.inputPosition(output: row, tap: kr)
            for kc in 0..<columns.kernelSize {
                let iw = columns.inputPosition(output: column, tap: kc)
                let inside = rows.isInside(ih) && columns.isInside(iw)
                let flat = ih * columns.inputSize + iw
                if inside, kind == .max, winner == nil, flat == outcome.flatIndex {
                    winner = cells.count
                }
                cells.append(
                    PoolTraceCell(
                        row: ih, column: iw, tapRow: kr, tapColumn: kc, isPadding: !inside,
                        isBeyondPadding: rows.isBeyondPadding(ih) || columns.isBeyondPadding(iw),
                        value: inside ? input.data[planeOffset + flat] : paddingValue))
            }
        }
        switch kind {
        case .max:
            return PoolTrace(
                kind: kind, row: row, column: column, cells: cells, winner: winner,
                winnerFlatIndex: outcome.flatIndex, sum: nil, divisor: nil)
        case .average:
            return PoolTrace(
                kind: kind, row: row, column: column, cells: cells, winner: nil, winnerFlatIndex: nil,
                sum: outcome.sum, divisor: outcome.divisor)
        }
    }
}
