/// Where one input cell's contribution goes for one kernel tap of a transposed convolution.
public struct ScatterTerm: Hashable, Sendable {
    /// The output cell written (row 0 for 1-D), in output coordinates; outside the output when
    /// `isCropped`.
    public let outputRow: Int
    public let outputColumn: Int
    /// The kernel tap used.
    public let tapRow: Int
    public let tapColumn: Int
    /// The input value and the weight it is multiplied by.
    public let inputValue: Double
    public let weight: Double
    /// Whether the contribution falls in the border that `padding` crops away, so it never
    /// reaches the output.
    public let isCropped: Bool

    /// Creates a term.
    public init(
        outputRow: Int, outputColumn: Int, tapRow: Int, tapColumn: Int, inputValue: Double, weight: Double,
        isCropped: Bool
    ) {
        self.outputRow = outputRow
        self.outputColumn = outputColumn
        self.tapRow = tapRow
        self.tapColumn = tapColumn
        self.inputValue = inputValue
        self.weight = weight
        self.isCropped = isCropped
    }

    /// `inputValue × weight`.
    public var product: Double { inputValue * weight }
}

extension TransposedConvLayer {
    /// Runs the transposed convolution: every output value is the bias plus the sum of what
    /// lands on it, summed in the order `trace` lists, so a traced value equals the computed one.
    public func forward(input: Tensor, weight: Tensor, bias: Tensor?) throws(CNNError) -> Tensor {
        try checkTensors(input: input, weight: weight, bias: bias)
        try checkComputeBounds()
        let data = gather.gatherAll(source: input.data, weight: weight.data, batch: inputShape[0], bias: bias?.data)
        try CancellationFlag.checkCurrent()
        return try Tensor(shape: outputShape, data: data)
    }

    /// The gather form of output `[batch, outputChannel, row, column]` (row 0 for 1-D): every
    /// (input cell, tap) whose scattered contribution lands on it, by input channel of the group,
    /// then tap row, then tap column. A term reads `weight[inputChannel, outputChannel mod
    /// Cout/groups, tapRow, tapColumn]`; its `tapChannel` is the input channel within its group.
    /// No term is padding: taps that would land between input cells (the zeros a stride inserts)
    /// or outside the input are simply absent.
    ///
    /// Returns an empty trace when the tensors do not have the layer's shapes or the cell does not exist.
    public func trace(
        input: Tensor, weight: Tensor, bias: Tensor?, batch: Int = 0, outputChannel: Int = 0, row: Int, column: Int
    ) -> ConvTrace {
        let valid = (try? checkTensors(input: input, weight: weight, bias: bias)) != nil
        guard valid, (0..<inputShape[0]).contains(batch), (0..<outputChannels).contains(outputChannel),
            (0..<rowAxis.inputSize).contains(row), (0..<columnAxis.inputSize).contains(column)
        else {
            return ConvTrace(batch: batch, outputChannel: outputChannel, row: row, column: column, bias: nil, terms: [])
        }
        var terms: [TraceTerm] = []
        let perGroup = inputsPerGroup
        gather.forEachTerm(
            source: input.data, weight: weight.data, batch: batch, channel: outputChannel, row: row, column: column
        ) { term in
            terms.append(
                TraceTerm(
                    inputChannel: term.sourceChannel, row: term.sourceRow, column: term.sourceColumn, isPadding: false,
                    tapChannel: term.sourceChannel % perGroup, tapRow: term.tapRow, tapColumn: term.tapColumn,
                    inputValue: term.sourceValue, weight: term.weight))
        }
        return ConvTrace(
            batch: batch, outputChannel: outputChannel, row: row, column: column,
            bias: bias.map { $0.data[outputChannel] }, terms: terms)
    }

    /// The scatter form: where input cell `[batch, inputChannel, row, column]` writes in output
    /// channel `outputChannel`, one term per kernel tap (tap row, then tap column), at output
    /// position `i·s − p + k·d` per axis. Terms cropped away by the padding are kept and marked.
    ///
    /// Empty when the tensors do not have the layer's shapes, the cell does not exist, or the
    /// output channel is in another group (the input channel does not feed it).
    public func scatter(
        input: Tensor, weight: Tensor, batch: Int = 0, inputChannel: Int = 0, row: Int, column: Int,
        outputChannel: Int = 0
    ) -> [ScatterTerm] {
        guard input.shape == inputShape, weight.shape == weightShape,
            (0..<inputShape[0]).contains(batch), (0..<inputChannels).contains(inputChannel),
            (0..<inputRows).contains(row), (0..<inputColumns).contains(column),
            (0..<outputChannels).contains(outputChannel),
            inputChannel / inputsPerGroup == outputChannel / outputsPerGroup
        else { return [] }
        let rows = rowAxis
        let columns = columnAxis
        let kernelRows = rows.kernelSize
        let kernelColumns = columns.kernelSize
        let value = input.data[((batch * inputChannels + inputChannel) * inputRows + row) * inputColumns + column]
        let kernel = (inputChannel * outputsPerGroup + outputChannel % outputsPerGroup) * kernelRows * kernelColumns
        var terms: [ScatterTerm] = []
        terms.reserveCapacity(kernelRows * kernelColumns)
        for kr in 0..<kernelRows {
            let y = rows.inputPosition(output: row, tap: kr)
            for kc in 0..<kernelColumns {
                let x = columns.inputPosition(output: column, tap: kc)
                terms.append(
                    ScatterTerm(
                        outputRow: y, outputColumn: x, tapRow: kr, tapColumn: kc, inputValue: value,
                        weight: weight.data[kernel + kr * kernelColumns + kc],
                        isCropped: !(rows.isInside(y) && columns.isInside(x))))
            }
        }
        return terms
    }
}

/// `torch.nn.functional.conv_transpose2d`: validates, then runs on an `N×C×H×W` input.
public func convTranspose2d(
    _ input: Tensor, weight: Tensor, bias: Tensor? = nil,
    parameters: TransposedConvParameters = TransposedConvParameters()
) throws(CNNError) -> Tensor {
    let layer = try TransposedConvLayer(
        inputShape: input.shape, weightShape: weight.shape, hasBias: bias != nil, parameters: parameters)
    guard layer.spatialRank == 2 else {
        throw .invalidShape("conv_transpose2d needs an N×C×H×W input, got \(Tensor.describe(input.shape))")
    }
    return try layer.forward(input: input, weight: weight, bias: bias)
}
