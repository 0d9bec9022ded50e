/// How one axis of the zero-insertion picture is laid out. In zero-inserted coordinates input
/// cell `i` sits at `i·s`; the stride-1 convolution reads `[−before, length + after)`, where
/// `before = d·(k−1) − p` and `after = before + output_padding`.
struct ZeroInsertionAxis {
    /// The zero-inserted input's length: `(n−1)·s + 1`.
    let length: Int
    let stride: Int
    /// The cells kept in the returned input, in zero-inserted coordinates (a negative
    /// `before`/`after` crops cells instead of padding).
    let keep: Range<Int>
    /// Padding left to the convolution's parameters.
    let padding: AxisPadding

    init(inputSize: Int, kernel: Int, stride: Int, padding: Int, outputPadding: Int, dilation: Int) {
        let before = dilation * (kernel - 1) - padding
        let after = before + outputPadding
        length = (inputSize - 1) * stride + 1
        self.stride = stride
        let cropped = max(-before, 0)..<max(length - max(-after, 0), max(-before, 0))
        if cropped.isEmpty {
            // Every input cell is cropped away: keep the padded line itself (all zeros).
            keep = -before..<(length + after)
            self.padding = AxisPadding(0)
        } else {
            keep = cropped
            self.padding = AxisPadding(before: max(before, 0), after: max(after, 0))
        }
    }

    /// The input index at zero-inserted position `position`, or nil for an inserted zero or padding.
    func inputIndex(at position: Int) -> Int? {
        guard position >= 0, position < length, position % stride == 0 else { return nil }
        return position / stride
    }
}

extension TransposedConvLayer {
    /// The equivalent stride-1 convolution: the input with `s−1` zeros inserted between cells,
    /// padded `d·(k−1)−p` on each side (`+ output_padding` at the bottom/right), and the kernel
    /// flipped 180° with its two channel dimensions swapped (`Cout × Cin/groups × kH × kW`).
    /// `conv2d` (or `conv1d`) on these, with this layer's bias, equals `forward`.
    ///
    /// The padding is returned in `parameters` (so traces show it as padding); the input holds
    /// the inserted zeros. Where `d·(k−1)−p` is negative the input is cropped instead.
    public func zeroInsertionEquivalent(input: Tensor, weight: Tensor) throws(CNNError) -> (
        input: Tensor, weight: Tensor, parameters: ConvParameters
    ) {
        try checkInputAndWeight(input: input, weight: weight)
        let plans = (0..<spatialRank).map { axis in
            ZeroInsertionAxis(
                inputSize: inputShape[axis + 2], kernel: weightShape[axis + 2], stride: parameters.stride[axis],
                padding: parameters.padding[axis], outputPadding: parameters.outputPadding[axis],
                dilation: parameters.dilation[axis])
        }
        _ = try CoreLimits.elementCount(
            [inputShape[0], inputChannels] + plans.map(\.keep.count), of: "zero-inserted input")
        let rowPlan = spatialRank == 2 ? plans[0] : nil
        let columnPlan = plans[spatialRank - 1]
        let rows = rowPlan.map { Array($0.keep) } ?? [0]
        let columns = Array(columnPlan.keep)
        let batch = inputShape[0]
        let channels = inputChannels
        var data: [Double] = []
        data.reserveCapacity(batch * channels * rows.count * columns.count)
        for n in 0..<batch {
            for c in 0..<channels {
                for r in rows {
                    let inputRow = rowPlan.map { $0.inputIndex(at: r) } ?? 0
                    for q in columns {
                        guard let inputRow, let inputColumn = columnPlan.inputIndex(at: q) else {
                            data.append(0)
                            continue
                        }
                        data.append(
                            input.data[((n * channels + c) * inputRows + inputRow) * inputColumns + inputColumn])
                    }
                }
            }
        }
        let spatial = (rowPlan == nil ? [] : [rows.count]) + [columns.count]
        let zeroInserted = try Tensor(shape: [batch, channels] + spatial, data: data)
        let flipped = try flippedSwappedKernel(weight)
        let convParameters = ConvParameters(
            stride: Array(repeating: 1, count: spatialRank), padding: .asymmetric(plans.map(\.padding)),
            dilation: parameters.dilation, groups: parameters.groups)
        return (zeroInserted, flipped, convParameters)
    }

    /// `K'[co, i, kr, kc] = K[g·Cin/g + i, co mod Cout/g, kH−1−kr, kW−1−kc]` with `g` the group of `co`.
    func flippedSwappedKernel(_ weight: Tensor) throws(CNNError) -> Tensor {
        let kernelRows = rowAxis.kernelSize
        let kernelColumns = columnAxis.kernelSize
        let taps = kernelRows * kernelColumns
        let inPerGroup = inputsPerGroup
        let outPerGroup = outputsPerGroup
        var data = Array(repeating: 0.0, count: weight.count)
        for co in 0..<outputChannels {
            let group = co / outPerGroup
            for i in 0..<inPerGroup {
                let source = ((group * inPerGroup + i) * outPerGroup + co % outPerGroup) * taps
                let target = (co * inPerGroup + i) * taps
                for kr in 0..<kernelRows {
                    for kc in 0..<kernelColumns {
                        data[target + kr * kernelColumns + kc] =
                            weight.data[source + (kernelRows - 1 - kr) * kernelColumns + (kernelColumns - 1 - kc)]
                    }
                }
            }
        }
        return try Tensor(shape: [outputChannels, inPerGroup] + Array(weightShape[2...]), data: data)
    }
}
