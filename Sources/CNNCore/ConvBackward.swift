/// The gradients of a convolution's loss with respect to its input, weight and bias.
public struct ConvGradients: Hashable, Sendable {
    /// `dL/dX`, shaped like the input.
    public let input: Tensor
    /// `dL/dK`, shaped like the weight.
    public let weight: Tensor
    /// `dL/db` (one value per output channel), or nil when the layer has no bias.
    public let bias: Tensor?

    /// Creates gradients.
    public init(input: Tensor, weight: Tensor, bias: Tensor?) {
        self.input = input
        self.weight = weight
        self.bias = bias
    }
}

extension ConvLayer {
    /// The backward pass, exactly as PyTorch's `conv1d`/`conv2d` autograd computes it:
    /// - `dL/dX` is the full convolution of `dL/dY` with the 180°-flipped kernel (what
    ///   `gradientInputTrace` lists, and what the transposed convolution computes);
    /// - `dL/dK` is the cross-correlation of the input with `dL/dY` (`gradientWeightTrace`);
    /// - `dL/db` sums `dL/dY` over batch and positions.
    /// Works for 1-D and 2-D, groups, dilation, stride and asymmetric padding.
    public func backward(input: Tensor, weight: Tensor, gradOutput: Tensor) throws(CNNError) -> ConvGradients {
        try checkInputAndWeight(input: input, weight: weight)
        try checkComputeBounds()
        guard gradOutput.shape == outputShape else {
            throw .invalidShape(
                "grad_output shape \(Tensor.describe(gradOutput.shape)) should match the output \(Tensor.describe(outputShape)), one gradient per output value"
            )
        }
        let gradInputData = inputGradientGather.gatherAll(
            source: gradOutput.data, weight: weight.data, batch: inputShape[0], bias: nil)
        try CancellationFlag.checkCurrent()
        let gradInput = try Tensor(shape: inputShape, data: gradInputData)
        let gradWeight = weightGradient(input: input, gradOutput: gradOutput)
        try CancellationFlag.checkCurrent()
        let gradBias = hasBias ? biasGradient(gradOutput: gradOutput) : nil
        return ConvGradients(input: gradInput, weight: gradWeight, bias: gradBias)
    }

    /// `dL/dX` as a gather: `dL/dY` is the source, the input the target.
    var inputGradientGather: TapGather {
        TapGather(
            rowAxis: rowAxis, columnAxis: columnAxis, sourceRows: rowAxis.outputSize,
            sourceColumns: columnAxis.outputSize, sourceChannels: outputChannels,
            targetChannels: inputChannels, groups: parameters.groups)
    }

    /// Checks the input and weight against the layer's shapes (the bias plays no part in backward).
    func checkInputAndWeight(input: Tensor, weight: Tensor) throws(CNNError) {
        guard input.shape == inputShape else {
            throw .invalidShape(
                "input shape \(Tensor.describe(input.shape)) differs from the layer's \(Tensor.describe(inputShape))")
        }
        guard weight.shape == weightShape else {
            throw .invalidShape(
                "weight shape \(Tensor.describe(weight.shape)) differs from the layer's \(Tensor.describe(weightShape))"
            )
        }
    }

    /// `dL/dK`: each weight's terms summed in `forEachWeightTerm` order, padding skipped.
    func weightGradient(input: Tensor, gradOutput: Tensor) -> Tensor {
        var result = Tensor(shape: weightShape)
        let taps = kernelRows * kernelColumns
        let perKernel = channelsPerGroup * taps
        let work = result.count * inputShape[0] * rowAxis.outputSize * columnAxis.outputSize
        let outChannels = outputChannels
        // Weights left out after a cancellation stay 0; `backward` then throws `CNNError.cancelled`.
        let cancellation = CancellationFlag.current
        result.data.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let target = SharedBuffer(base: base)
            parallelFor(outChannels, work: work) { co in
                for index in 0..<perKernel {
                    if cancellation?.shouldStop() == true { return }
                    let slice = index / taps
                    let tap = index % taps
                    var sum = 0.0
                    forEachWeightTerm(
                        input: input.data, gradOutput: gradOutput.data, outputChannel: co, tapChannel: slice,
                        tapRow: tap / kernelColumns, tapColumn: tap % kernelColumns
                    ) { term in
                        if !term.isPadding { sum += term.product }
                    }
                    target.base[co * perKernel + index] = sum
                }
            }
        }
        return result
    }

    /// `dL/db[co]`: `dL/dY[n, co, …]` summed over batch, rows and columns in row-major order.
    func biasGradient(gradOutput: Tensor) -> Tensor {
        let plane = rowAxis.outputSize * columnAxis.outputSize
        var result = Tensor(shape: [outputChannels])
        for co in 0..<outputChannels {
            var sum = 0.0
            for n in 0..<inputShape[0] {
                let start = (n * outputChannels + co) * plane
                for i in start..<(start + plane) { sum += gradOutput.data[i] }
            }
            result.data[co] = sum
        }
        return result
    }

    /// Visits the terms of `dL/dK[co, tapChannel, tapRow, tapColumn]`: every output cell (batch,
    /// then row, then column) with the input cell this tap read there, padding included.
    @inline(__always)
    func forEachWeightTerm(
        input: [Double], gradOutput: [Double], outputChannel co: Int, tapChannel slice: Int,
        tapRow kr: Int, tapColumn kc: Int, _ body: (GradientTerm) -> Void
    ) {
        let rows = rowAxis
        let columns = columnAxis
        let ci = (co / outputsPerGroup) * channelsPerGroup + slice
        let inPlane = rows.inputSize * columns.inputSize
        let outPlane = rows.outputSize * columns.outputSize
        for n in 0..<inputShape[0] {
            let gradPlane = (n * outputChannels + co) * outPlane
            let inputPlane = (n * inputChannels + ci) * inPlane
            for oh in 0..<rows.outputSize {
                let ih = rows.inputPosition(output: oh, tap: kr)
                for ow in 0..<columns.outputSize {
                    let iw = columns.inputPosition(output: ow, tap: kc)
                    let inside = rows.isInside(ih) && columns.isInside(iw)
                    body(
                        GradientTerm(
                            outputRow: oh, outputColumn: ow, outputChannel: co, batch: n, tapRow: kr, tapColumn: kc,
                            gradient: gradOutput[gradPlane + oh * columns.outputSize + ow],
                            factor: inside ? input[inputPlane + ih * columns.inputSize + iw] : 0,
                            inputChannel: ci, inputRow: ih, inputColumn: iw, isPadding: !inside))
                }
            }
        }
    }
}
