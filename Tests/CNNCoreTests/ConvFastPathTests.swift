import CNNCore
import Testing

/// The forward pass has fast paths (a fused 3×3 kernel, two output channels sharing loads,
/// four cells per instruction). They must give exactly — bit for bit — the sums the traces
/// list, on inputs large enough to reach every path.
@Suite("Convolution fast paths equal their traces")
struct ConvFastPathTests {
    struct Shape: CustomTestStringConvertible, Sendable {
        let input: [Int]
        let weight: [Int]
        let stride: [Int]
        let padding: [Int]
        let dilation: [Int]
        let groups: Int
        var testDescription: String {
            "in \(input) w \(weight) s\(stride) p\(padding) d\(dilation) g\(groups)"
        }
    }

    static let shapes: [Shape] = [
        Shape(
            input: [1, 4, 13, 23], weight: [4, 4, 3, 3], stride: [1, 1], padding: [1, 1], dilation: [1, 1], groups: 1),
        Shape(
            input: [2, 4, 12, 17], weight: [6, 2, 3, 3], stride: [1, 1], padding: [0, 2], dilation: [1, 1], groups: 2),
        Shape(
            input: [1, 3, 15, 19], weight: [3, 3, 3, 3], stride: [1, 1], padding: [2, 2], dilation: [2, 2], groups: 1),
        Shape(
            input: [1, 2, 11, 21], weight: [5, 2, 3, 3], stride: [2, 1], padding: [1, 0], dilation: [1, 3], groups: 1),
        Shape(
            input: [1, 2, 9, 16], weight: [2, 2, 5, 4], stride: [1, 2], padding: [2, 1], dilation: [1, 1], groups: 1),
    ]

    @Test("every output equals bias plus the sum of its trace", arguments: shapes)
    func fastPathEqualsTrace(_ shape: Shape) throws {
        var state: UInt64 = 12345
        func values(_ count: Int) -> [Double] {
            (0..<count).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Double(Int(state >> 40) % 2001 - 1000) / 37
            }
        }
        let input = try Tensor(shape: shape.input, data: values(shape.input.reduce(1, *)))
        let weight = try Tensor(shape: shape.weight, data: values(shape.weight.reduce(1, *)))
        let bias = try Tensor(shape: [shape.weight[0]], data: values(shape.weight[0]))
        let layer = try ConvLayer(
            inputShape: input.shape, weightShape: weight.shape, hasBias: true,
            parameters: ConvParameters(
                stride: shape.stride, padding: .explicit(shape.padding), dilation: shape.dilation, groups: shape.groups)
        )
        let output = try layer.forward(input: input, weight: weight, bias: bias)
        let s = output.shape
        var mismatches = 0
        for n in 0..<s[0] {
            for co in 0..<s[1] {
                for r in 0..<s[2] {
                    for c in 0..<s[3] {
                        let trace = layer.trace(
                            input: input, weight: weight, bias: bias, batch: n, outputChannel: co, row: r, column: c)
                        if trace.value != output[n, co, r, c] { mismatches += 1 }
                    }
                }
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(output.count) outputs differ from their traces")
    }
}
