extension ConvLayer {
    /// The input patches as columns ("im2col"), for batch item `batch`: a
    /// `(Cin·kH·kW) × (OH·OW)` matrix whose column `oh·OW + ow` holds every value the window of
    /// output `[oh, ow]` reads, at row `(ci·kH + kr)·kW + kc` (0 for taps in the padding).
    ///
    /// Layout with groups: rows run over *all* input channels in order, so the rows of group `g`
    /// form the contiguous block `g·(Cin/groups)·kH·kW ..< (g+1)·(Cin/groups)·kH·kW`; output
    /// channel `co` multiplies only its group's block. `im2colKernelMatrix` places the weights
    /// accordingly, so `im2colKernelMatrix(weight:) × im2col(input:) (+ bias)` is the output for
    /// any number of groups.
    ///
    /// Returns a 0×0 tensor when the input does not have the layer's shape, `batch` is out of
    /// range or the matrix would exceed `CoreLimits.maxElements` (`checkIm2ColSize` says why).
    public func im2col(input: Tensor, batch: Int = 0) -> Tensor {
        guard input.shape == inputShape, (0..<inputShape[0]).contains(batch), (try? checkIm2ColSize()) != nil else {
            return Tensor(shape: [0, 0])
        }
        let rows = rowAxis
        let columns = columnAxis
        let outPlane = rows.outputSize * columns.outputSize
        let inPlane = rows.inputSize * columns.inputSize
        var result = Tensor(shape: [inputChannels * kernelRows * kernelColumns, outPlane])
        for ci in 0..<inputChannels {
            let plane = (batch * inputChannels + ci) * inPlane
            for kr in 0..<kernelRows {
                for kc in 0..<kernelColumns {
                    let row = (ci * kernelRows + kr) * kernelColumns + kc
                    for oh in rows.validOutputs(tap: kr) {
                        let ih = rows.inputPosition(output: oh, tap: kr)
                        for ow in columns.validOutputs(tap: kc) {
                            let iw = columns.inputPosition(output: ow, tap: kc)
                            result.data[row * outPlane + oh * columns.outputSize + ow] =
                                input.data[plane + ih * columns.inputSize + iw]
                        }
                    }
                }
            }
        }
        return result
    }

    /// The weights as the left factor of the im2col product: `Cout × (Cin·kH·kW)`, row `co` holding
    /// kernel `co` flattened in its group's column block and zeros elsewhere. With one group it
    /// is simply the weight reshaped to `Cout × (Cin·kH·kW)`.
    ///
    /// Returns a 0×0 tensor when the weight does not have the layer's shape.
    public func im2colKernelMatrix(weight: Tensor) -> Tensor {
        guard weight.shape == weightShape else { return Tensor(shape: [0, 0]) }
        let perKernel = channelsPerGroup * kernelRows * kernelColumns
        let width = inputChannels * kernelRows * kernelColumns
        var result = Tensor(shape: [outputChannels, width])
        for co in 0..<outputChannels {
            let start = (co / outputsPerGroup) * perKernel
            for i in 0..<perKernel {
                result.data[co * width + start + i] = weight.data[co * perKernel + i]
            }
        }
        return result
    }
}
