import CNNCore
import Testing

@Suite("k-max pooling keeps the k largest values in their order")
struct PoolKMaxTests {
    @Test("the 3 largest of each plane, in their original row-major order")
    func keepsOrder() throws {
        let input = try Tensor(shape: [1, 2, 2, 3], data: [1, 5, 3, 5, 2, 4, 9, 8, 7, 6, 5, 4])
        let result = try kMaxPoolWithIndices(input, k: 3)
        #expect(result.output.shape == [1, 2, 3])
        #expect(result.output.data == [5, 5, 4, 9, 8, 7])
        #expect(result.indices?.data == [1, 3, 5, 0, 1, 2])
        #expect(try kMaxPool(input, k: 3) == result.output)
    }

    @Test("equal values: the earlier cell is kept; k = H·W keeps the whole plane")
    func tiesAndWholePlane() throws {
        let input = try Tensor(shape: [1, 1, 2, 2], data: [2, 1, 2, 2])
        #expect(try kMaxPoolWithIndices(input, k: 2).indices?.data == [0, 2])
        #expect(try kMaxPool(input, k: 4).data == [2, 1, 2, 2])
        #expect(try kMaxPool(input, k: 1).data == [2])
    }

    @Test("k outside 1…H·W is refused with the range that works")
    func refusesBadK() {
        let input = Tensor(shape: [1, 1, 2, 3])
        #expect(
            throws: CNNError.invalidParameter(
                name: "k", message: "must be between 1 and the 6 cells of a 2×3 channel plane, got 0; choose k in 1...6"
            )
        ) {
            try kMaxPool(input, k: 0)
        }
        #expect(throws: CNNError.self) { try kMaxPool(input, k: 7) }
        #expect(throws: CNNError.self) { try kMaxPool(Tensor(shape: [2, 3]), k: 1) }
    }
}
