/// The receptive field of a stack after one layer, along either spatial axis (layers are square).
///
/// Coordinates are input cell indices: input cell `i` has its centre at `i`. Output cell `o`
/// of this layer depends on input positions `o·jump − effectivePadding` through
/// `o·jump − effectivePadding + size − 1` (some of which may be padding).
public struct ReceptiveFieldRow: Hashable, Sendable {
    /// The layer number (1-based).
    public let layer: Int
    /// The receptive-field size `r`: input cells one output cell spans along an axis.
    public let size: Int
    /// The effective stride `j`: input cells between neighbouring output cells.
    public let jump: Int
    /// The centre of output cell 0 in input coordinates (`(r − 1)/2 − effectivePadding`).
    public let start: Double
    /// Padding the stack so far adds in front of the input: output cell 0 starts reading at
    /// input position `−effectivePadding`.
    public let effectivePadding: Int
    /// This layer's own span `d·(k − 1) + 1`.
    public let effectiveKernel: Int

    /// Creates a row.
    public init(layer: Int, size: Int, jump: Int, start: Double, effectivePadding: Int, effectiveKernel: Int) {
        self.layer = layer
        self.size = size
        self.jump = jump
        self.start = start
        self.effectivePadding = effectivePadding
        self.effectiveKernel = effectiveKernel
    }

    /// The input positions output cell `output` of this layer spans (may extend into padding);
    /// for outputs that exist (checked by `LayerStack.span`).
    func span(output: Int) -> ClosedRange<Int> {
        let first = output * jump - effectivePadding
        return first...(first + size - 1)
    }
}

/// The receptive-field recurrences of Distill's "Computing receptive fields of CNNs"
/// (Araujo et al.), run forward from the input (`r₀ = 1`, `j₀ = 1`, `start₀ = 0`, `P₀ = 0`).
/// With `k′ = d·(k − 1) + 1`:
///
///     r_l     = r_{l−1} + (k′ − 1)·j_{l−1}
///     j_l     = j_{l−1}·s
///     start_l = start_{l−1} + ((k′ − 1)/2 − p)·j_{l−1}
///     P_l     = P_{l−1} + p·j_{l−1}
///
/// They depend only on the layers, not on the input size.
public enum ReceptiveField {
    /// One row per layer. Refuses values out of range (as `LayerStack` does) and stacks whose
    /// sizes overflow 64-bit integers.
    public static func rows(for layers: [LayerSpec]) throws(CNNError) -> [ReceptiveFieldRow] {
        for (index, layer) in layers.enumerated() {
            try LayerLevel.checkValues(layer, name: "layer \(index + 1) (\(layer.label))")
        }
        var size = 1
        var jump = 1
        var padding = 0
        var start = 0.0
        var rows: [ReceptiveFieldRow] = []
        rows.reserveCapacity(layers.count)
        for (index, layer) in layers.enumerated() {
            let span =
                try CostArithmetic.product([layer.dilation, layer.kernel - 1], of: "layer \(index + 1) dilated kernel")
                + 1
            let growth = try CostArithmetic.product([span - 1, jump], of: "layer \(index + 1) receptive-field growth")
            let shift = try CostArithmetic.product([layer.padding, jump], of: "layer \(index + 1) effective padding")
            start += (Double(span - 1) / 2 - Double(layer.padding)) * Double(jump)
            size = try CostArithmetic.sum([size, growth], of: "layer \(index + 1) receptive field")
            padding = try CostArithmetic.sum([padding, shift], of: "layer \(index + 1) effective padding")
            jump = try CostArithmetic.product([jump, layer.stride], of: "layer \(index + 1) jump (product of strides)")
            rows.append(
                ReceptiveFieldRow(
                    layer: index + 1, size: size, jump: jump, start: start, effectivePadding: padding,
                    effectiveKernel: span))
        }
        return rows
    }
}
