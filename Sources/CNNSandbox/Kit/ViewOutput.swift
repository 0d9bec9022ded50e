import CNNCore

/// A view's main output as the core computed it, as channels of rows (what scene checks read).
public struct ViewOutput: Hashable, Sendable {
    /// `[channels][rows][columns]`.
    public let channels: [[[Double]]]
    /// `[rows, columns]`, or `[channels, rows, columns]` for views with several channels.
    public let shape: [Int]

    /// Wraps a tensor whose last two axes are rows and columns (a 1-D tensor is one row).
    public init(_ tensor: Tensor, multiChannel: Bool = false) {
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
    public init(shape: [Int]) {
        channels = []
        self.shape = shape
    }
}
