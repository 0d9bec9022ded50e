/// Numbers with a shape, as a user gave them: `[n]` (a flat list), `[rows, columns]`,
/// `[channels, rows, columns]` or `[kernels, slices, rows, columns]`; values row-major.
public struct NumberGrid: Hashable, Sendable {
    /// The values, row-major.
    public let values: [Double]
    /// The size of each level, outermost first.
    public let shape: [Int]

    /// Creates a grid; the values must fill the shape.
    public init(values: [Double], shape: [Int]) {
        precondition(values.count == shape.reduce(1, *), "a number grid's values must fill its shape")
        self.values = values
        self.shape = shape
    }

    /// The shape written as people read it: `3`, `2x3`, `3 channels of 2x3`.
    public var shapeText: String {
        switch shape.count {
        case 1: return "\(shape[0]) numbers"
        case 2: return "\(shape[0]) rows of \(shape[1]) numbers"
        case 3: return "\(shape[0]) channels of \(shape[1])x\(shape[2])"
        default: return "\(shape[0]) kernels of \(shape[1]) slices of \(shape[2])x\(shape[3])"
        }
    }
}
