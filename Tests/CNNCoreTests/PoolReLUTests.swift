import CNNCore
import Testing

@Suite("ReLU")
struct PoolReLUTests {
    @Test("negative values become 0, positive values stay, NaN stays NaN, the shape is kept")
    func rectifies() throws {
        let input = try Tensor(shape: [1, 1, 2, 3], data: [-2, -0.5, 0, 0.5, 3, .nan])
        let output = relu(input)
        #expect(output.shape == [1, 1, 2, 3])
        #expect(Array(output.data.prefix(5)) == [0, 0, 0, 0.5, 3])
        #expect(output.data[5].isNaN)
    }
}
