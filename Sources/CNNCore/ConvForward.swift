extension ConvLayer {
    /// Runs the convolution: `out[n, co] = bias[co] + Σ_ci Σ_taps weight · input`, summed in
    /// the same order as `trace` lists the terms, so a traced value equals the computed one.
    public func forward(input: Tensor, weight: Tensor, bias: Tensor?) throws(CNNError) -> Tensor {
        try checkTensors(input: input, weight: weight, bias: bias)
        try checkComputeBounds()
        if ConvTiledForward.applies(to: self) {
            let data = ConvTiledForward(layer: self).run(input: input, weight: weight, bias: bias)
            try CancellationFlag.checkCurrent()
            return try Tensor(shape: outputShape, data: data)
        }
        return try forwardByRows(input: input, weight: weight, bias: bias)
    }

    /// The general path (any column stride): one kernel row at a time into each output row.
    func forwardByRows(input: Tensor, weight: Tensor, bias: Tensor?) throws(CNNError) -> Tensor {
        var output = Tensor(shape: outputShape)
        let rows = rowAxis
        let columns = columnAxis
        let batch = inputShape[0]
        let inPlane = rows.inputSize * columns.inputSize
        let outPlane = rows.outputSize * columns.outputSize
        let taps = kernelRows * kernelColumns
        let groupSize = channelsPerGroup
        let perGroup = outputsPerGroup
        let outChannels = outputChannels
        let inChannels = inputChannels
        let outWidth = columns.outputSize
        let inWidth = columns.inputSize
        let work = batch * outChannels * outPlane * groupSize * taps
        let rowRanges = (0..<kernelRows).map { rows.validOutputs(tap: $0) }
        let columnRanges = (0..<kernelColumns).map { columns.validOutputs(tap: $0) }
        let interior = ConvLayer.interior(columnRanges)
        let cancellation = CancellationFlag.current
        input.data.withUnsafeBufferPointer { inBuffer in
            weight.data.withUnsafeBufferPointer { weightBuffer in
                output.data.withUnsafeMutableBufferPointer { outBuffer in
                    guard let inBase = inBuffer.baseAddress, let weightBase = weightBuffer.baseAddress,
                        let outBase = outBuffer.baseAddress
                    else { return }
                    let source = SharedReadBuffer(base: inBase)
                    let weights = SharedReadBuffer(base: weightBase)
                    let target = SharedBuffer(base: outBase)
                    parallelFor(batch * outChannels, work: work) { job in
                        let n = job / outChannels
                        let channel = job % outChannels
                        let group = channel / perGroup
                        let out = target.base + (n * outChannels + channel) * outPlane
                        for slice in 0..<groupSize {
                            let ci = group * groupSize + slice
                            let plane = source.base + (n * inChannels + ci) * inPlane
                            let kernel = weights.base + (channel * groupSize + slice) * taps
                            for oh in 0..<rows.outputSize {
                                if cancellation?.shouldStop() == true { return }
                                for kr in 0..<rowRanges.count where rowRanges[kr].contains(oh) {
                                    let ih = rows.inputPosition(output: oh, tap: kr)
                                    ConvLayer.accumulateRow(
                                        into: out + oh * outWidth, from: plane + ih * inWidth,
                                        weights: kernel + kr * columnRanges.count,
                                        columns: columns, ranges: columnRanges, interior: interior)
                                }
                            }
                        }
                        if let bias {
                            let b = bias.data[channel]
                            for i in 0..<outPlane { out[i] += b }
                        }
                    }
                }
            }
        }
        try cancellation?.check()
        return output
    }

    /// Outputs whose every column tap lands inside the input.
    static func interior(_ ranges: [Range<Int>]) -> Range<Int> {
        let low = ranges.map(\.lowerBound).max() ?? 0
        let high = ranges.map(\.upperBound).min() ?? 0
        return low < high ? low..<high : low..<low
    }

    /// Adds one kernel row's products into one output row: `out[ow] += Σ_kc w[kc] · in[...]`.
    /// Each output cell receives its taps in kernel-column order (the trace's order), so the
    /// result is bit-for-bit the trace's sum; interior cells take all taps in one pass.
    @inline(__always)
    static func accumulateRow(
        into out: UnsafeMutablePointer<Double>, from row: UnsafePointer<Double>, weights: UnsafePointer<Double>,
        columns: AxisGeometry, ranges: [Range<Int>], interior: Range<Int>
    ) {
        let step = columns.stride
        let dilation = columns.dilation
        // Edge cells (some taps fall in the padding), tap by tap.
        for kc in 0..<ranges.count {
            let w = weights[kc]
            let range = ranges[kc]
            let leftEnd = interior.isEmpty ? range.upperBound : max(range.lowerBound, interior.lowerBound)
            let rightStart = interior.isEmpty ? range.upperBound : min(range.upperBound, interior.upperBound)
            var ow = range.lowerBound
            while ow < leftEnd {
                out[ow] += w * row[columns.inputPosition(output: ow, tap: kc)]
                ow += 1
            }
            ow = max(rightStart, range.lowerBound)
            while ow < range.upperBound {
                out[ow] += w * row[columns.inputPosition(output: ow, tap: kc)]
                ow += 1
            }
        }
        guard !interior.isEmpty else { return }
        let first = columns.inputPosition(output: interior.lowerBound, tap: 0)
        let to = out + interior.lowerBound
        let from = row + first
        let count = interior.count
        if ranges.count == 3 && step == 1 {
            let w0 = weights[0]
            let w1 = weights[1]
            let w2 = weights[2]
            let a = from
            let b = from + dilation
            let c = from + 2 * dilation
            for i in 0..<count {
                var acc = to[i]
                acc += w0 * a[i]
                acc += w1 * b[i]
                acc += w2 * c[i]
                to[i] = acc
            }
        } else {
            for i in 0..<count {
                var acc = to[i]
                let base = from + i * step
                for kc in 0..<ranges.count { acc += weights[kc] * base[kc * dilation] }
                to[i] = acc
            }
        }
    }

    /// The terms that make output `[batch, outputChannel, row, column]` (row 0 for 1-D),
    /// including taps that fall in the padding.
    public func trace(
        input: Tensor, weight: Tensor, bias: Tensor?, batch: Int = 0, outputChannel: Int = 0, row: Int, column: Int
    ) -> ConvTrace {
        let rows = rowAxis
        let columns = columnAxis
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
                    let value =
                        inside
                        ? input.data[(batch * inputChannels + ci) * inPlane + ih * columns.inputSize + iw] : 0
                    let w = weight.data[
                        ((outputChannel * channelsPerGroup + slice) * kernelRows + kr) * kernelColumns + kc]
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
public func conv2d(_ input: Tensor, weight: Tensor, bias: Tensor? = nil, parameters: ConvParameters) throws(CNNError)
    -> Tensor
{
    let layer = try ConvLayer(
        inputShape: input.shape, weightShape: weight.shape, hasBias: bias != nil, parameters: parameters)
    guard layer.spatialRank == 2 else {
        throw .invalidShape("conv2d needs an N×C×H×W input, got \(Tensor.describe(input.shape))")
    }
    return try layer.forward(input: input, weight: weight, bias: bias)
}

/// `torch.nn.functional.conv1d`: validates, then convolves an `N×C×L` input.
public func conv1d(_ input: Tensor, weight: Tensor, bias: Tensor? = nil, parameters: ConvParameters) throws(CNNError)
    -> Tensor
{
    let layer = try ConvLayer(
        inputShape: input.shape, weightShape: weight.shape, hasBias: bias != nil, parameters: parameters)
    guard layer.spatialRank == 1 else {
        throw .invalidShape("conv1d needs an N×C×L input, got \(Tensor.describe(input.shape))")
    }
    return try layer.forward(input: input, weight: weight, bias: bias)
}
