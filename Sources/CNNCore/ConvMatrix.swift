extension ConvLayer {
    /// The convolution as one dense matrix, for a batch of one: row `(co·OH + oh)·OW + ow` holds
    /// the weights output `[co, oh, ow]` multiplies the input by, at column `(ci·H + ih)·W + iw`
    /// of the flattened input (taps that read the padding are dropped: they multiply zeros).
    /// So `matrix × flatten(input[n]) + bias = flatten(output[n])`, and the transposed matrix is
    /// the transposed convolution (see `transposed()`). Rows and columns are 0 for 1-D's height.
    ///
    /// Cost: `Cout·OH·OW × Cin·H·W` doubles, almost all zero — about 8 MB already for one
    /// channel of 32×32 in and out; keep sizes small. Returns a 0×0 tensor when the weight does
    /// not have the layer's shape.
    /// Also 0×0 when the matrix would exceed `CoreLimits.maxElements` (`checkMatrixSize` says why).
    public func matrix(weight: Tensor) -> Tensor {
        guard weight.shape == weightShape, (try? checkMatrixSize()) != nil else { return Tensor(shape: [0, 0]) }
        let rows = rowAxis
        let columns = columnAxis
        let outPlane = rows.outputSize * columns.outputSize
        let inPlane = rows.inputSize * columns.inputSize
        let width = inputChannels * inPlane
        var result = Tensor(shape: [outputChannels * outPlane, width])
        for co in 0..<outputChannels {
            let group = co / outputsPerGroup
            for slice in 0..<channelsPerGroup {
                let ci = group * channelsPerGroup + slice
                for kr in 0..<kernelRows {
                    for kc in 0..<kernelColumns {
                        let w = weight.data[((co * channelsPerGroup + slice) * kernelRows + kr) * kernelColumns + kc]
                        for oh in rows.validOutputs(tap: kr) {
                            let ih = rows.inputPosition(output: oh, tap: kr)
                            for ow in columns.validOutputs(tap: kc) {
                                let iw = columns.inputPosition(output: ow, tap: kc)
                                let row = co * outPlane + oh * columns.outputSize + ow
                                result.data[row * width + ci * inPlane + ih * columns.inputSize + iw] += w
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// Refuses a convolution matrix (`Cout·OH·OW × Cin·H·W`) of more than `CoreLimits.maxElements` cells.
    public func checkMatrixSize() throws(CNNError) {
        let rows = [outputChannels, rowAxis.outputSize, columnAxis.outputSize]
        let columns = [inputChannels, rowAxis.inputSize, columnAxis.inputSize]
        _ = try CoreLimits.elementCount(
            [CheckedInt.product(rows) ?? Int.max, CheckedInt.product(columns) ?? Int.max], of: "convolution matrix")
    }

    /// Refuses an im2col matrix (`Cin·kH·kW × OH·OW`) of more than `CoreLimits.maxElements` cells.
    public func checkIm2ColSize() throws(CNNError) {
        let rows = [inputChannels, kernelRows, kernelColumns]
        let columns = [rowAxis.outputSize, columnAxis.outputSize]
        _ = try CoreLimits.elementCount(
            [CheckedInt.product(rows) ?? Int.max, CheckedInt.product(columns) ?? Int.max], of: "im2col matrix")
    }
}
