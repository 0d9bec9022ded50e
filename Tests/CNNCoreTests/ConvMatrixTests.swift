import CNNCore
import CNNOracle
import Testing

@Suite("the convolution as a matrix, and im2col")
struct ConvMatrixTests {
    /// Kernel weight `w(i,j)` of the seed's example, made distinct and non-zero: `10·(i+1) + (j+1)`.
    static func w(_ i: Int, _ j: Int) -> Double { Double(10 * (i + 1) + (j + 1)) }

    @Test("seed 003: a 3×3 kernel on a 4×4 input is the 4×16 matrix of the notes, zeros exactly where they are")
    func seedWorkedExample() throws {
        let weight = try Tensor(shape: [1, 1, 3, 3], data: (0..<9).map { Self.w($0 / 3, $0 % 3) })
        let layer = try ConvLayer(
            inputShape: [1, 1, 4, 4], weightShape: [1, 1, 3, 3], hasBias: false, parameters: .defaults(spatialRank: 2))
        let w = Self.w
        // The notes print the matrix transposed (16 × 4): one column per application of the kernel.
        let notes: [[Double]] = [
            [w(0, 0), 0, 0, 0],
            [w(0, 1), w(0, 0), 0, 0],
            [w(0, 2), w(0, 1), 0, 0],
            [0, w(0, 2), 0, 0],
            [w(1, 0), 0, w(0, 0), 0],
            [w(1, 1), w(1, 0), w(0, 1), w(0, 0)],
            [w(1, 2), w(1, 1), w(0, 2), w(0, 1)],
            [0, w(1, 2), 0, w(0, 2)],
            [w(2, 0), 0, w(1, 0), 0],
            [w(2, 1), w(2, 0), w(1, 1), w(1, 0)],
            [w(2, 2), w(2, 1), w(1, 2), w(1, 1)],
            [0, w(2, 2), 0, w(1, 2)],
            [0, 0, w(2, 0), 0],
            [0, 0, w(2, 1), w(2, 0)],
            [0, 0, w(2, 2), w(2, 1)],
            [0, 0, 0, w(2, 2)],
        ]
        let matrix = layer.matrix(weight: weight)
        #expect(matrix.shape == [4, 16])
        for output in 0..<4 {
            for input in 0..<16 {
                #expect(matrix[output, input] == notes[input][output], "row \(output), column \(input)")
            }
        }
        #expect(matrix.data.filter { $0 == 0 }.count == 64 - 36)
        // Applied to the unrolled input it is the convolution; transposed, it maps 4 values back to 16.
        let input = try Tensor(shape: [1, 1, 4, 4], data: (0..<16).map { Double($0 % 5) - 2 })
        let output = try layer.forward(input: input, weight: weight, bias: nil)
        #expect(ConvFixture.multiply(matrix, input.data[...]) == output.data)
        let v = try Tensor(shape: [1, 1, 2, 2], data: [1, -2, 3, 4])
        let up = try convTranspose2d(v, weight: weight)
        #expect(up.shape == [1, 1, 4, 4])
        #expect(ConvFixture.multiplyTransposed(matrix, v.data[...]) == up.data)
    }

    /// Every valid conv1d/conv2d oracle case with its layer.
    static func cases() throws -> [(OracleCase, ConvLayer, Tensor, Tensor, Tensor?)] {
        var result: [(OracleCase, ConvLayer, Tensor, Tensor, Tensor?)] = []
        for file in ["conv1d", "conv2d"] {
            for raw in try OracleFixtures.cases(file) where raw["error"] == nil {
                let item = try OracleCase(raw)
                let (layer, input, weight, bias) = try ConvFixture.layer(item)
                result.append((item, layer, input, weight, bias))
            }
        }
        return result
    }

