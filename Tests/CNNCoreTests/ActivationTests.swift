import Testing

@testable import CNNCore

@Suite("Activation")
struct ActivationTests {
    @Test("ReLU keeps positives, zeroes negatives and zero, keeps NaN: the same as relu(_:) on a tensor")
    func reluValues() throws {
        let values = [-15, -0.5, -0.0, 0, 0.25, 15, .nan, -.infinity, .infinity]
        let tensor = try Tensor(shape: [values.count], data: values)
        let byValue = values.map { Activation.relu.apply($0) }
        let expected = [0, 0, 0, 0, 0.25, 15, .nan, 0, .infinity]
        for (got, want) in zip(byValue, expected) {
            #expect(got == want || (got.isNaN && want.isNaN))
        }
        let byTensor = relu(tensor).data
        for (a, b) in zip(Activation.relu.apply(tensor).data, byTensor) { #expect(a == b || (a.isNaN && b.isNaN)) }
        #expect(Activation.none.apply(tensor).data.elementsEqual(values) { $0 == $1 || ($0.isNaN && $1.isNaN) })
    }

    @Test("a trace keeps the sum that went in and says whether ReLU clipped it")
    func trace() {
        let clipped = Activation.relu.trace(-15)
        #expect(clipped.input == -15 && clipped.output == 0 && clipped.clipped)
        let passed = Activation.relu.trace(15)
        #expect(passed.input == 15 && passed.output == 15 && !passed.clipped)
        #expect(!Activation.none.trace(-3).clipped)
    }
}
