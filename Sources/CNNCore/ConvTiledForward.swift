import CNNKernels

/// The convolution's fast path for column stride 1 (any kernel, dilation, padding, groups):
/// each output cell's sum is kept in a register from its first term to its last, and four
/// cells of four output channels are computed together (`SIMD4` lanes are different cells, so
/// every cell still receives its terms one by one in the trace's order: input channel, kernel
/// row, kernel column, then the bias). Taps that fall in the padding are skipped; adding their
/// zero products would not change a sum that starts at +0.
struct ConvTiledForward: @unchecked Sendable {
    let rows: AxisGeometry
    let columns: AxisGeometry
    let batch: Int
    let inputChannels: Int
    let outputChannels: Int
    let channelsPerGroup: Int
    let outputsPerGroup: Int
    /// Output cells of a row whose every column tap lands inside the input.
    let interior: Range<Int>
    /// Whether rows are computed by the AVX kernels (when the CPU has AVX).
    let useAVX: Bool
    /// Whether this CPU has AVX, checked once.
    static let cpuHasAVX = cnn_kernels_have_avx() != 0
    /// Output channels computed together.
    static let block = 4
    /// Cells computed together per channel.
    static let lanes = 4
    /// The multiply-adds from which both cores are used (2^26, about 10 ms of work). Below it a
    /// second thread costs more CPU time than it saves wall time: measured on the 16→16-channel
    /// 128×128 workload (38 million multiply-adds), 3.2 ms of CPU on one thread against 4.2 ms on two.
    static let parallelWork = 1 << 26

    /// Prepares the pass; `allowAVX: false` keeps to the portable Swift code (tests compare both).
    init(layer: ConvLayer, allowAVX: Bool = true) {
        useAVX = allowAVX && ConvTiledForward.cpuHasAVX
        rows = layer.rowAxis
        columns = layer.columnAxis
        batch = layer.inputShape[0]
        inputChannels = layer.inputChannels
        outputChannels = layer.outputChannels
        channelsPerGroup = layer.channelsPerGroup
        outputsPerGroup = layer.outputsPerGroup
        let axis = layer.columnAxis
        interior = ConvLayer.interior((0..<axis.kernelSize).map { axis.validOutputs(tap: $0) })
    }

    /// Whether this path applies.
    static func applies(to layer: ConvLayer) -> Bool { layer.columnAxis.stride == 1 }

    /// Taps of one kernel.
    var taps: Int { rows.kernelSize * columns.kernelSize }

    /// Full blocks of `block` channels per group, then single channels.
    var blocksPerGroup: Int { outputsPerGroup / ConvTiledForward.block }
    var singlesPerGroup: Int { outputsPerGroup % ConvTiledForward.block }
    var unitsPerGroup: Int { blocksPerGroup + singlesPerGroup }

