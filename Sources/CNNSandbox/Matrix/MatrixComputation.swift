import CNNCore

/// A convolution seen as linear algebra, computed by the core: the sparse weight matrix
/// (one row per output, one column per input cell), im2col's patch matrix with the kernel as a
/// row vector, and the transposed matrix as the transposed convolution.
public struct MatrixComputation: Hashable, Sendable {
    public let layer: ConvLayer
    public let input: Tensor
    public let weight: Tensor
    /// The core's forward output.
    public let output: Tensor
    /// `Cout·OH·OW × Cin·H·W`: `matrix × flatten(input) = flatten(output)`.
    public let matrix: Tensor
    /// `(Cin·kH·kW) × (OH·OW)`: one column per window.
    public let patches: Tensor
    /// `Cout × (Cin·kH·kW)`: the kernel as the left factor of the im2col product.
    public let kernelRow: Tensor
    /// For each output (matrix row), the kernel tap at each input column it uses: `taps[row][column]`.
    public let taps: [[Int: MatrixEntryTap]]
    /// The transposed convolution (the matrix transposed), or the core's refusal.
    public let transposedLayer: Result<TransposedConvLayer, CNNError>
    /// The output-sized vector the transposed matrix maps back to input size (small whole numbers).
    public let vector: Tensor
    /// `transposed(matrix) × vector`, as the core's transposed convolution computes it.
    public let transposedOutput: Tensor?

    /// The largest matrix side the view draws (rows or columns): an 8×8 input at most.
    public static let maximumSide = 64

    /// Runs the core (keep sizes within `maximumSide`: the matrix is dense).
    public init(layer: ConvLayer, input: Tensor, weight: Tensor, vectorValues: [Double]) throws(CNNError) {
        self.layer = layer
        self.input = input
        self.weight = weight
        output = try layer.forward(input: input, weight: weight, bias: nil)
        matrix = layer.matrix(weight: weight)
        patches = layer.im2col(input: input)
        kernelRow = layer.im2colKernelMatrix(weight: weight)
        let outputRows = layer.axes[0].outputSize
        let outputColumns = layer.axes[1].outputSize
        let inputColumns = layer.axes[1].inputSize
        taps = (0..<(outputRows * outputColumns)).map { index in
            let trace = layer.trace(
                input: input, weight: weight, bias: nil, row: index / outputColumns, column: index % outputColumns)
            var row: [Int: MatrixEntryTap] = [:]
            for term in trace.terms where !term.isPadding {
                row[term.row * inputColumns + term.column] = MatrixEntryTap(row: term.tapRow, column: term.tapColumn)
            }
            return row
        }
        vector = try Tensor(shape: [1, 1, outputRows, outputColumns], data: vectorValues)
        var transposedLayer: Result<TransposedConvLayer, CNNError>
        var transposedOutput: Tensor?
        do throws(CNNError) {
            let transposed = try layer.transposed()
            transposedOutput = try transposed.forward(input: vector, weight: weight, bias: nil)
            transposedLayer = .success(transposed)
        } catch {
            transposedLayer = .failure(error)
            transposedOutput = nil
        }
        self.transposedLayer = transposedLayer
        self.transposedOutput = transposedOutput
    }

    /// Sizes: outputs (matrix rows) and input cells (matrix columns).
    public var inputRows: Int { layer.axes[0].inputSize }
    public var inputColumns: Int { layer.axes[1].inputSize }
    public var outputRows: Int { layer.axes[0].outputSize }
    public var outputColumns: Int { layer.axes[1].outputSize }
    public var kernelRows: Int { weight.shape[2] }
    public var kernelColumns: Int { weight.shape[3] }
    public var outputCount: Int { outputRows * outputColumns }
    public var inputCount: Int { inputRows * inputColumns }

    /// The output cell of a step: step k is output k in reading order (matrix row k, im2col column k).
    public func outputCell(ofStep step: Int) -> (row: Int, column: Int) {
        (step / outputColumns, step % outputColumns)
    }

    /// The dot product of matrix row `step` with the flattened input (= the window of output `step`).
    public func trace(step: Int) -> ConvTrace {
        let (row, column) = outputCell(ofStep: step)
        return layer.trace(input: input, weight: weight, bias: nil, row: row, column: column)
    }

    /// The kernel tap at matrix entry `[row, column]`, or nil for a structural zero.
    public func tap(row: Int, column: Int) -> MatrixEntryTap? {
        guard taps.indices.contains(row) else { return nil }
        return taps[row][column]
    }

    /// Transposed picture: column `step` of the transposed matrix, scaled by `vector[step]`,
    /// lands on these input-sized cells.
    public func scatter(step: Int) -> [ScatterTerm] {
        guard case .success(let transposed) = transposedLayer else { return [] }
        let (row, column) = outputCell(ofStep: step)
        return transposed.scatter(input: vector, weight: weight, row: row, column: column)
    }

    /// The vector with every entry after `step` set to 0: what has been mapped back so far.
    public func vectorSoFar(step: Int) -> Tensor {
        var partial = vector
        for index in partial.data.indices where index > step { partial.data[index] = 0 }
        return partial
    }

    /// The running result at input-sized cell `[row, column]` after columns `0…step`: the core's
    /// gather there, and whether any of those columns reached it yet.
    public func runningResult(_ partial: Tensor, step: Int, row: Int, column: Int) -> RunningValue? {
        guard case .success(let transposed) = transposedLayer else { return nil }
        let trace = transposed.trace(input: partial, weight: weight, bias: nil, row: row, column: column)
        let reached = trace.terms.contains { $0.row * outputColumns + $0.column <= step }
        return RunningValue(value: trace.value, reached: reached, reachable: !trace.terms.isEmpty)
    }
}

/// The kernel tap `w[row, column]` that a matrix entry holds.
public struct MatrixEntryTap: Hashable, Sendable {
    public let row: Int
    public let column: Int

    /// Creates a tap.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
