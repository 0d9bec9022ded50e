import CNNCore
import Testing

/// The core's long loops stop part-way when the `CancellationFlag` bound to the work is raised,
/// and throw `CNNError.cancelled`; with no flag, or a flag never raised, they run to the end.
@Suite("a cancelled forward stops early and throws")
struct CancellationTests {
    let input: Tensor
    let weight: Tensor

    init() throws {
        input = try Tensor(shape: [1, 1, 64, 64], data: (0..<4096).map { Double($0 % 7) })
        weight = try Tensor(shape: [1, 1, 3, 3], data: [1, 0, -1, 2, 0, -2, 1, 0, -1])
    }

    /// Runs `work` with `flag` bound; the error it threw, or nil.
    static func outcome(_ flag: CancellationFlag, _ work: () throws -> Void) -> CNNError? {
        CancellationFlag.$current.withValue(flag) {
            do {
                try work()
                return nil
            } catch {
                return error as? CNNError ?? .invalidShape("not a CNNError: \(error)")
            }
        }
    }

    @Test("convolution, both paths (column stride 1 and 2)", arguments: [1, 2])
    func convolution(columnStride: Int) throws {
        let parameters = ConvParameters(stride: [1, columnStride], padding: .explicit([0, 0]), dilation: [1, 1])
        let full = CancellationFlag()
        #expect(Self.outcome(full) { _ = try conv2d(input, weight: weight, parameters: parameters) } == nil)
        #expect(full.checks >= 62, "a flag never raised is looked at every output row: \(full.checks)")
        let early = CancellationFlag(cancellingAtCheck: 3)
        let error = Self.outcome(early) { _ = try conv2d(input, weight: weight, parameters: parameters) }
        #expect(error == .cancelled)
        #expect(early.checks < full.checks / 4, "stopped after \(early.checks) of \(full.checks) rows")
    }

    @Test("max pooling")
    func pooling() {
        let full = CancellationFlag()
        #expect(
            Self.outcome(full) { _ = try maxPool2d(input, parameters: PoolParameters(kernel: [2, 2])) } == nil)
        let early = CancellationFlag(cancellingAtCheck: 2)
        #expect(
            Self.outcome(early) { _ = try maxPool2d(input, parameters: PoolParameters(kernel: [2, 2])) }
                == .cancelled)
        #expect(early.checks < full.checks / 4)
    }

    @Test("transposed convolution")
    func transposed() {
        let parameters = TransposedConvParameters(stride: [2, 2])
        let full = CancellationFlag()
        #expect(
            Self.outcome(full) { _ = try convTranspose2d(input, weight: weight, parameters: parameters) }
                == nil)
        let early = CancellationFlag(cancellingAtCheck: 2)
        #expect(
            Self.outcome(early) { _ = try convTranspose2d(input, weight: weight, parameters: parameters) }
                == .cancelled)
        #expect(early.checks < full.checks / 4)
    }

    @Test("the gradients of a convolution (input and weights)")
    func backward() throws {
        let layer = try ConvLayer(
            inputShape: [1, 1, 64, 64], weightShape: [1, 1, 3, 3], hasBias: false,
            parameters: ConvParameters.defaults(spatialRank: 2))
        let gradOutput = try Tensor(shape: layer.outputShape, data: Array(repeating: 1, count: 62 * 62))
        let full = CancellationFlag()
        #expect(
            Self.outcome(full) { _ = try layer.backward(input: input, weight: weight, gradOutput: gradOutput) } == nil)
        let early = CancellationFlag(cancellingAtCheck: 2)
        #expect(
            Self.outcome(early) { _ = try layer.backward(input: input, weight: weight, gradOutput: gradOutput) }
                == .cancelled)
        #expect(early.checks < full.checks / 4, "stopped after \(early.checks) of \(full.checks) looks")
    }

    @Test("the stack's dependency walk")
    func stackDependencies() throws {
        let stack = try LayerStack(layers: try LayerSyntax.parse("conv3,conv3,pool2,conv3"), inputSize: [64, 64])
        let full = CancellationFlag()
        #expect(Self.outcome(full) { _ = try stack.dependencyMasks(level: 4, row: 5, column: 5) } == nil)
        #expect(full.checks == 5, "one look per level: \(full.checks)")
        let early = CancellationFlag(cancellingAtCheck: 2)
        #expect(Self.outcome(early) { _ = try stack.dependencyMasks(level: 4, row: 5, column: 5) } == .cancelled)
        #expect(early.checks == 2)
    }

    @Test("a flag raised before the work starts stops it at the first look; no flag, no stop")
    func raisedBefore() throws {
        let flag = CancellationFlag()
        flag.cancel()
        #expect(
            Self.outcome(flag) {
                _ = try conv2d(input, weight: weight, parameters: ConvParameters.defaults(spatialRank: 2))
            } == .cancelled)
        #expect(flag.checks <= 3)
        #expect(
            try conv2d(input, weight: weight, parameters: ConvParameters.defaults(spatialRank: 2)).shape == [
                1, 1, 62, 62,
            ])
        #expect(CNNError.cancelled.message.contains("cancelled"))
    }
}
