import CNNCore
import TestSupport
import Testing

/// Seed 004 ("Backwards Pass for Convolution Layer"): one channel, one 3×3 kernel
/// K = [[1,2,3],[4,5,6],[7,8,9]], padding 2 at the right/bottom so the output keeps the 5×5 size.
@Suite("seed 004: forward/backward duality")
struct BackwardDualityTests {
    static let kernel = Tensor.literal(shape: [1, 1, 3, 3], data: [1, 2, 3, 4, 5, 6, 7, 8, 9])
    static let input = Tensor.literal(
        shape: [1, 1, 5, 5],
        data: [
            200, 150, 150, 90, 30,
            100, 50, 100, 60, 20,
            25, 25, 10, 5, 0,
            10, 40, 70, 20, 80,
            0, 30, 60, 90, 120,
        ])
    static let gradOutput = Tensor.literal(
        shape: [1, 1, 5, 5],
        data: [
            1, -2, 0, 3, 1,
            2, 1, -1, 0, 4,
            0, 5, 2, -3, 1,
            -1, 0, 1, 2, 2,
            3, 1, 0, -2, 1,
        ])
    static let rightBottom2 = PaddingSpec.asymmetric([
        AxisPadding(before: 0, after: 2), AxisPadding(before: 0, after: 2),
    ])

    static func gradients() throws -> ConvGradients {
        let layer = try ConvLayer(
            inputShape: [1, 1, 5, 5], weightShape: [1, 1, 3, 3], hasBias: true,
            parameters: ConvParameters(stride: [1, 1], padding: rightBottom2, dilation: [1, 1]))
        #expect(layer.outputShape == [1, 1, 5, 5])
        return try layer.backward(input: input, weight: kernel, gradOutput: gradOutput)
    }

    /// `x(r, c)` with zeros outside the 5×5 input (the padding).
    static func x(_ r: Int, _ c: Int) -> Double {
        (0..<5).contains(r) && (0..<5).contains(c) ? input[0, 0, r, c] : 0
    }

    @Test("dL/dK(a,b) = Σ_r Σ_c dL/dY(r,c)·x(r+a, c+b): the cross-correlation of X with dL/dY")
    func weightGradientIsCrossCorrelation() throws {
        let gradients = try Self.gradients()
        // conv2d of X (padded like the forward pass) with dL/dY as the kernel.
        let crossCorrelation = try conv2d(
            Self.input, weight: Self.gradOutput,
            parameters: ConvParameters(stride: [1, 1], padding: Self.rightBottom2, dilation: [1, 1]))
        #expect(crossCorrelation.shape == [1, 1, 3, 3])
        #expect(gradients.weight.data == crossCorrelation.data)
        // The slide's formula, written out.
        for a in 0..<3 {
            for b in 0..<3 {
                var sum = 0.0
                for r in 0..<5 { for c in 0..<5 { sum += Self.gradOutput[0, 0, r, c] * Self.x(r + a, c + b) } }
                #expect(gradients.weight[0, 0, a, b] == sum, "dK(\(a),\(b))")
            }
        }
        #expect(gradients.bias?.data == [Self.gradOutput.data.reduce(0, +)])
    }

    @Test("dL/dX = conv2d of zero-padded dL/dY with the 180°-flipped kernel [[9,8,7],[6,5,4],[3,2,1]]")
    func inputGradientIsFlippedConvolution() throws {
        let gradients = try Self.gradients()
        let flipped = try Tensor(shape: [1, 1, 3, 3], data: Self.kernel.data.reversed())
        #expect(flipped.data == [9, 8, 7, 6, 5, 4, 3, 2, 1])
        let padTopLeft2 = PaddingSpec.asymmetric([AxisPadding(before: 2, after: 0), AxisPadding(before: 2, after: 0)])
        let full = try conv2d(
            Self.gradOutput, weight: flipped,
            parameters: ConvParameters(stride: [1, 1], padding: padTopLeft2, dilation: [1, 1]))
        #expect(full.shape == [1, 1, 5, 5])
        #expect(gradients.input.data == full.data)
        // The slide's formula: Σ_a Σ_b dL/dY(r'−a, c'−b)·k(a,b).
        for r in 0..<5 {
            for c in 0..<5 {
                var sum = 0.0
                for a in 0..<3 {
                    for b in 0..<3 where r - a >= 0 && c - b >= 0 {
                        sum += Self.gradOutput[0, 0, r - a, c - b] * Self.kernel[0, 0, a, b]
                    }
                }
                #expect(gradients.input[0, 0, r, c] == sum, "dX(\(r),\(c))")
            }
        }
    }

    @Test("the input-gradient trace of x(2,2) lists the nine outputs y(2−a, 2−b) with weight k(a,b)")
    func inputTraceOfCentreCell() throws {
        let layer = try ConvLayer(
            inputShape: [1, 1, 5, 5], weightShape: [1, 1, 3, 3], hasBias: true,
            parameters: ConvParameters(stride: [1, 1], padding: Self.rightBottom2, dilation: [1, 1]))
        let trace = layer.gradientInputTrace(
            weight: Self.kernel, gradOutput: Self.gradOutput, batch: 0, channel: 0, row: 2, column: 2)
        #expect(trace.terms.count == 9)
        for term in trace.terms {
            #expect(term.outputRow == 2 - term.tapRow && term.outputColumn == 2 - term.tapColumn)
            #expect(term.factor == Self.kernel[0, 0, term.tapRow, term.tapColumn])
            #expect(term.gradient == Self.gradOutput[0, 0, term.outputRow, term.outputColumn])
        }
        // A corner cell is read by one window only: y(0,0) through k(0,0).
        let corner = layer.gradientInputTrace(
            weight: Self.kernel, gradOutput: Self.gradOutput, batch: 0, channel: 0, row: 0, column: 0)
        #expect(corner.terms.map { [$0.outputRow, $0.outputColumn, $0.tapRow, $0.tapColumn] } == [[0, 0, 0, 0]])
        #expect(corner.value == 1)
    }
}
