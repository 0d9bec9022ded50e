import CNNCore

/// A convolution's backward pass computed by the core: given an upstream gradient `dL/dY`,
/// `dL/dK` (the input cross-correlated with `dL/dY`) and `dL/dX` (`dL/dY`, zero-padded and
/// zero-inserted, cross-correlated with the flipped kernel: a full convolution), with traces.
public struct BackpropComputation: Hashable, Sendable {
    public let layer: ConvLayer
    public let input: Tensor
    public let weight: Tensor
    /// The forward output `Y`.
    public let output: Tensor
    /// The upstream gradient `dL/dY`, shaped like `Y`.
    public let gradOutput: Tensor
    /// `ConvLayer.backward`'s gradients.
    public let gradients: ConvGradients
    /// The kernel rotated 180° (from the core's zero-insertion equivalent).
    public let flippedKernel: Tensor
    /// `dL/dX` as a stride-1 convolution: `dL/dY` zero-inserted and padded (the layer and its
    /// input), or the core's refusal (asymmetric padding has no transposed form).
    public let fullConvolution: Result<FullConvolution, CNNError>

    /// The stride-1 convolution that gives `dL/dX`: its layer, padded input and kernel.
    public struct FullConvolution: Hashable, Sendable {
        public let transposed: TransposedConvLayer
        public let layer: ConvLayer
        /// `dL/dY` with the stride's zeros inserted (padding is in `layer`).
        public let input: Tensor
        public let kernel: Tensor
    }

    /// Runs the forward and backward passes.
    public init(layer: ConvLayer, input: Tensor, weight: Tensor, gradOutput: Tensor) throws(CNNError) {
        self.layer = layer
        self.input = input
        self.weight = weight
        self.gradOutput = gradOutput
        output = try layer.forward(input: input, weight: weight, bias: nil)
        gradients = try layer.backward(input: input, weight: weight, gradOutput: gradOutput)
        // The flip does not depend on the geometry: a 1×1 input's equivalent carries it.
        let unit = try TransposedConvLayer(
            inputShape: [1, 1, 1, 1], weightShape: weight.shape, hasBias: false, parameters: TransposedConvParameters())
        flippedKernel = try unit.zeroInsertionEquivalent(
            input: Tensor(shape: [1, 1, 1, 1], repeating: 0), weight: weight
        ).weight
        do throws(CNNError) {
            let transposed = try layer.transposed()
            let equivalent = try transposed.zeroInsertionEquivalent(input: gradOutput, weight: weight)
            let full = try ConvLayer(
                inputShape: equivalent.input.shape, weightShape: equivalent.weight.shape, hasBias: false,
                parameters: equivalent.parameters)
            fullConvolution = .success(
                FullConvolution(
                    transposed: transposed, layer: full, input: equivalent.input, kernel: equivalent.weight))
        } catch {
            fullConvolution = .failure(error)
        }
    }

    /// Sizes.
    public var inputRows: Int { input.shape[2] }
    public var inputColumns: Int { input.shape[3] }
    public var kernelRows: Int { weight.shape[2] }
    public var kernelColumns: Int { weight.shape[3] }
    public var outputRows: Int { output.shape[2] }
    public var outputColumns: Int { output.shape[3] }

    /// `dL/dK` mode: step k is kernel tap k in reading order.
    public func tap(ofStep step: Int) -> (row: Int, column: Int) {
        (step / kernelColumns, step % kernelColumns)
    }

    /// `dL/dX` mode: step k is input cell k in reading order.
    public func inputCell(ofStep step: Int) -> (row: Int, column: Int) {
        (step / inputColumns, step % inputColumns)
    }

    /// The terms of `dL/dK` at a tap: `dL/dY` slid over the input, products listed.
    public func weightTrace(step: Int) -> GradientTrace {
        let (row, column) = tap(ofStep: step)
        return layer.gradientWeightTrace(
            input: input, gradOutput: gradOutput, outputChannel: 0, tapChannel: 0, tapRow: row, tapColumn: column)
    }

    /// The terms of `dL/dX` at an input cell, as the backward pass sums them.
    public func inputTrace(step: Int) -> GradientTrace {
        let (row, column) = inputCell(ofStep: step)
        return layer.gradientInputTrace(
            weight: weight, gradOutput: gradOutput, batch: 0, channel: 0, row: row, column: column)
    }

    /// The flipped kernel's window over the padded, zero-inserted `dL/dY` at an input cell
    /// (zeros included), or nil when the padding is asymmetric.
    public func fullConvolutionTrace(step: Int) -> ConvTrace? {
        guard case .success(let full) = fullConvolution else { return nil }
        let (row, column) = inputCell(ofStep: step)
        return full.layer.trace(input: full.input, weight: full.kernel, bias: nil, row: row, column: column)
    }

    /// Which `dL/dY` cell sits at a position of the zero-inserted grid, or nil for an inserted zero.
    public func gradientSource(row: Int, column: Int) -> (row: Int, column: Int)? {
        guard case .success(let full) = fullConvolution else { return nil }
        return full.transposed.zeroInsertedSource(row: row, column: column)
    }
}
