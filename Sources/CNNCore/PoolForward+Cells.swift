extension PoolLayer {
    /// The pooled values of one channel plane at every (row, column) of `rows × columns` (row
    /// by row), with max pooling's winning indices: what a view shows of a pooling too large to
    /// compute whole. Each window is reduced by `reduceWindow`, the routine `forward` and
    /// `trace` use, so the values equal theirs bit for bit. Positions outside the output, a
    /// wrong input shape, or more than `CoreLimits.maxMultiplyAdds` window reads are refused.
    public func forward(_ input: Tensor, batch: Int = 0, channel: Int = 0, rows: [Int], columns: [Int])
        throws(CNNError) -> PoolResult
    {
        guard input.shape == inputShape else {
            throw .invalidShape(
                "input shape \(Tensor.describe(input.shape)) differs from the layer's \(Tensor.describe(inputShape)); build the layer for this input"
            )
        }
        guard (0..<inputShape[0]).contains(batch), (0..<inputShape[1]).contains(channel) else {
            throw .invalidQuery(
                "batch \(batch), channel \(channel) is outside the input \(Tensor.describe(inputShape))")
        }
        if let row = rows.first(where: { !(0..<axes[0].outputSize).contains($0) }) {
            throw .invalidQuery("output row \(row) is outside 0…\(axes[0].outputSize - 1)")
        }
        if let column = columns.first(where: { !(0..<axes[1].outputSize).contains($0) }) {
            throw .invalidQuery("output column \(column) is outside 0…\(axes[1].outputSize - 1)")
        }
        try CoreLimits.checkWork([rows.count, columns.count] + parameters.kernel, of: "pooling of these cells")
        let rowWindows = rows.map(axes[0].poolWindow(output:))
        let columnWindows = columns.map(axes[1].poolWindow(output:))
        let planeOffset = (batch * inputShape[1] + channel) * inputShape[2] * inputShape[3]
        var values: [Double] = []
        var indices: [Double] = []
        values.reserveCapacity(rows.count * columns.count)
        if kind == .max { indices.reserveCapacity(rows.count * columns.count) }
        input.data.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for rowWindow in rowWindows {
                for columnWindow in columnWindows {
                    let outcome = reduceWindow(rows: rowWindow, columns: columnWindow, plane: base + planeOffset)
                    values.append(outcome.value)
                    if kind == .max { indices.append(Double(outcome.flatIndex)) }
                }
            }
        }
        let shape = [rows.count, columns.count]
        return PoolResult(
            output: Tensor.sizedOrEmpty(shape, values),
            indices: kind == .max ? Tensor.sizedOrEmpty(shape, indices) : nil)
    }
}

extension Tensor {
    /// A tensor of a shape whose count the caller made; zeros of the shape should it ever disagree.
    static func sizedOrEmpty(_ shape: [Int], _ data: [Double]) -> Tensor {
        (try? Tensor(shape: shape, data: data)) ?? Tensor(shape: shape)
    }
}
