extension ConvLayer {
    /// The outputs of one channel plane at every (row, column) of `rows × columns` (row by
    /// row, `rows.count · columns.count` values): what a view shows of a convolution too large
    /// to compute whole. Each cell is summed as `forward` and `trace` sum it — input channel,
    /// kernel row, kernel column, then the bias; padding taps add nothing —, so a value equals
    /// the whole forward pass's and its trace's, bit for bit. Positions outside the output, a
    /// wrong tensor shape, or more than `CoreLimits.maxMultiplyAdds` of work are refused.
    public func forward(
        input: Tensor, weight: Tensor, bias: Tensor?, batch: Int = 0, outputChannel: Int = 0, rows: [Int],
        columns: [Int]
    ) throws(CNNError) -> [Double] {
        try checkTensors(input: input, weight: weight, bias: bias)
        let rowAxis = self.rowAxis
        let columnAxis = self.columnAxis
        try checkCells(
            batch: batch, outputChannel: outputChannel, rows: rows, columns: columns, rowAxis: rowAxis,
            columnAxis: columnAxis)
        try CoreLimits.checkWork(
            [rows.count, columns.count, channelsPerGroup, kernelRows, kernelColumns], of: "convolution of these cells")
        let group = outputChannel / outputsPerGroup
        let inPlane = rowAxis.inputSize * columnAxis.inputSize
        let taps = kernelRows * kernelColumns
        let biasValue = bias?.data[outputChannel]
        var values: [Double] = []
        values.reserveCapacity(rows.count * columns.count)
        input.data.withUnsafeBufferPointer { inBuffer in
            weight.data.withUnsafeBufferPointer { weightBuffer in
                for row in rows {
                    for column in columns {
                        var sum = 0.0
                        for slice in 0..<channelsPerGroup {
                            let ci = group * channelsPerGroup + slice
                            let plane = (batch * inputChannels + ci) * inPlane
                            let kernel = (outputChannel * channelsPerGroup + slice) * taps
                            for kr in 0..<kernelRows {
                                let ih = rowAxis.inputPosition(output: row, tap: kr)
                                guard rowAxis.isInside(ih) else { continue }
                                let line = plane + ih * columnAxis.inputSize
                                for kc in 0..<kernelColumns {
                                    let iw = columnAxis.inputPosition(output: column, tap: kc)
                                    guard columnAxis.isInside(iw) else { continue }
                                    sum += weightBuffer[kernel + kr * kernelColumns + kc] * inBuffer[line + iw]
                                }
                            }
                        }
                        values.append(biasValue.map { sum + $0 } ?? sum)
                    }
                }
            }
        }
        return values
    }

    /// Refuses a batch, channel or cell outside the output.
    private func checkCells(
        batch: Int, outputChannel: Int, rows: [Int], columns: [Int], rowAxis: AxisGeometry, columnAxis: AxisGeometry
    ) throws(CNNError) {
        guard (0..<inputShape[0]).contains(batch), (0..<outputChannels).contains(outputChannel) else {
            throw .invalidQuery(
                "batch \(batch), output channel \(outputChannel) is outside the output \(Tensor.describe(outputShape))"
            )
        }
        let outputRows = 0..<rowAxis.outputSize
        let outputColumns = 0..<columnAxis.outputSize
        if let row = rows.first(where: { !outputRows.contains($0) }) {
            throw .invalidQuery("output row \(row) is outside 0…\(rowAxis.outputSize - 1)")
        }
        if let column = columns.first(where: { !outputColumns.contains($0) }) {
            throw .invalidQuery("output column \(column) is outside 0…\(columnAxis.outputSize - 1)")
        }
    }
}
