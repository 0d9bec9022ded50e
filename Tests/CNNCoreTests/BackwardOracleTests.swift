import CNNCore
import CNNOracle
import Testing

@Suite("conv backward against PyTorch, with gradient traces")
struct BackwardOracleTests {
    @Test(
        "every conv2d case matches PyTorch and all 91 gradient cases produce grad_input, grad_weight and (with bias) grad_bias"
    )
    func gradientCases() throws {
        #expect(try OracleFixtures.checkFile("conv2d") == 200)
        var gradientCases = 0
        for raw in try OracleFixtures.cases("conv2d") where raw["grad_output"] != nil {
            let computed = try OracleRunner.run(raw)
            #expect(computed["grad_input"] != nil && computed["grad_weight"] != nil, "\(raw["name"]?.string ?? "")")
            #expect((computed["grad_bias"] != nil) == (raw["bias"] != nil), "\(raw["name"]?.string ?? "")")
            gradientCases += 1
        }
        #expect(gradientCases == 91)
    }

    @Test("every dL/dX and dL/dK value equals its GradientTrace.value exactly, and PyTorch's within 1e-9")
    func tracesSumToGradients() throws {
        var inputCells = 0
        var weightCells = 0
        for raw in try OracleFixtures.cases("conv2d") where raw["grad_output"] != nil {
            let item = try OracleCase(raw)
            let (layer, input, weight, _) = try ConvFixture.layer(item)
            let gradOutput = try item.tensor("grad_output")
            let gradients = try layer.backward(input: input, weight: weight, gradOutput: gradOutput)
            let wantInput = try item.tensor("grad_input")
            let wantWeight = try item.tensor("grad_weight")
            let s = input.shape
            for n in 0..<s[0] {
                for c in 0..<s[1] {
                    for r in 0..<s[2] {
                        for q in 0..<s[3] {
                            let trace = layer.gradientInputTrace(
                                weight: weight, gradOutput: gradOutput, batch: n, channel: c, row: r, column: q)
                            let flat = ((n * s[1] + c) * s[2] + r) * s[3] + q
                            #expect(trace.value == gradients.input.data[flat], "\(item.name) dX[\(n),\(c),\(r),\(q)]")
                            #expect(
                                OracleFixtures.close(trace.value, wantInput.data[flat]), "\(item.name) dX vs PyTorch")
                            for term in trace.terms {
                                // Each term is an (output cell, tap) whose window read this very cell.
                                #expect(layer.axes[0].inputPosition(output: term.outputRow, tap: term.tapRow) == r)
                                #expect(
                                    layer.axes[1].inputPosition(output: term.outputColumn, tap: term.tapColumn) == q)
                                #expect(term.outputChannel / layer.outputsPerGroup == c / layer.channelsPerGroup)
                                #expect(!term.isPadding)
                            }
                            inputCells += 1
                        }
                    }
                }
            }
            let k = weight.shape
            for co in 0..<k[0] {
                for slice in 0..<k[1] {
                    for kr in 0..<k[2] {
                        for kc in 0..<k[3] {
                            let trace = layer.gradientWeightTrace(
                                input: input, gradOutput: gradOutput, outputChannel: co, tapChannel: slice,
                                tapRow: kr, tapColumn: kc)
                            let flat = ((co * k[1] + slice) * k[2] + kr) * k[3] + kc
                            #expect(
                                trace.value == gradients.weight.data[flat],
                                "\(item.name) dK[\(co),\(slice),\(kr),\(kc)]")
                            #expect(
                                OracleFixtures.close(trace.value, wantWeight.data[flat]), "\(item.name) dK vs PyTorch")
                            #expect(trace.terms.count == gradOutput.count / layer.outputChannels)
                            for term in trace.terms where term.isPadding {
                                #expect(term.factor == 0)
                            }
                            weightCells += 1
                        }
                    }
                }
            }
        }
        #expect(inputCells > 1000 && weightCells > 500)
    }

    @Test("conv1d backward equals conv2d backward on the same signal as a one-row image")
    func oneDimensionalBackward() throws {
        let input = try Tensor(shape: [2, 4, 9], data: (0..<72).map { Double(($0 * 7) % 11) - 5 })
        let weight = try Tensor(shape: [6, 2, 3], data: (0..<36).map { Double(($0 * 5) % 7) - 3 })
        let parameters1 = ConvParameters(
            stride: [2], padding: .asymmetric([AxisPadding(before: 1, after: 2)]), dilation: [2], groups: 2)
        let layer1 = try ConvLayer(
            inputShape: input.shape, weightShape: weight.shape, hasBias: true, parameters: parameters1)
        let gradOutput = try Tensor(
            shape: layer1.outputShape, data: (0..<layer1.outputShape.reduce(1, *)).map { Double($0 % 5) - 2 })
        let one = try layer1.backward(input: input, weight: weight, gradOutput: gradOutput)

        let parameters2 = ConvParameters(
            stride: [1, 2], padding: .asymmetric([AxisPadding(0), AxisPadding(before: 1, after: 2)]), dilation: [1, 2],
            groups: 2)
        let layer2 = try ConvLayer(
            inputShape: [2, 4, 1, 9], weightShape: [6, 2, 1, 3], hasBias: true, parameters: parameters2)
        let two = try layer2.backward(
            input: try input.reshaped([2, 4, 1, 9]), weight: try weight.reshaped([6, 2, 1, 3]),
            gradOutput: try gradOutput.reshaped(layer2.outputShape))
        #expect(one.input.data == two.input.data)
        #expect(one.weight.data == two.weight.data)
        #expect(one.bias == two.bias)
        #expect(one.input.shape == input.shape && one.weight.shape == weight.shape)
        #expect(one.input.data.contains { $0 != 0 })
        let trace = layer1.gradientInputTrace(
            weight: weight, gradOutput: gradOutput, batch: 1, channel: 3, row: 0, column: 4)
        #expect(trace.value == one.input[1, 3, 4])
    }

    @Test("a grad_output of the wrong shape is refused, naming both shapes")
    func wrongGradOutputShape() throws {
        let layer = try ConvLayer(
            inputShape: [1, 1, 4, 4], weightShape: [1, 1, 3, 3], hasBias: false,
            parameters: .defaults(spatialRank: 2))
        let input = Tensor(shape: [1, 1, 4, 4], repeating: 1)
        let weight = Tensor(shape: [1, 1, 3, 3], repeating: 1)
        do {
            _ = try layer.backward(input: input, weight: weight, gradOutput: Tensor(shape: [1, 1, 3, 3]))
            Issue.record("a 3×3 grad_output for a 2×2 output was accepted")
        } catch {
            #expect(error.message.contains("1×1×3×3") && error.message.contains("1×1×2×2"))
        }
        #expect(
            layer.gradientInputTrace(
                weight: weight, gradOutput: Tensor(shape: [1, 1, 2, 2]), batch: 0, channel: 0, row: 9, column: 0
            ).terms.isEmpty)
    }
}

