import CNNCore
import CNNSandbox

/// A view's main output as the core computed it, as channels of rows.
public struct SceneOutput: Hashable, Sendable {
    /// `[channels][rows][columns]`.
    public let channels: [[[Double]]]
    /// `[rows, columns]`, or `[channels, rows, columns]` for views with several channels.
    public let shape: [Int]

    /// Wraps a tensor whose last two axes are rows and columns (a 1-D tensor is one row).
    init(_ tensor: Tensor, multiChannel: Bool = false) {
        let columns = tensor.shape.last ?? 0
        let rows = tensor.rank >= 2 ? tensor.shape[tensor.rank - 2] : 1
        let planes = max(1, tensor.data.count / max(1, rows * columns))
        channels = (0..<planes).map { plane in
            (0..<rows).map { row in
                Array(tensor.data[(plane * rows + row) * columns..<(plane * rows + row + 1) * columns])
            }
        }
        shape = multiChannel ? [planes, rows, columns] : [rows, columns]
    }

    /// Only a shape (views that show sizes, not values).
    init(shape: [Int]) {
        channels = []
        self.shape = shape
    }
}

extension SceneViewModel {
    /// What the view computes, for `expect:`. Values are nil for views that show no values
    /// (the stack view, whose main output is the last level's shape `[C, H, W]`).
    public var mainOutput: SceneOutput? {
        switch self {
        case .conv(let m): return m.computation.map { SceneOutput($0.output) }
        case .pool(let m): return m.computation.map { SceneOutput($0.output) }
        case .stack(let m):
            guard let stack = m.stack, let shape = try? stack.shape(level: stack.depth) else { return nil }
            return SceneOutput(shape: shape)
        case .channels(let m):
            return m.computation.flatMap { $0.stages.last }.map { SceneOutput($0.output, multiChannel: true) }
        case .transpose(let m): return m.computation.map { SceneOutput($0.output) }
        case .matrix(let m): return m.computation.map { SceneOutput($0.output) }
        case .backprop(let m):
            guard let computation = m.computation else { return nil }
            return SceneOutput(m.mode == .weight ? computation.gradients.weight : computation.gradients.input)
        case .oneD(let m):
            if let stack = m.stackComputation { return SceneOutput(stack.levels[stack.depth]) }
            return m.computation.map { SceneOutput($0.output) }
        }
    }

    /// Whether the main output holds values (false for the stack view).
    public var outputHasValues: Bool {
        if case .stack = self { return false }
        return true
    }

    /// The value computed at a step (0-based), when each step of the view computes one output
    /// value: the output cell of that step (conv, pool, channels, matrix, 1d), the gradient entry
    /// (backprop). Nil for the stack view and the transpose view's scatter picture, whose steps
    /// are not output cells, and for steps out of range.
    public func stepValue(_ step: Int) -> Double? {
        guard step >= 0 && step < player.stepCount else { return nil }
        switch self {
        case .conv(let m): return m.computation?.output.data[step]
        case .pool(let m): return m.computation?.output.data[step]
        case .stack: return nil
        case .channels(let m):
            guard let computation = m.computation else { return nil }
            let position = computation.position(ofStep: step)
            return computation.stages[position.stage].value(
                channel: position.channel, row: position.row, column: position.column)
        case .transpose(let m):
            guard m.mode == .zeroInsertion, let computation = m.computation else { return nil }
            return computation.output.data[step]
        case .matrix(let m): return m.computation?.output.data[step]
        case .backprop(let m):
            guard let computation = m.computation else { return nil }
            return (m.mode == .weight ? computation.gradients.weight : computation.gradients.input).data[step]
        case .oneD(let m):
            if let stack = m.stackComputation { return stack.value(level: stack.depth, position: step) }
            return m.computation?.output.data[step]
        }
    }

    /// Why `stepValue` has no answer for this view, for messages.
    public var stepValueRefusal: String? {
        switch self {
        case .stack: return "the stack view's steps light up levels, they compute no value"
        case .transpose(let m) where m.mode == .scatter:
            return
                "the transpose view's steps scatter input cells, they compute no single output value; state output instead"
        default: return nil
        }
    }

    /// Rows and columns of the grid whose cells `select:` picks (the main output's plane).
    public var selectableGrid: (rows: Int, columns: Int)? {
        switch self {
        case .stack(let m):
            guard let stack = m.stack else { return nil }
            let size = stack.sizes[stack.depth]
            return (size[0], size[1])
        default:
            guard let output = mainOutput, output.shape.count >= 2 else { return nil }
            return (output.shape[output.shape.count - 2], output.shape[output.shape.count - 1])
        }
    }
}
