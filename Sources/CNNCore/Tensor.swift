/// A dense, row-major tensor of `Double` values with PyTorch's layout conventions
/// (`N×C×H×W` for images, `Cout×Cin/groups×kH×kW` for convolution weights).
public struct Tensor: Hashable, Sendable {
    /// The size of each dimension, outermost first.
    public let shape: [Int]
    /// The values in row-major order; `data.count` equals the product of `shape`.
    public var data: [Double]

    /// Creates a tensor, refusing data whose length does not match the shape.
    public init(shape: [Int], data: [Double]) throws(CNNError) {
        guard shape.allSatisfy({ $0 >= 0 }) else {
            throw .invalidShape("tensor shape \(Tensor.describe(shape)) has a negative dimension")
        }
        let count = try CoreLimits.elementCount(shape, of: "tensor shape")
        guard count == data.count else {
            throw .invalidShape(
                "tensor shape \(Tensor.describe(shape)) holds \(count) values but \(data.count) were given")
        }
        self.shape = shape
        self.data = data
    }

    /// Creates a tensor with every element set to `value`. For shapes already validated (a
    /// layer's output shape): a negative dimension or a count that overflows stops the program.
    public init(shape: [Int], repeating value: Double = 0) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        precondition(CheckedInt.product(shape) != nil, "shape \(shape) overflows")
        self.shape = shape
        self.data = Array(repeating: value, count: shape.reduce(1, *))
    }

    /// Creates a 2-D tensor from rows of equal length (handy for small examples).
    public init(rows: [[Double]]) throws(CNNError) {
        let width = rows.first?.count ?? 0
        guard rows.allSatisfy({ $0.count == width }) else {
            throw .invalidShape("rows of a matrix must all have the same length")
        }
        try self.init(shape: [rows.count, width], data: rows.flatMap { $0 })
    }

    /// The number of dimensions.
    public var rank: Int { shape.count }

    /// The number of elements.
    public var count: Int { data.count }

    /// Row-major strides: how far apart neighbouring elements of each dimension are in `data`.
    public var strides: [Int] {
        var result = Array(repeating: 1, count: shape.count)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            result[axis] = step
            step *= shape[axis]
        }
        return result
    }

    /// The flat offset of a multi-index.
    public func offset(_ index: [Int]) -> Int {
        precondition(index.count == shape.count, "index \(index) does not match shape \(shape)")
        var offset = 0
        for (axis, position) in index.enumerated() {
            precondition(position >= 0 && position < shape[axis], "index \(index) outside shape \(shape)")
            offset = offset * shape[axis] + position
        }
        return offset
    }

    /// Reads or writes the element at a multi-index.
    public subscript(_ index: Int...) -> Double {
        get { data[offset(index)] }
        set { data[offset(index)] = newValue }
    }

    /// The same values viewed with another shape of equal element count.
    public func reshaped(_ newShape: [Int]) throws(CNNError) -> Tensor {
        try Tensor(shape: newShape, data: data)
    }

    /// `2×3×4`-style text for a shape; a shape of more than 8 dimensions is cut short
    /// (`1×2×3×4×5×6×7×8×… (1000 dimensions)`), so no message grows with the user's data.
    public static func describe(_ shape: [Int]) -> String {
        let text = shape.prefix(8).map(String.init).joined(separator: "×")
        return shape.count > 8 ? text + "×… (\(shape.count) dimensions)" : text
    }
}