    /// Computes the whole output into freshly allocated storage.
    func run(input: Tensor, weight: Tensor, bias: Tensor?) -> [Double] {
        let outPlane = rows.outputSize * columns.outputSize
        let total = batch * outputChannels * outPlane
        let broadcast = ConvTiledForward.broadcastWeights(weight.data)
        let groups = outputChannels / outputsPerGroup
        let images = batch * groups
        let work = total * channelsPerGroup * taps
        // Split rows into bands so that both cores get work even for one image and group.
        let parallel = work >= ConvTiledForward.parallelWork
        let bands = parallel ? max(1, min(rows.outputSize, (16 + images - 1) / images)) : 1
        let bandHeight = (rows.outputSize + bands - 1) / bands
        let biasValues = bias?.data ?? []
        // Rows skipped after a cancellation are never read: the caller throws `CNNError.cancelled`.
        let cancellation = CancellationFlag.current
        return [Double](unsafeUninitializedCapacity: total) { outBuffer, initialized in
            input.data.withUnsafeBufferPointer { inBuffer in
                weight.data.withUnsafeBufferPointer { weightBuffer in
                    broadcast.withUnsafeBufferPointer { broadcastBuffer in
                        biasValues.withUnsafeBufferPointer { biasBuffer in
                            guard let outBase = outBuffer.baseAddress, let inBase = inBuffer.baseAddress,
                                let weightBase = weightBuffer.baseAddress,
                                let broadcastBase = broadcastBuffer.baseAddress
                            else { return }
                            let pointers = Pointers(
                                output: outBase, input: inBase, weight: weightBase, broadcast: broadcastBase,
                                bias: bias == nil ? nil : biasBuffer.baseAddress)
                            // A job is a band of rows of one image and group; each row goes through
                            // every block of channels while its input rows are still in cache.
                            parallelFor(images * bands, work: work, threshold: ConvTiledForward.parallelWork) { job in
                                let image = job / bands
                                let band = job % bands
                                let firstRow = band * bandHeight
                                let lastRow = min(rows.outputSize, firstRow + bandHeight)
                                for oh in firstRow..<max(firstRow, lastRow) {
                                    if cancellation?.shouldStop() == true { return }
                                    for member in 0..<unitsPerGroup {
                                        runUnit(image * unitsPerGroup + member, rows: oh..<oh + 1, pointers)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            initialized = total
        }
    }

    /// The buffers one job reads and writes.
    struct Pointers: @unchecked Sendable {
        let output: UnsafeMutablePointer<Double>
        let input: UnsafePointer<Double>
        let weight: UnsafePointer<Double>
        let broadcast: UnsafePointer<SIMD2<Double>>
        let bias: UnsafePointer<Double>?
    }

    /// Every weight twice, so that one aligned load gives a weight in both lanes.
    static func broadcastWeights(_ weights: [Double]) -> [SIMD2<Double>] {
        weights.map { SIMD2(repeating: $0) }
    }

    /// One unit: an image, and a block of four output channels or a single channel, over some rows.
    /// For each output row, one pass per input channel: the row's sums stay in the first-level
    /// cache while the passes stream their input rows; the first pass writes, the later ones
    /// add, the last adds the bias.
    func runUnit(_ unit: Int, rows rowRange: Range<Int>, _ p: Pointers) {
        let groups = outputChannels / outputsPerGroup
        let n = unit / (unitsPerGroup * groups)
        let withinImage = unit % (unitsPerGroup * groups)
        let group = withinImage / unitsPerGroup
        let member = withinImage % unitsPerGroup
        let isBlock = member < blocksPerGroup
        let firstChannel =
            group * outputsPerGroup
            + (isBlock
                ? member * ConvTiledForward.block
                : blocksPerGroup * ConvTiledForward.block + (member - blocksPerGroup))
        let width = isBlock ? ConvTiledForward.block : 1
        let inPlane = rows.inputSize * columns.inputSize
        let outPlane = rows.outputSize * columns.outputSize
        let out = p.output + (n * outputChannels + firstChannel) * outPlane
        let lanes = ConvTiledForward.lanes
        for oh in rowRange {
            let kernelRows = validKernelRows(oh)
            let rowOut = out + oh * columns.outputSize
            if useAVX && !kernelRows.isEmpty {
                // Every input channel's pass in one call.
                let pass = Pass(
                    plane: p.input + (n * inputChannels + group * channelsPerGroup) * inPlane, slice: 0,
                    isFirst: true, isLast: true)
                avxRow(
                    oh: oh, channel: firstChannel, isBlock: isBlock, kernelRows: kernelRows, pass: pass,
                    rowOut: rowOut, p)
                continue
            }
            for slice in 0..<channelsPerGroup {
                let pass = Pass(
                    plane: p.input + (n * inputChannels + group * channelsPerGroup + slice) * inPlane,
                    slice: slice, isFirst: slice == 0, isLast: slice == channelsPerGroup - 1)
                for ow in 0..<columns.outputSize where !interior.contains(ow) || interior.count < lanes {
                    for member in 0..<width {
                        edgeCell(
                            ow, oh: oh, channel: firstChannel + member, kernelRows: kernelRows, pass: pass,
                            into: rowOut + member * outPlane, p)
                    }
                }
                guard interior.count >= lanes else { continue }
                var ow = interior.lowerBound
                while ow < interior.upperBound {
                    // The last tile overlaps the previous one rather than running past the interior;
                    // it must then not add its terms twice, so it recomputes from the pass's start.
                    let start = min(ow, interior.upperBound - lanes)
                    if start < ow {
                        let done = ow - start
                        for member in 0..<width {
                            for cell in start + done..<start + lanes {
                                edgeCell(
                                    cell, oh: oh, channel: firstChannel + member, kernelRows: kernelRows,
                                    pass: pass, into: rowOut + member * outPlane, p)
                            }
                        }
                    } else if isBlock {
                        tile4x4(
                            start, oh: oh, channel: firstChannel, kernelRows: kernelRows, pass: pass,
                            into: rowOut, outPlane: outPlane, p)
                    } else {
                        tile1x4(
                            start, oh: oh, channel: firstChannel, kernelRows: kernelRows, pass: pass, into: rowOut, p)
                    }
                    ow += lanes
                }
            }
        }
    }

    /// One row of a block of four channels (or of one channel), by the AVX kernel: every input
    /// channel's pass, starting from `pass` (its first channel).
    func avxRow(
        oh: Int, channel: Int, isBlock: Bool, kernelRows: Range<Int>, pass: Pass, rowOut: UnsafeMutablePointer<Double>,
        _ p: Pointers
    ) {
        var geometry = cnn_conv_row(
            input_width: columns.inputSize, output_width: columns.outputSize,
            padding_before: columns.padding.before, dilation: columns.dilation,
            kernel_rows: kernelRows.count, kernel_columns: columns.kernelSize,
            row_step: rows.dilation * columns.inputSize,
            interior_low: interior.lowerBound, interior_high: interior.upperBound,
            out_plane: rows.outputSize * columns.outputSize, slices: channelsPerGroup,
            input_plane: rows.inputSize * columns.inputSize, weight_slice: taps)
        let row = pass.plane + rows.inputPosition(output: oh, tap: kernelRows.lowerBound) * columns.inputSize
        let first =
            p.weight + (channel * channelsPerGroup + pass.slice) * taps + kernelRows.lowerBound * columns.kernelSize
        let channelStride = channelsPerGroup * taps
        let bias = p.bias.map { $0 + channel }
        if isBlock {
            cnn_conv_row_pass4_avx(
                &geometry, rowOut, row, first, first + channelStride, first + 2 * channelStride,
                first + 3 * channelStride, pass.isFirst ? 1 : 0, bias)
        } else {
            cnn_conv_row_pass1_avx(&geometry, rowOut, row, first, pass.isFirst ? 1 : 0, bias)
        }
    }

    /// One input channel's pass over a unit's output rows.
    struct Pass {
        /// The input plane of this channel.
        let plane: UnsafePointer<Double>
        /// The channel within the group (the kernels' slice).
        let slice: Int
        /// The first pass starts each sum at 0 instead of reading it.
        let isFirst: Bool
        /// The last pass adds the bias.
        let isLast: Bool
    }

    /// The kernel rows whose input row is real (not padding) for output row `oh`: a range,
    /// since input rows grow with the kernel row.
    func validKernelRows(_ oh: Int) -> Range<Int> {
        var low = 0
        while low < rows.kernelSize && !rows.isInside(rows.inputPosition(output: oh, tap: low)) { low += 1 }
        var high = low
        while high < rows.kernelSize && rows.isInside(rows.inputPosition(output: oh, tap: high)) { high += 1 }
        return low..<high
    }

    /// One cell, this pass's terms one by one in trace order (taps in the padding skipped).
    @inline(__always)
    func edgeCell(
        _ ow: Int, oh: Int, channel: Int, kernelRows: Range<Int>, pass: Pass,
        into rowOut: UnsafeMutablePointer<Double>, _ p: Pointers
    ) {
        let weights = p.weight + (channel * channelsPerGroup + pass.slice) * taps
        var acc = pass.isFirst ? 0.0 : rowOut[ow]
        for kr in kernelRows {
            let row = pass.plane + rows.inputPosition(output: oh, tap: kr) * columns.inputSize
            for kc in 0..<columns.kernelSize {
                let iw = columns.inputPosition(output: ow, tap: kc)
                if columns.isInside(iw) { acc += weights[kr * columns.kernelSize + kc] * row[iw] }
            }
        }
        if pass.isLast, let bias = p.bias { acc += bias[channel] }
        rowOut[ow] = acc
    }

    /// Four interior cells of four output channels: 16 sums in registers during one pass.
    @inline(__always)
    func tile4x4(
        _ ow: Int, oh: Int, channel: Int, kernelRows: Range<Int>, pass: Pass,
        into rowOut: UnsafeMutablePointer<Double>, outPlane: Int, _ p: Pointers
    ) {
        let kernelColumns = columns.kernelSize
        let dilation = columns.dilation
        let channelStride = channelsPerGroup &* taps
        let to = rowOut + ow
        var acc0 = SIMD4<Double>()
        var acc1 = SIMD4<Double>()
        var acc2 = SIMD4<Double>()
        var acc3 = SIMD4<Double>()
        if !pass.isFirst {
            acc0 = SIMDLoad.load(to)
            acc1 = SIMDLoad.load(to + outPlane)
            acc2 = SIMDLoad.load(to + 2 &* outPlane)
            acc3 = SIMDLoad.load(to + 3 &* outPlane)
        }
        let plane = pass.plane + columns.inputPosition(output: ow, tap: 0)
        let w0 = p.broadcast + channel &* channelStride + pass.slice &* taps
        let w1 = w0 + channelStride
        let w2 = w1 + channelStride
        let w3 = w2 + channelStride
        for kr in kernelRows {
            let row = plane + rows.inputPosition(output: oh, tap: kr) &* columns.inputSize
            let base = kr &* kernelColumns
            if kernelColumns == 3 {
                // The common 3-wide kernel row, unrolled; the same order as the loop below.
                var x = SIMDLoad.load(row)
                acc0 += SIMD4(lowHalf: w0[base], highHalf: w0[base]) * x
                acc1 += SIMD4(lowHalf: w1[base], highHalf: w1[base]) * x
                acc2 += SIMD4(lowHalf: w2[base], highHalf: w2[base]) * x
                acc3 += SIMD4(lowHalf: w3[base], highHalf: w3[base]) * x
                x = SIMDLoad.load(row + dilation)
                acc0 += SIMD4(lowHalf: w0[base &+ 1], highHalf: w0[base &+ 1]) * x
                acc1 += SIMD4(lowHalf: w1[base &+ 1], highHalf: w1[base &+ 1]) * x
                acc2 += SIMD4(lowHalf: w2[base &+ 1], highHalf: w2[base &+ 1]) * x
                acc3 += SIMD4(lowHalf: w3[base &+ 1], highHalf: w3[base &+ 1]) * x
                x = SIMDLoad.load(row + 2 &* dilation)
                acc0 += SIMD4(lowHalf: w0[base &+ 2], highHalf: w0[base &+ 2]) * x
                acc1 += SIMD4(lowHalf: w1[base &+ 2], highHalf: w1[base &+ 2]) * x
                acc2 += SIMD4(lowHalf: w2[base &+ 2], highHalf: w2[base &+ 2]) * x
                acc3 += SIMD4(lowHalf: w3[base &+ 2], highHalf: w3[base &+ 2]) * x
                continue
            }
            for kc in 0..<kernelColumns {
                let x = SIMDLoad.load(row + kc &* dilation)
                let a = w0[base &+ kc]
                let b = w1[base &+ kc]
                let c = w2[base &+ kc]
                let d = w3[base &+ kc]
                acc0 += SIMD4(lowHalf: a, highHalf: a) * x
                acc1 += SIMD4(lowHalf: b, highHalf: b) * x
                acc2 += SIMD4(lowHalf: c, highHalf: c) * x
                acc3 += SIMD4(lowHalf: d, highHalf: d) * x
            }
        }
        if pass.isLast, let bias = p.bias {
            acc0 += SIMD4(repeating: bias[channel])
            acc1 += SIMD4(repeating: bias[channel + 1])
            acc2 += SIMD4(repeating: bias[channel + 2])
            acc3 += SIMD4(repeating: bias[channel + 3])
        }
        SIMDLoad.store(acc0, to)
        SIMDLoad.store(acc1, to + outPlane)
        SIMDLoad.store(acc2, to + 2 &* outPlane)
        SIMDLoad.store(acc3, to + 3 &* outPlane)
    }

    /// Four interior cells of one output channel during one pass.
    @inline(__always)
    func tile1x4(
        _ ow: Int, oh: Int, channel: Int, kernelRows: Range<Int>, pass: Pass,
        into rowOut: UnsafeMutablePointer<Double>, _ p: Pointers
    ) {
        let kernelColumns = columns.kernelSize
        let dilation = columns.dilation
        let to = rowOut + ow
        var acc = pass.isFirst ? SIMD4<Double>() : SIMDLoad.load(to)
        let plane = pass.plane + columns.inputPosition(output: ow, tap: 0)
        let weights = p.broadcast + (channel &* channelsPerGroup &+ pass.slice) &* taps
        for kr in kernelRows {
            let row = plane + rows.inputPosition(output: oh, tap: kr) &* columns.inputSize
            let base = kr &* kernelColumns
            for kc in 0..<kernelColumns {
                let w = weights[base &+ kc]
                acc += SIMD4(lowHalf: w, highHalf: w) * SIMDLoad.load(row + kc &* dilation)
            }
        }
        if pass.isLast, let bias = p.bias { acc += SIMD4(repeating: bias[channel]) }
        SIMDLoad.store(acc, to)
    }
}
