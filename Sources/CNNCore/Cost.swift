/// What one layer costs: its shapes, its learned parameters and the multiplications of one
/// forward pass over one image.
public struct LayerCost: Hashable, Sendable {
    /// The layer's number in its stack (1 for a layer costed on its own).
    public let layer: Int
    /// The layer's short label, e.g. `conv5` or `maxpool2 s2`.
    public let label: String
    /// `[C, H, W]` of the input (`[n]` for a fully connected layer).
    public let inputShape: [Int]
    /// `[C, H, W]` of the output (`[n]` for a fully connected layer).
    public let outputShape: [Int]
    /// Learned weights (kernel values).
    public let weights: Int
    /// Learned biases.
    public let biases: Int
    /// Weights plus biases.
    public var parameters: Int { weights + biases }
    /// Multiplications of one forward pass over one image (pools: 0, they only compare or add).
    public let multiplications: Int

    /// Creates a cost record.
    public init(
        layer: Int, label: String, inputShape: [Int], outputShape: [Int], weights: Int, biases: Int,
        multiplications: Int
    ) {
        self.layer = layer
        self.label = label
        self.inputShape = inputShape
        self.outputShape = outputShape
        self.weights = weights
        self.biases = biases
        self.multiplications = multiplications
    }
}
