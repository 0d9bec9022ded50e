import CNNCore
import CNNOracle
import Testing

@Suite("transposed convolution: sizes, refusals, 1-D, adjoint")
struct TransposedConvLayerTests {
    func refusal(
        input: [Int] = [1, 2, 3, 3], weight: [Int] = [2, 1, 3, 3], _ parameters: TransposedConvParameters
    ) -> CNNError? {
        do {
            _ = try TransposedConvLayer(inputShape: input, weightShape: weight, hasBias: false, parameters: parameters)
            return nil
        } catch {
            return error
        }
    }

    @Test("output size (H−1)·s − 2p + d(k−1) + output_padding + 1, written out with its numbers")
    func outputSizeFormula() throws {
        let layer = try TransposedConvLayer(
            inputShape: [1, 1, 3, 4], weightShape: [1, 2, 3, 2], hasBias: false,
            parameters: TransposedConvParameters(
                stride: [2, 3], padding: [0, 1], outputPadding: [0, 2], dilation: [1, 2]))
        #expect(
            layer.outputSizeFormulas == [
                "(3−1)·2 − 2·0 + 1·(3−1) + 0 + 1 = 7",
                "(4−1)·3 − 2·1 + 2·(2−1) + 2 + 1 = 12",
            ])
        #expect(layer.outputShape == [1, 2, 7, 12])
    }

    @Test("output_padding must be smaller than the stride or the dilation")
    func outputPaddingRule() throws {
        let error = refusal(TransposedConvParameters(stride: [2, 2], outputPadding: [0, 2], dilation: [1, 2]))
        #expect(error?.message.contains("output_padding") == true)
        #expect(error?.message.contains("stride 2 and dilation 2") == true)
        #expect(error?.message.contains("at most 1") == true)
        // Smaller than the dilation is enough, even when not smaller than the stride (PyTorch allows it).
        #expect(refusal(TransposedConvParameters(stride: [1, 1], outputPadding: [2, 0], dilation: [3, 1])) == nil)
    }

    @Test("an output smaller than one cell is refused with the formula and a padding that would work")
    func outputTooSmall() throws {
        let error = refusal(
            input: [1, 4, 6, 1], weight: [4, 1, 1, 1],
            TransposedConvParameters(stride: [3, 3], padding: [2, 2], outputPadding: [0, 2], groups: 2))
        guard case .outputTooSmall(let text)? = error else {
            Issue.record("expected outputTooSmall, got \(String(describing: error))")
            return
        }
        #expect(text.contains("12×−1"))
        #expect(text.contains("(1−1)·3 − 2·2 + 1·(1−1) + 2 + 1 = −1"))
        #expect(text.contains("padding to at most 1"))
        // Following the advice works.
        #expect(
            refusal(
                input: [1, 4, 6, 1], weight: [4, 1, 1, 1],
                TransposedConvParameters(stride: [3, 3], padding: [2, 1], outputPadding: [0, 2], groups: 2)) == nil)
    }

    @Test("channel, group, sign and count checks name the parameter and the numbers")
    func otherRefusals() throws {
        let channels = refusal(input: [1, 3, 3, 3], weight: [2, 1, 3, 3], TransposedConvParameters())
        #expect(channels?.message.contains("3") == true && channels?.message.contains("Cin×Cout/groups") == true)
        let groups = refusal(input: [1, 3, 3, 3], weight: [3, 1, 3, 3], TransposedConvParameters(groups: 2))
        #expect(groups?.message.contains("groups 2 must divide the 3 input channels") == true)
        #expect(
            refusal(TransposedConvParameters(padding: [-1, 0]))?.message.contains("padding: must be 0 or more, got -1")
                == true)
        #expect(refusal(TransposedConvParameters(stride: [0, 1]))?.message.contains("stride") == true)
        #expect(refusal(TransposedConvParameters(stride: [1]))?.message.contains("one per axis") == true)
        #expect(refusal(TransposedConvParameters(groups: 0))?.message.contains("groups") == true)
        let layer = try TransposedConvLayer(
            inputShape: [1, 2, 3, 3], weightShape: [2, 1, 3, 3], hasBias: true, parameters: .init())
        #expect(throws: CNNError.self) {
            try layer.forward(
                input: Tensor(shape: [1, 2, 3, 3]), weight: Tensor(shape: [2, 1, 3, 3]), bias: Tensor(shape: [2]))
        }
        // Bad queries give empty traces, never a crash.
        #expect(
            layer.trace(
                input: Tensor(shape: [1, 2, 3, 3]), weight: Tensor(shape: [2, 1, 3, 3]), bias: nil, row: 0, column: 0
            ).terms.isEmpty)
        #expect(
            layer.scatter(input: Tensor(shape: [1, 2, 3, 3]), weight: Tensor(shape: [2, 1, 3, 3]), row: 5, column: 0)
                .isEmpty)
    }

    @Test("1-D transposed convolution equals the 2-D one on a one-row image")
    func oneDimensional() throws {
        let input = try Tensor(shape: [2, 4, 5], data: (0..<40).map { Double(($0 * 3) % 7) - 3 })
        let weight = try Tensor(shape: [4, 3, 3], data: (0..<36).map { Double(($0 * 5) % 9) - 4 })
        let bias = try Tensor(shape: [6], data: [1, -1, 2, 0, 3, -2])
        let one = try TransposedConvLayer(
            inputShape: input.shape, weightShape: weight.shape, hasBias: true,
            parameters: TransposedConvParameters(
                stride: [3], padding: [1], outputPadding: [2], dilation: [2], groups: 2))
        let two = try TransposedConvLayer(
            inputShape: [2, 4, 1, 5], weightShape: [4, 3, 1, 3], hasBias: true,
            parameters: TransposedConvParameters(
                stride: [1, 3], padding: [0, 1], outputPadding: [0, 2], dilation: [1, 2], groups: 2))
        let a = try one.forward(input: input, weight: weight, bias: bias)
        let b = try two.forward(
            input: try input.reshaped([2, 4, 1, 5]), weight: try weight.reshaped([4, 3, 1, 3]), bias: bias)
        #expect(a.shape == [2, 6, 17])
        #expect(a.data == b.data)
        #expect(
            one.trace(input: input, weight: weight, bias: bias, batch: 1, outputChannel: 4, row: 0, column: 7).value
                == a[1, 4, 7])
        let eq = try one.zeroInsertionEquivalent(input: input, weight: weight)
        #expect(
            ConvFixture.close(
                try conv1d(eq.input, weight: eq.weight, bias: bias, parameters: eq.parameters).data, a.data))
    }

    @Test("conv backward's dL/dX is the transposed convolution of dL/dY with the same weight")
    func inputGradientIsTransposedConvolution() throws {
        var checked = 0
        for raw in try OracleFixtures.cases("conv2d") where raw["grad_output"] != nil {
            let item = try OracleCase(raw)
            let (layer, input, weight, _) = try ConvFixture.layer(item)
            guard layer.axes.allSatisfy(\.padding.isSymmetric) else {
                #expect(throws: CNNError.self) { try layer.transposed() }
                continue
            }
            let adjoint = try layer.transposed()
            #expect(adjoint.outputShape == input.shape)
            let gradOutput = try item.tensor("grad_output")
            let viaTransposed = try adjoint.forward(input: gradOutput, weight: weight, bias: nil)
            #expect(
                viaTransposed == (try layer.backward(input: input, weight: weight, gradOutput: gradOutput)).input,
                "\(item.name)")
            checked += 1
        }
        #expect(checked > 50)
    }
}
