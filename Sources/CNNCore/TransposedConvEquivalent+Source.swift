extension TransposedConvLayer {
    /// Which input cell sits at position `[row, column]` of `zeroInsertionEquivalent`'s input
    /// (row 0 for 1-D), or nil when that position holds one of the `s−1` zeros the stride
    /// inserted (or lies outside it). Lets a view tell real input cells from inserted zeros.
    public func zeroInsertedSource(row: Int, column: Int) -> (row: Int, column: Int)? {
        let plans = (0..<spatialRank).map { axis in
            ZeroInsertionAxis(
                inputSize: inputShape[axis + 2], kernel: weightShape[axis + 2], stride: parameters.stride[axis],
                padding: parameters.padding[axis], outputPadding: parameters.outputPadding[axis],
                dilation: parameters.dilation[axis])
        }
        let columnPlan = plans[spatialRank - 1]
        guard column >= 0, column < columnPlan.keep.count,
            let sourceColumn = columnPlan.inputIndex(at: columnPlan.keep.lowerBound + column)
        else { return nil }
        guard spatialRank == 2 else { return row == 0 ? (0, sourceColumn) : nil }
        let rowPlan = plans[0]
        guard row >= 0, row < rowPlan.keep.count,
            let sourceRow = rowPlan.inputIndex(at: rowPlan.keep.lowerBound + row)
        else { return nil }
        return (sourceRow, sourceColumn)
    }
}
