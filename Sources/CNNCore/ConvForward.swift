extension ConvLayer {
    /// Runs the convolution: `out[n, co] = bias[co] + Σ_ci Σ_taps weight · input`, summed in
    /// the same order as `trace` lists the terms, so a traced value equals the computed one.
    public func forward(input: Tensor, weight: Tensor, bias: Tensor?) throws(CNNError) -> Tensor {
        try checkTensors(input: input, weight: weight, bias: bias)
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
        // Output rows whose every kernel row lands inside the input, and whether the 3×3 path applies.
        let fullRows = ConvLayer.interior(rowRanges)
        let fused3x3 = kernelRows == 3 && kernelColumns == 3 && columns.stride == 1
        // Two output channels of one group share each input load on the 3×3 path.
        let block = fused3x3 && perGroup % 2 == 0 ? 2 : 1
        let blocksPerImage = outChannels / block
        input.data.withUnsafeBufferPointer { inBuffer in
            weight.data.withUnsafeBufferPointer { weightBuffer in
                output.data.withUnsafeMutableBufferPointer { outBuffer in
                    let source = SharedReadBuffer(base: inBuffer.baseAddress!)
                    let weights = SharedReadBuffer(base: weightBuffer.baseAddress!)
                    let target = SharedBuffer(base: outBuffer.baseAddress!)
                    parallelFor(batch * blocksPerImage, work: work) { job in
                        let n = job / blocksPerImage
                        let firstChannel = (job % blocksPerImage) * block
                        let group = firstChannel / perGroup
                        let out = target.base + (n * outChannels + firstChannel) * outPlane
                        for slice in 0..<groupSize {
                            let ci = group * groupSize + slice
                            let plane = source.base + (n * inChannels + ci) * inPlane
                            let kernel = weights.base + (firstChannel * groupSize + slice) * taps
                            let kernelStride = groupSize * taps
                            for oh in 0..<rows.outputSize {
                                if fused3x3 && fullRows.contains(oh) {
                                    let top = plane + rows.inputPosition(output: oh, tap: 0) * inWidth
                                    let rowStep = rows.dilation * inWidth
                                    if block == 2 {
                                        ConvLayer.accumulate3x3Pair(
                                            into: out + oh * outWidth, out + outPlane + oh * outWidth, from: top,
                                            rowStep: rowStep, weights: kernel, kernel + kernelStride,
                                            columns: columns, ranges: columnRanges, interior: interior)
                                    } else {
                                        ConvLayer.accumulate3x3(
                                            into: out + oh * outWidth, from: top, rowStep: rowStep,
                                            weights: kernel, columns: columns, ranges: columnRanges, interior: interior)
                                    }
                                    continue
                                }
                                for member in 0..<block {
                                    for kr in 0..<rowRanges.count where rowRanges[kr].contains(oh) {
                                        let ih = rows.inputPosition(output: oh, tap: kr)
                                        ConvLayer.accumulateRow(
                                            into: out + member * outPlane + oh * outWidth, from: plane + ih * inWidth,
                                            weights: kernel + member * kernelStride + kr * columnRanges.count,
                                            columns: columns, ranges: columnRanges, interior: interior)
                                    }
                                }
                            }
                        }
                        if let bias {
                            for member in 0..<block {
                                let b = bias.data[firstChannel + member]
                                let plane = out + member * outPlane
                                for i in 0..<outPlane { plane[i] += b }
                            }
                        }
                    }
                }
            }
        }
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

    /// Adds all nine taps of a 3×3 kernel into one output row whose kernel rows all land
    /// inside the input. Per output cell the taps are added kernel row by row, column by
    /// column — the trace's order — so results match the traces bit for bit.
    @inline(__always)
    static func accumulate3x3(
        into out: UnsafeMutablePointer<Double>, from top: UnsafePointer<Double>, rowStep: Int,
        weights: UnsafePointer<Double>, columns: AxisGeometry, ranges: [Range<Int>], interior: Range<Int>
    ) {
        accumulate3x3Edges(
            into: out, from: top, rowStep: rowStep, weights: weights, columns: columns, ranges: ranges,
            interior: interior)
        guard !interior.isEmpty else { return }
        let first = columns.inputPosition(output: interior.lowerBound, tap: 0)
        let r0 = top + first
        let r1 = r0 + rowStep
        let r2 = r1 + rowStep
        let to = out + interior.lowerBound
        let w00 = weights[0]
        let w01 = weights[1]
        let w02 = weights[2]
        let w10 = weights[3]
        let w11 = weights[4]
        let w12 = weights[5]
        let w20 = weights[6]
        let w21 = weights[7]
        let w22 = weights[8]
        let d1 = columns.dilation
        let d2 = 2 * columns.dilation
        let count = interior.count
        var i = 0
        // Four cells at a time; each lane is one output cell, its taps added in trace order.
        let p01 = r0 + d1
        let p02 = r0 + d2
        let p11 = r1 + d1
        let p12 = r1 + d2
        let p21 = r2 + d1
        let p22 = r2 + d2
        while i &+ 4 <= count {
            var acc = SIMDLoad.load(to + i)
            acc += SIMD4(repeating: w00) * SIMDLoad.load(r0 + i)
            acc += SIMD4(repeating: w01) * SIMDLoad.load(p01 + i)
            acc += SIMD4(repeating: w02) * SIMDLoad.load(p02 + i)
            acc += SIMD4(repeating: w10) * SIMDLoad.load(r1 + i)
            acc += SIMD4(repeating: w11) * SIMDLoad.load(p11 + i)
            acc += SIMD4(repeating: w12) * SIMDLoad.load(p12 + i)
            acc += SIMD4(repeating: w20) * SIMDLoad.load(r2 + i)
            acc += SIMD4(repeating: w21) * SIMDLoad.load(p21 + i)
            acc += SIMD4(repeating: w22) * SIMDLoad.load(p22 + i)
            SIMDLoad.store(acc, to + i)
            i &+= 4
        }
        while i < count {
            var acc = to[i]
            acc += w00 * r0[i]
            acc += w01 * r0[i + d1]
            acc += w02 * r0[i + d2]
            acc += w10 * r1[i]
            acc += w11 * r1[i + d1]
            acc += w12 * r1[i + d2]
            acc += w20 * r2[i]
            acc += w21 * r2[i + d1]
            acc += w22 * r2[i + d2]
            to[i] = acc
            i += 1
        }
    }

    /// `accumulate3x3` for two output channels at once: each input value is loaded once and
    /// used by both kernels. Each channel's cells still receive their taps in trace order.
    @inline(__always)
    static func accumulate3x3Pair(
        into outA: UnsafeMutablePointer<Double>, _ outB: UnsafeMutablePointer<Double>, from top: UnsafePointer<Double>,
        rowStep: Int, weights a: UnsafePointer<Double>, _ b: UnsafePointer<Double>,
        columns: AxisGeometry, ranges: [Range<Int>], interior: Range<Int>
    ) {
        accumulate3x3Edges(
            into: outA, from: top, rowStep: rowStep, weights: a, columns: columns, ranges: ranges, interior: interior)
        accumulate3x3Edges(
            into: outB, from: top, rowStep: rowStep, weights: b, columns: columns, ranges: ranges, interior: interior)
        guard !interior.isEmpty else { return }
        let first = columns.inputPosition(output: interior.lowerBound, tap: 0)
        let r0 = top + first
        let r1 = r0 + rowStep
        let r2 = r1 + rowStep
        let toA = outA + interior.lowerBound
        let toB = outB + interior.lowerBound
        let a00 = a[0]
        let a01 = a[1]
        let a02 = a[2]
        let a10 = a[3]
        let a11 = a[4]
        let a12 = a[5]
        let a20 = a[6]
        let a21 = a[7]
        let a22 = a[8]
        let b00 = b[0]
        let b01 = b[1]
        let b02 = b[2]
        let b10 = b[3]
        let b11 = b[4]
        let b12 = b[5]
        let b20 = b[6]
        let b21 = b[7]
        let b22 = b[8]
        let d1 = columns.dilation
        let d2 = 2 * columns.dilation
        let count = interior.count
        var i = 0
        let p01 = r0 + d1
        let p02 = r0 + d2
        let p11 = r1 + d1
        let p12 = r1 + d2
        let p21 = r2 + d1
        let p22 = r2 + d2
        while i &+ 4 <= count {
            var accA = SIMDLoad.load(toA + i)
            var accB = SIMDLoad.load(toB + i)
            var x = SIMDLoad.load(r0 + i)
            accA += SIMD4(repeating: a00) * x
            accB += SIMD4(repeating: b00) * x
            x = SIMDLoad.load(p01 + i)
            accA += SIMD4(repeating: a01) * x
            accB += SIMD4(repeating: b01) * x
            x = SIMDLoad.load(p02 + i)
            accA += SIMD4(repeating: a02) * x
            accB += SIMD4(repeating: b02) * x
            x = SIMDLoad.load(r1 + i)
            accA += SIMD4(repeating: a10) * x
            accB += SIMD4(repeating: b10) * x
            x = SIMDLoad.load(p11 + i)
            accA += SIMD4(repeating: a11) * x
            accB += SIMD4(repeating: b11) * x
            x = SIMDLoad.load(p12 + i)
            accA += SIMD4(repeating: a12) * x
            accB += SIMD4(repeating: b12) * x
            x = SIMDLoad.load(r2 + i)
            accA += SIMD4(repeating: a20) * x
            accB += SIMD4(repeating: b20) * x
            x = SIMDLoad.load(p21 + i)
            accA += SIMD4(repeating: a21) * x
            accB += SIMD4(repeating: b21) * x
            x = SIMDLoad.load(p22 + i)
            accA += SIMD4(repeating: a22) * x
            accB += SIMD4(repeating: b22) * x
            SIMDLoad.store(accA, toA + i)
            SIMDLoad.store(accB, toB + i)
            i &+= 4
        }
        while i < count {
            var accA = toA[i]
            var accB = toB[i]
            var x = r0[i]
            accA += a00 * x
            accB += b00 * x
            x = r0[i + d1]
            accA += a01 * x
            accB += b01 * x
            x = r0[i + d2]
            accA += a02 * x
            accB += b02 * x
            x = r1[i]
            accA += a10 * x
            accB += b10 * x
            x = r1[i + d1]
            accA += a11 * x
            accB += b11 * x
            x = r1[i + d2]
            accA += a12 * x
            accB += b12 * x
            x = r2[i]
            accA += a20 * x
            accB += b20 * x
            x = r2[i + d1]
            accA += a21 * x
            accB += b21 * x
            x = r2[i + d2]
            accA += a22 * x
            accB += b22 * x
            toA[i] = accA
            toB[i] = accB
            i += 1
        }
    }

    /// The cells of a row whose column taps partly fall in the padding, tap by tap in trace order.
    @inline(__always)
    static func accumulate3x3Edges(
        into out: UnsafeMutablePointer<Double>, from top: UnsafePointer<Double>, rowStep: Int,
        weights: UnsafePointer<Double>, columns: AxisGeometry, ranges: [Range<Int>], interior: Range<Int>
    ) {
        let leftEnd = interior.isEmpty ? columns.outputSize : interior.lowerBound
        let rightStart = interior.isEmpty ? columns.outputSize : interior.upperBound
        var ow = 0
        while ow < columns.outputSize {
            if ow == leftEnd && ow < rightStart {
                ow = rightStart
                continue
            }
            for kr in 0..<3 {
                let row = top + kr * rowStep
                for kc in 0..<3 where ranges[kc].contains(ow) {
                    out[ow] += weights[kr * 3 + kc] * row[columns.inputPosition(output: ow, tap: kc)]
                }
            }
            ow += 1
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