    @Test("matrix × flattened input + bias equals the output, batch item by batch item, over the oracle cases")
    func matrixIsTheConvolution() throws {
        var checked = 0
        for (item, layer, input, weight, bias) in try Self.cases() {
            let matrix = layer.matrix(weight: weight)
            let inCount = input.count / input.shape[0]
            let expected = try item.tensor("output")
            let outCount = expected.count / input.shape[0]
            let plane = outCount / layer.outputChannels
            #expect(matrix.shape == [outCount, inCount])
            for n in 0..<input.shape[0] {
                var product = ConvFixture.multiply(matrix, input.data[(n * inCount)..<((n + 1) * inCount)])
                if let bias { for i in product.indices { product[i] += bias.data[i / plane] } }
                #expect(
                    ConvFixture.close(product, Array(expected.data[(n * outCount)..<((n + 1) * outCount)])),
                    "\(item.name)")
            }
            checked += 1
        }
        #expect(checked > 350)
    }

    @Test("the transposed matrix applied to a vector is the transposed convolution, and gives PyTorch's dL/dX")
    func transposedMatrix() throws {
        var singleChannel = 0
        var gradients = 0
        for (item, layer, input, weight, _) in try Self.cases() where layer.axes.allSatisfy(\.padding.isSymmetric) {
            let matrix = layer.matrix(weight: weight)
            let outCount = matrix.shape[0]
            let vector = try Tensor(
                shape: [1] + Array(layer.outputShape.dropFirst()), data: (0..<outCount).map { Double(($0 * 7) % 5) - 2 }
            )
            let adjoint = try layer.transposed()
            let single = try TransposedConvLayer(
                inputShape: vector.shape, weightShape: weight.shape, hasBias: false, parameters: adjoint.parameters)
            let viaLayer = try single.forward(input: vector, weight: weight, bias: nil)
            #expect(
                ConvFixture.close(ConvFixture.multiplyTransposed(matrix, vector.data[...]), viaLayer.data),
                "\(item.name)")
            if layer.inputChannels == 1 && layer.outputChannels == 1 && layer.parameters.groups == 1 {
                singleChannel += 1
            }
            if let gradOutput = try item.optionalTensor("grad_output"), input.shape[0] == 1 {
                let dX = ConvFixture.multiplyTransposed(matrix, gradOutput.data[...])
                #expect(ConvFixture.close(dX, try item.tensor("grad_input").data), "\(item.name) dL/dX = Mᵀ·dL/dY")
                gradients += 1
            }
        }
        #expect(singleChannel > 10 && gradients > 30)
    }

    @Test("im2col: the weights reshaped Cout × (Cin·kH·kW) times im2col (+ bias) is the output")
    func im2colProduct() throws {
        var ungrouped = 0
        var grouped = 0
        for (item, layer, input, weight, bias) in try Self.cases() {
            let expected = try item.tensor("output")
            let outCount = expected.count / input.shape[0]
            let plane = outCount / layer.outputChannels
            let kernels = layer.im2colKernelMatrix(weight: weight)
            if layer.parameters.groups == 1 {
                #expect(kernels == (try weight.reshaped([layer.outputChannels, weight.count / layer.outputChannels])))
                ungrouped += 1
            } else {
                grouped += 1
            }
            for n in 0..<input.shape[0] {
                let columns = layer.im2col(input: input, batch: n)
                #expect(
                    columns.shape == [
                        layer.inputChannels * weight.count / (layer.outputChannels * layer.channelsPerGroup), plane,
                    ])
                var product = Array(repeating: 0.0, count: outCount)
                let depth = kernels.shape[1]
                for co in 0..<layer.outputChannels {
                    for p in 0..<plane {
                        var sum = bias?.data[co] ?? 0
                        for d in 0..<depth { sum += kernels.data[co * depth + d] * columns.data[d * plane + p] }
                        product[co * plane + p] = sum
                    }
                }
                #expect(
                    ConvFixture.close(product, Array(expected.data[(n * outCount)..<((n + 1) * outCount)])),
                    "\(item.name)")
            }
        }
        #expect(ungrouped > 100 && grouped > 100)
    }

    @Test("im2col of the seed's 4×4 input: one column per window, padding taps are zeros")
    func im2colLayout() throws {
        let input = try Tensor(shape: [1, 1, 4, 4], data: (1...16).map(Double.init))
        let valid = try ConvLayer(
            inputShape: [1, 1, 4, 4], weightShape: [1, 1, 3, 3], hasBias: false, parameters: .defaults(spatialRank: 2))
        let columns = valid.im2col(input: input)
        #expect(columns.shape == [9, 4])
        #expect((0..<9).map { columns[$0, 0] } == [1, 2, 3, 5, 6, 7, 9, 10, 11])
        #expect((0..<9).map { columns[$0, 3] } == [6, 7, 8, 10, 11, 12, 14, 15, 16])
        let padded = try ConvLayer(
            inputShape: [1, 1, 4, 4], weightShape: [1, 1, 3, 3], hasBias: false,
            parameters: ConvParameters(stride: [2, 2], padding: .explicit([1, 1]), dilation: [1, 1]))
        let paddedColumns = padded.im2col(input: input)
        #expect(paddedColumns.shape == [9, 4])
        #expect((0..<9).map { paddedColumns[$0, 0] } == [0, 0, 0, 0, 1, 2, 0, 5, 6])
        #expect(valid.im2col(input: input, batch: 1).shape == [0, 0])
        #expect(valid.matrix(weight: Tensor(shape: [1, 1, 2, 2])).shape == [0, 0])
    }
}