/// Builds layers and tensors from oracle cases for the backward, transposed and matrix tests.
enum ConvFixture {
    /// The convolution layer of a conv1d/conv2d case, with its input, weight and bias.
    static func layer(_ item: OracleCase) throws -> (ConvLayer, Tensor, Tensor, Tensor?) {
        let input = try item.tensor("input")
        let weight = try item.tensor("weight")
        let bias = try item.optionalTensor("bias")
        let rank = input.rank - 2
        let ones = Array(repeating: 1, count: rank)
        let layer = try ConvLayer(
            inputShape: input.shape, weightShape: weight.shape, hasBias: bias != nil,
            parameters: ConvParameters(
                stride: try item.ints("stride", count: rank, default: ones),
                padding: try item.paddingSpec(count: rank),
                dilation: try item.ints("dilation", count: rank, default: ones),
                groups: try item.int("groups", default: 1)))
        return (layer, input, weight, bias)
    }

    /// The transposed-convolution layer of a conv_transpose2d case, with its input, weight and bias.
    static func transposed(_ item: OracleCase) throws -> (TransposedConvLayer, Tensor, Tensor, Tensor?) {
        let input = try item.tensor("input")
        let weight = try item.tensor("weight")
        let bias = try item.optionalTensor("bias")
        let layer = try TransposedConvLayer(
            inputShape: input.shape, weightShape: weight.shape, hasBias: bias != nil,
            parameters: TransposedConvParameters(
                stride: try item.ints("stride", count: 2), padding: try item.ints("padding", count: 2),
                outputPadding: try item.ints("output_padding", count: 2), dilation: try item.ints("dilation", count: 2),
                groups: try item.int("groups")))
        return (layer, input, weight, bias)
    }

    /// `matrix × vector` for a row-major `rows × columns` matrix.
    static func multiply(_ matrix: Tensor, _ vector: ArraySlice<Double>) -> [Double] {
        let rows = matrix.shape[0]
        let columns = matrix.shape[1]
        precondition(vector.count == columns)
        let v = Array(vector)
        return (0..<rows).map { r in
            var sum = 0.0
            for c in 0..<columns { sum += matrix.data[r * columns + c] * v[c] }
            return sum
        }
    }

    /// `matrixᵀ × vector`.
    static func multiplyTransposed(_ matrix: Tensor, _ vector: ArraySlice<Double>) -> [Double] {
        let rows = matrix.shape[0]
        let columns = matrix.shape[1]
        precondition(vector.count == rows)
        let v = Array(vector)
        var result = Array(repeating: 0.0, count: columns)
        for r in 0..<rows where v[r] != 0 {
            for c in 0..<columns { result[c] += matrix.data[r * columns + c] * v[r] }
        }
        return result
    }

    /// Whether two value lists agree within the oracle tolerance.
    static func close(_ a: [Double], _ b: [Double]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { OracleFixtures.close($0, $1) }
    }
}
