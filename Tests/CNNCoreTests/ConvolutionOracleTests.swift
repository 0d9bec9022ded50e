import CNNCore
import CNNOracle
import Testing

@Suite("conv1d and conv2d against PyTorch")
struct ConvolutionOracleTests {
    @Test("every conv2d case matches PyTorch, including refusals and gradients")
    func conv2dCases() throws {
        #expect(try OracleFixtures.checkFile("conv2d") == 200)
    }

    @Test("every conv1d case matches PyTorch, including refusals")
    func conv1dCases() throws {
        #expect(try OracleFixtures.checkFile("conv1d") == 200)
    }

    @Test("every output value equals bias plus the sum of its trace", arguments: ["conv1d", "conv2d"])
    func traceSums(file: String) throws {
        var checked = 0
        for raw in try OracleFixtures.cases(file) where raw["error"] == nil {
            let item = try OracleCase(raw)
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
            let output = try layer.forward(input: input, weight: weight, bias: bias)
            let expected = try item.tensor("output")
            let shape = output.shape
            let rows = rank == 2 ? shape[2] : 1
            let columns = shape[rank + 1]
            for n in 0..<shape[0] {
                for co in 0..<shape[1] {
                    for r in 0..<rows {
                        for c in 0..<columns {
                            let trace = layer.trace(
                                input: input, weight: weight, bias: bias, batch: n, outputChannel: co, row: r, column: c
                            )
                            let flat = ((n * shape[1] + co) * rows + r) * columns + c
                            #expect(trace.value == output.data[flat], "\(item.name) [\(n),\(co),\(r),\(c)]")
                            #expect(OracleFixtures.close(trace.value, expected.data[flat]), "\(item.name) vs PyTorch")
                            #expect(trace.terms.count == layer.channelsPerGroup * weight.shape[2...].reduce(1, *))
                            for term in trace.terms where term.isPadding {
                                #expect(term.inputValue == 0)
                            }
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked > 1000)
    }
}
