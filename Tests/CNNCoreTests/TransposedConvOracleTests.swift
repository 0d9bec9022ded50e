import CNNCore
import CNNOracle
import Testing

@Suite("conv_transpose2d against PyTorch, with traces")
struct TransposedConvOracleTests {
    @Test("every conv_transpose2d case matches PyTorch, including refusals")
    func allCases() throws {
        #expect(try OracleFixtures.checkFile("conv_transpose2d") == 200)
    }

    /// The valid cases with their layers.
    static func validCases() throws -> [(OracleCase, TransposedConvLayer, Tensor, Tensor, Tensor?)] {
        try OracleFixtures.cases("conv_transpose2d").filter { $0["error"] == nil }.map { raw in
            let item = try OracleCase(raw)
            let (layer, input, weight, bias) = try ConvFixture.transposed(item)
            return (item, layer, input, weight, bias)
        }
    }

    @Test("every output value equals its gather trace's value exactly, and every term lands on that cell")
    func traceSums() throws {
        var checked = 0
        for (item, layer, input, weight, bias) in try Self.validCases() {
            let output = try layer.forward(input: input, weight: weight, bias: bias)
            let expected = try item.tensor("output")
            let s = output.shape
            #expect(s == expected.shape)
            for n in 0..<s[0] {
                for co in 0..<s[1] {
                    for r in 0..<s[2] {
                        for c in 0..<s[3] {
                            let trace = layer.trace(
                                input: input, weight: weight, bias: bias, batch: n, outputChannel: co, row: r, column: c
                            )
                            let flat = ((n * s[1] + co) * s[2] + r) * s[3] + c
                            #expect(trace.value == output.data[flat], "\(item.name) [\(n),\(co),\(r),\(c)]")
                            #expect(OracleFixtures.close(trace.value, expected.data[flat]), "\(item.name) vs PyTorch")
                            for term in trace.terms {
                                #expect(layer.axes[0].inputPosition(output: term.row, tap: term.tapRow) == r)
                                #expect(layer.axes[1].inputPosition(output: term.column, tap: term.tapColumn) == c)
                                #expect(term.inputValue == input[n, term.inputChannel, term.row, term.column])
                                #expect(
                                    term.weight
                                        == weight[
                                            term.inputChannel, co % layer.outputsPerGroup, term.tapRow, term.tapColumn])
                                #expect(!term.isPadding)
                            }
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked > 2000)
    }

    @Test("scattering every input cell and adding the uncropped terms rebuilds the output")
    func scatterRebuildsOutput() throws {
        for (item, layer, input, weight, bias) in try Self.validCases() {
            let output = try layer.forward(input: input, weight: weight, bias: bias)
            var rebuilt = Tensor(shape: output.shape)
            let s = input.shape
            let o = output.shape
            var cropped = 0
            for n in 0..<s[0] {
                for ci in 0..<s[1] {
                    for r in 0..<s[2] {
                        for c in 0..<s[3] {
                            for co in 0..<o[1] {
                                let terms = layer.scatter(
                                    input: input, weight: weight, batch: n, inputChannel: ci, row: r, column: c,
                                    outputChannel: co)
                                let sameGroup = ci / layer.inputsPerGroup == co / layer.outputsPerGroup
                                #expect(terms.count == (sameGroup ? weight.shape[2] * weight.shape[3] : 0))
                                for term in terms {
                                    let inside =
                                        (0..<o[2]).contains(term.outputRow) && (0..<o[3]).contains(term.outputColumn)
                                    #expect(term.isCropped == !inside)
                                    if inside {
                                        rebuilt[n, co, term.outputRow, term.outputColumn] += term.product
                                    } else {
                                        cropped += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for co in 0..<o[1] {
                let b = bias?.data[co] ?? 0
                for n in 0..<o[0] {
                    for r in 0..<o[2] {
                        for c in 0..<o[3] {
                            #expect(OracleFixtures.close(rebuilt[n, co, r, c] + b, output[n, co, r, c]), "\(item.name)")
                        }
                    }
                }
            }
            if layer.parameters.padding == [0, 0] {
                #expect(cropped == 0, "\(item.name): nothing is cropped without padding")
            }
        }
    }

    @Test("conv2d of the zero-inserted, padded input with the flipped, channel-swapped kernel equals forward")
    func zeroInsertionEquivalent() throws {
        var nonNegativePadding = 0
        var negativePadding = 0
        for (item, layer, input, weight, bias) in try Self.validCases() {
            let equivalent = try layer.zeroInsertionEquivalent(input: input, weight: weight)
            let viaConv = try conv2d(
                equivalent.input, weight: equivalent.weight, bias: bias, parameters: equivalent.parameters)
            let expected = try item.tensor("output")
            #expect(viaConv.shape == expected.shape, "\(item.name)")
            #expect(ConvFixture.close(viaConv.data, expected.data), "\(item.name)")
            #expect(equivalent.parameters.stride == [1, 1])
            let k = Array(weight.shape[2...])
            let fits = (0..<2).allSatisfy {
                layer.parameters.dilation[$0] * (k[$0] - 1) - layer.parameters.padding[$0] >= 0
            }
            if fits {
                nonNegativePadding += 1
                // Then the input is exactly the zero-inserted one: (H−1)·s + 1 cells per axis.
                let inserted: [Int] = (0..<2).map { (input.shape[$0 + 2] - 1) * layer.parameters.stride[$0] + 1 }
                #expect(Array(equivalent.input.shape[2...]) == inserted)
                let pads = (0..<2).map { layer.parameters.dilation[$0] * (k[$0] - 1) - layer.parameters.padding[$0] }
                #expect(
                    equivalent.parameters.padding
                        == .asymmetric(
                            (0..<2).map {
                                AxisPadding(before: pads[$0], after: pads[$0] + layer.parameters.outputPadding[$0])
                            }))
            } else {
                negativePadding += 1
            }
        }
        #expect(nonNegativePadding > 100 && negativePadding > 20)
    }

    @Test("the zero-insertion picture of a 2×2 input at stride 2: one zero between cells, the kernel flipped")
    func zeroInsertionPicture() throws {
        let layer = try TransposedConvLayer(
            inputShape: [1, 1, 2, 2], weightShape: [1, 1, 3, 3], hasBias: false,
            parameters: TransposedConvParameters(stride: [2, 2], padding: [1, 1]))
        let input = try Tensor(shape: [1, 1, 2, 2], data: [1, 2, 3, 4])
        let weight = try Tensor(shape: [1, 1, 3, 3], data: [1, 2, 3, 4, 5, 6, 7, 8, 9])
        let equivalent = try layer.zeroInsertionEquivalent(input: input, weight: weight)
        #expect(equivalent.input.shape == [1, 1, 3, 3])
        #expect(equivalent.input.data == [1, 0, 2, 0, 0, 0, 3, 0, 4])
        #expect(equivalent.weight.data == [9, 8, 7, 6, 5, 4, 3, 2, 1])
        #expect(equivalent.parameters.padding == .asymmetric([AxisPadding(1), AxisPadding(1)]))
        #expect(layer.outputShape == [1, 1, 3, 3])
        let output = try layer.forward(input: input, weight: weight, bias: nil)
        #expect(try conv2d(equivalent.input, weight: equivalent.weight, parameters: equivalent.parameters) == output)
        // Centre output (1,1): only input (0,0) via tap (2,2), (0,1) via (2,0), (1,0) via (0,2), (1,1) via (0,0).
        let centre: Double = 1 * 9 + 2 * 7 + 3 * 3 + 4 * 1
        #expect(output[0, 0, 1, 1] == centre)
    }
}
