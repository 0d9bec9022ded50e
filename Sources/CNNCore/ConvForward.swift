extension ConvLayer {
    /// Runs the convolution: `out[n, co] = bias[co] + Σ_ci Σ_taps weight · input`, summed in
    /// the same order as `trace` lists the terms, so a traced value equals the computed one.
    public func forward(input: Tensor, weight: Tensor, bias: Tensor?) throws(CNNError) -> Tensor {
        try checkTensors(input: input, weight: weight, bias: bias)
        var output = Tensor(shape: outputShape)
        let rows = rowAxis, columns = columnAxis
        let batch = inputShape[0]
        let inPlane = rows.inputSize * columns.inputSize
        let outPlane = rows.outputSize * columns.outputSize
        let taps = kernelRows * kernelColumns
        let groupSize = channelsPerGroup, perGroup = outputsPerGroup, outChannels = outputChannels
        let inChannels = inputChannels
        let outWidth = columns.outputSize, inWidth = columns.inputSize
        let work = batch * outChannels * outPlane * groupSize * taps
        let rowRanges = (0..<kernelRows).map { rows.validOutputs(tap: $0) }
        let columnRanges = (0..<kernelColumns).map { columns.validOutputs(tap: $0) }
        input.data.withUnsafeBufferPointer { inBuffer in
            weight.data.withUnsafeBufferPointer { weightBuffer in
                output.data.withUnsafeMutableBufferPointer { outBuffer in
                    let source = SharedReadBuffer(base: inBuffer.baseAddress!)
                    let weights = SharedReadBuffer(base: weightBuffer.baseAddress!)
                    let target = SharedBuffer(base: outBuffer.baseAddress!)
                    parallelFor(batch * outChannels, work: work) { job in
                        let n = job / outChannels, co = job % outChannels
                        let group = co / perGroup
                        let out = target.base + job * outPlane
                        for slice in 0..<groupSize {
                            let ci = group * groupSize + slice
                            let plane = source.base + (n * inChannels + ci) * inPlane
                            let kernel = weights.base + (co * groupSize + slice) * taps
                            for kr in 0..<rowRanges.count {
                                let outRows = rowRanges[kr]
                                for kc in 0..<columnRanges.count {
                                    let outColumns = columnRanges[kc]
                                    guard !outColumns.isEmpty else { continue }
                                    let w = kernel[kr * columnRanges.count + kc]
                                    let firstColumn = columns.inputPosition(output: outColumns.lowerBound, tap: kc)
                                    let count = outColumns.count
                                    for oh in outRows {
                                        let ih = rows.inputPosition(output: oh, tap: kr)
                                        let from = plane + ih * inWidth + firstColumn
                                        let to = out + oh * outWidth + outColumns.lowerBound
                                        if columns.stride == 1 {
                                            for i in 0..<count { to[i] += w * from[i] }
                                        } else {
                                            let step = columns.stride
                                            for i in 0..<count { to[i] += w * from[i * step] }
                                        }
                                    }
                                }
                            }
                        }
                        if let bias {
                            let b = bias.data[co]
                            for i in 0..<outPlane { out[i] += b }
                        }
                    }
                }
            }
        }
        return output
    }

    /// The terms that make output `[batch, outputChannel, row, column]` (row 0 for 1-D),
    /// including taps that fall in the padding.
    public func trace(
        input: Tensor, weight: Tensor, bias: Tensor?, batch: Int = 0, outputChannel: Int = 0, row: Int, column: Int
    ) -> ConvTrace {
        let rows = rowAxis, columns = columnAxis
        let group = outputChannel / outputsPerGroup
        var terms: [TraceTerm] = []
        terms.reserveCapacity(channelsPerGroup * kernelRows * kernelColumns)
        let inPlane = rows.inputSize * columns.inputSize
        for slice in 0..<channelsPerGroup {
            let ci = group * channelsPerGroup + slice
            for kr in 0..<kernelRows {
                let ih = rows.inputPosition(output: row, tap: kr)
                for kc in 0..<kernelColumns {
                    let iw = columns.inputPosition(output: column, tap: kc)
                    let inside = rows.isInside(ih) && columns.isInside(iw)
                    let value = inside
                        ? input.data[(batch * inputChannels + ci) * inPlane + ih * columns.inputSize + iw] : 0
                    let w = weight.data[((outputChannel * channelsPerGroup + slice) * kernelRows + kr) * kernelColumns + kc]
                    terms.append(
                        TraceTerm(
                            inputChannel: ci, row: ih, column: iw, isPadding: !inside,
                            tapChannel: slice, tapRow: kr, tapColumn: kc, inputValue: value, weight: w))
                }
            }
        }
        return ConvTrace(
            batch: batch, outputChannel: outputChannel, row: row, column: column,
            bias: bias.map { $0.data[outputChannel] }, terms: terms)
    }
}

/// `torch.nn.functional.conv2d`: validates, then convolves an `N×C×H×W` input.
public func conv2d(_ input: Tensor, weight: Tensor, bias: Tensor? = nil, parameters: ConvParameters) throws(CNNError) -> Tensor {
    let layer = try ConvLayer(inputShape: input.shape, weightShape: weight.shape, hasBias: bias != nil, parameters: parameters)
    guard layer.spatialRank == 2 else {
        throw .invalidShape("conv2d needs an N×C×H×W input, got \(Tensor.describe(input.shape))")
    }
    return try layer.forward(input: input, weight: weight, bias: bias)
}

/// `torch.nn.functional.conv1d`: validates, then convolves an `N×C×L` input.
public func conv1d(_ input: Tensor, weight: Tensor, bias: Tensor? = nil, parameters: ConvParameters) throws(CNNError) -> Tensor {
    let layer = try ConvLayer(inputShape: input.shape, weightShape: weight.shape, hasBias: bias != nil, parameters: parameters)
    guard layer.spatialRank == 1 else {
        throw .invalidShape("conv1d needs an N×C×L input, got \(Tensor.describe(input.shape))")
    }
    return try layer.forward(input: input, weight: weight, bias: bias)
}
