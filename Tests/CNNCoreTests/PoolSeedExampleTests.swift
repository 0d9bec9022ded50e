import CNNCore
import Testing

@Suite("pooling examples from the lecture notes")
struct PoolSeedExampleTests {
    @Test("seed 001: 2×2 max pooling at stride 1 on the 3×3 input 0…8 gives 4 5 7 8")
    func maxPoolStrideOne() throws {
        let input = try Tensor(shape: [1, 1, 3, 3], data: (0..<9).map(Double.init))
        let result = try maxPool2d(input, parameters: PoolParameters(kernel: [2, 2], stride: [1, 1]))
        #expect(result.output.shape == [1, 1, 2, 2])
        #expect(result.output.data == [4, 5, 7, 8])
        #expect(result.indices?.data == [4, 5, 7, 8])
        let layer = try PoolLayer(
            kind: .max, inputShape: [1, 1, 3, 3], parameters: PoolParameters(kernel: [2, 2], stride: [1, 1]))
        // max(1, 2, 4, 5) = 5: the window at output (0, 1) reads those cells.
        let trace = layer.trace(input, row: 0, column: 1)
        #expect(trace.cells.map(\.value) == [1, 2, 4, 5])
        #expect(trace.winner == 3)
        #expect(trace.value == 5)
    }

    @Test("seed 002: 2×2 max pooling at stride 2 on the 4×4 slice gives 6 8 3 4")
    func maxPoolStrideTwo() throws {
        let input = try Tensor(shape: [1, 1, 4, 4], data: [1, 1, 2, 4, 5, 6, 7, 8, 3, 2, 1, 0, 1, 2, 3, 4])
        let result = try maxPool2d(input, parameters: PoolParameters(kernel: [2, 2]))
        #expect(result.output.shape == [1, 1, 2, 2])
        #expect(result.output.data == [6, 8, 3, 4])
        // 6 at (1,1), 8 at (1,3), 3 at (2,0), 4 at (3,3).
        #expect(result.indices?.data == [5, 7, 8, 15])
    }

    @Test("seed 001: AvgPool2d(3, 2, 1) turns a 26×26 map into 13×13")
    func averagePoolHalvesTheMap() throws {
        let parameters = PoolParameters(kernel: [3, 3], stride: [2, 2], padding: [1, 1])
        let layer = try PoolLayer(kind: .average, inputShape: [16, 192, 26, 26], parameters: parameters)
        #expect(layer.outputShape == [16, 192, 13, 13])
        #expect(layer.rowAxis.formula.unicode == "⌊(26 + 2·1 − 1·(3−1) − 1)/2⌋ + 1 = 13")
        let small = Tensor(shape: [1, 2, 26, 26], repeating: 9)
        let output = try avgPool2d(small, parameters: parameters)
        #expect(output.shape == [1, 2, 13, 13])
        // The corner window holds 4 real cells and 5 padding zeros, divided by 9 (count_include_pad).
        #expect(output[0, 0, 0, 0] == 4)
        #expect(output[0, 0, 5, 5] == 9)
    }
}
