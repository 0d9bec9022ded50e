import CNNCore

/// A pooling computed by the core, in one of the view's modes, with its steps: in window and
/// global mode step k is output cell k in reading order (its `PoolTrace` says which cells made
/// it); in k-max mode step k is the k-th kept value.
public struct PoolComputation: Hashable, Sendable {
    /// Window, global or k-max.
    public let mode: PoolMode
    /// The input pooled.
    public let input: Tensor
    /// The layer (window mode, or the whole-plane window of global mode); nil for k-max.
    public let layer: PoolLayer?
    /// The output: `1×1×H_out×W_out` (window), `1×1×1×1` (global), `1×1×k` (k-max).
    public let output: Tensor
    /// Max and k-max: the flat `h·W + w` of each output's input cell (PyTorch's indices).
    public let indices: Tensor?

    /// Window mode: runs the layer's forward pass.
    public init(window layer: PoolLayer, input: Tensor) throws(CNNError) {
        let result = try layer.forward(input)
        self.mode = .window
        self.input = input
        self.layer = layer
        self.output = result.output
        self.indices = result.indices
    }

    /// Global mode: `globalPool` for the value; its whole-plane layer for the trace.
    public init(global kind: PoolKind, input: Tensor) throws(CNNError) {
        let layer = try PoolLayer.global(kind, inputShape: input.shape)
        self.mode = .global
        self.input = input
        self.layer = layer
        self.output = try globalPool(kind, input)
        self.indices = kind == .max ? try layer.forward(input).indices : nil
    }

    /// k-max mode: `kMaxPoolWithIndices`.
    public init(kMax k: Int, input: Tensor) throws(CNNError) {
        let result = try kMaxPoolWithIndices(input, k: k)
        self.mode = .kMax
        self.input = input
        self.layer = nil
        self.output = result.output
        self.indices = result.indices
    }

    /// Max or average (nil in k-max mode).
    public var kind: PoolKind? { layer?.kind }

    /// Input rows and columns.
    public var inputRows: Int { input.shape[2] }
    public var inputColumns: Int { input.shape[3] }

    /// Output rows and columns (k-max: one row of k).
    public var outputRows: Int { output.rank == 4 ? output.shape[2] : 1 }
    public var outputColumns: Int { output.shape[output.rank - 1] }

    /// One step per output value.
    public var stepCount: Int { outputRows * outputColumns }

    /// The output cell of a step.
    public func position(ofStep step: Int) -> (row: Int, column: Int) {
        (step / outputColumns, step % outputColumns)
    }

    /// The step that computes an output cell.
    public func step(row: Int, column: Int) -> Int {
        row * outputColumns + column
    }

    /// The output value at a cell.
    public func value(row: Int, column: Int) -> Double {
        output.data[row * outputColumns + column]
    }

    /// The largest plane global mode traces cell by cell (64×64, the largest input the keys
    /// offer); larger planes show only the result, so a frame's cost stays bounded.
    public static let largestTracedPlane = 4096

    /// Window and global mode: what made the output of a step (nil in k-max mode, and in
    /// global mode for planes larger than `largestTracedPlane`).
    public func trace(step: Int) -> PoolTrace? {
        guard let layer else { return nil }
        if mode == .global && inputRows * inputColumns > PoolComputation.largestTracedPlane { return nil }
        let (row, column) = position(ofStep: step)
        return layer.trace(input, row: row, column: column)
    }

    /// k-max mode: the input cell (row, column) kept at each output slot, in output order.
    public var keptCells: [(row: Int, column: Int)] {
        guard mode == .kMax, let indices else { return [] }
        return indices.data.map { flat in
            let index = Int(flat)
            return (index / inputColumns, index % inputColumns)
        }
    }
}
