extension ConvLayer {
    /// The terms of `dL/dK[outputChannel, tapChannel, tapRow, tapColumn]` (row 0 for 1-D):
    /// `Σ` over every output cell (batch, then row, then column) of `dL/dY` times the input
    /// cell this tap read there — the cross-correlation of the input with `dL/dY`. Taps that
    /// read the padding are listed with `isPadding` and factor 0. `value` equals what
    /// `backward` computes, bit for bit.
    ///
    /// Returns an empty trace when the tensors do not have the layer's shapes or the tap does
    /// not exist.
    public func gradientWeightTrace(
        input: Tensor, gradOutput: Tensor, outputChannel: Int, tapChannel: Int, tapRow: Int, tapColumn: Int
    ) -> GradientTrace {
        let target = GradientTarget.weight(
            outputChannel: outputChannel, tapChannel: tapChannel, tapRow: tapRow, tapColumn: tapColumn)
        guard input.shape == inputShape, gradOutput.shape == outputShape,
            (0..<outputChannels).contains(outputChannel), (0..<channelsPerGroup).contains(tapChannel),
            (0..<kernelRows).contains(tapRow), (0..<kernelColumns).contains(tapColumn)
        else { return GradientTrace(target: target, terms: []) }
        var terms: [GradientTerm] = []
        terms.reserveCapacity(inputShape[0] * rowAxis.outputSize * columnAxis.outputSize)
        forEachWeightTerm(
            input: input.data, gradOutput: gradOutput.data, outputChannel: outputChannel, tapChannel: tapChannel,
            tapRow: tapRow, tapColumn: tapColumn
        ) { terms.append($0) }
        return GradientTrace(target: target, terms: terms)
    }

    /// The terms of `dL/dX[batch, channel, row, column]` (row 0 for 1-D): every (output cell,
    /// tap) whose window read this input cell, as `dL/dY` times the weight — the full
    /// convolution of `dL/dY` with the 180°-flipped kernel. Listed by output channel of the
    /// group, then tap row, then tap column; stride gaps and window positions outside the
    /// output contribute nothing and are not listed. `value` equals what `backward` computes.
    ///
    /// Returns an empty trace when the tensors do not have the layer's shapes or the cell does
    /// not exist.
    public func gradientInputTrace(
        weight: Tensor, gradOutput: Tensor, batch: Int, channel: Int, row: Int, column: Int
    ) -> GradientTrace {
        let target = GradientTarget.input(batch: batch, channel: channel, row: row, column: column)
        guard weight.shape == weightShape, gradOutput.shape == outputShape,
            (0..<inputShape[0]).contains(batch), (0..<inputChannels).contains(channel),
            (0..<rowAxis.inputSize).contains(row), (0..<columnAxis.inputSize).contains(column)
        else { return GradientTrace(target: target, terms: []) }
        var terms: [GradientTerm] = []
        inputGradientGather.forEachTerm(
            source: gradOutput.data, weight: weight.data, batch: batch, channel: channel, row: row, column: column
        ) { term in
            terms.append(
                GradientTerm(
                    outputRow: term.sourceRow, outputColumn: term.sourceColumn, outputChannel: term.sourceChannel,
                    batch: batch, tapRow: term.tapRow, tapColumn: term.tapColumn, gradient: term.sourceValue,
                    factor: term.weight, inputChannel: channel, inputRow: row, inputColumn: column, isPadding: false))
        }
        return GradientTrace(target: target, terms: terms)
    }
}
