import CNNCore
import Testing

@Suite("layer stacks: sizes, channels and refusals")
struct LayerStackTests {
    @Test("pools default their stride to the window, convolutions to 1; pools have no bias")
    func defaults() {
        #expect(LayerSpec(kind: .maxPool, kernel: 3).stride == 3)
        #expect(LayerSpec(kind: .avgPool, kernel: 2).stride == 2)
        #expect(LayerSpec(kind: .conv, kernel: 3).stride == 1)
        #expect(LayerSpec(kind: .maxPool, kernel: 3).bias == false)
        #expect(LayerSpec(kind: .conv, kernel: 3).bias == true)
        #expect(LayerSpec(kind: .conv, kernel: 3, dilation: 2).label == "conv3 d2")
        #expect(LayerSpec(kind: .maxPool, kernel: 2).label == "maxpool2 s2")
        #expect(LayerSpec(kind: .conv, kernel: 5, stride: 2, padding: 2).label == "conv5 s2 p2")
        #expect(LayerSpec(kind: .avgPool, kernel: 3, stride: 1, padding: 1).label == "avgpool3 s1 p1")
    }

    @Test("sizes follow PyTorch's floor mode and channels carry through pools")
    func sizesAndChannels() throws {
        let layers = try LayerSyntax.parse("conv3c8,pool2,conv3s2p1c16,avgpool3s2")
        let stack = try LayerStack(layers: layers, inputSize: [15, 20], inputChannels: 3)
        #expect(stack.sizes == [[15, 20], [13, 18], [6, 9], [3, 5], [1, 2]])
        #expect(stack.channels == [3, 8, 8, 16, 16])
        #expect(stack.depth == 4 && stack.receptiveFields.count == 4 && stack.costs.count == 4)
        #expect(stack.costs[2].inputShape == [8, 6, 9] && stack.costs[2].outputShape == [16, 3, 5])
    }

    @Test("an empty stack is just its input")
    func empty() throws {
        let stack = try LayerStack(layers: [], inputSize: [3, 4])
        #expect(stack.sizes == [[3, 4]] && stack.receptiveFields.isEmpty && stack.effectivePadding == 0)
    }

    @Test("a pool padded by more than half its window is refused, as PyTorch does")
    func poolPadding() throws {
        let pool = LayerSpec(kind: .maxPool, kernel: 3, stride: 2, padding: 2)
        #expect(
            throws: CNNError.invalidParameter(
                name: "layer 2 (maxpool3 s2 p2) padding",
                message:
                    "2 is more than half the 3×3 window; PyTorch allows at most 1 — use padding 1 or a window of at least 4"
            )
        ) {
            try LayerStack(layers: [LayerSpec(kind: .conv, kernel: 1), pool], inputSize: [8, 8])
        }
        // Exactly half is allowed.
        let half = try LayerStack(layers: [LayerSpec(kind: .maxPool, kernel: 2, padding: 1)], inputSize: [4, 4])
        #expect(half.sizes.last == [3, 3])
    }

    @Test("a pool that leaves no output is refused, naming the layer and the formula")
    func poolTooSmall() throws {
        let layers = try LayerSyntax.parse("pool2,pool2,pool2")
        do {
            _ = try LayerStack(layers: layers, inputSize: [5, 9])
            Issue.record("accepted a 2×2 pool on a 1×2 input")
        } catch {
            guard case .outputTooSmall(let message) = error else {
                Issue.record("wrong refusal \(error)")
                return
            }
            #expect(message.hasPrefix("layer 3 (maxpool2 s2): output size is too small"))
            #expect(message.contains("1×2 input"))
            #expect(message.contains("a window of at most 1"))
        }
    }

    @Test("a conv kernel larger than its padded input is refused, naming the layer")
    func kernelTooLarge() throws {
        do {
            _ = try LayerStack(layers: try LayerSyntax.parse("conv3,conv3,conv5"), inputSize: [7, 7])
            Issue.record("accepted a 5×5 kernel on a 3×3 input")
        } catch {
            guard case .kernelTooLarge(let message) = error else {
                Issue.record("wrong refusal \(error)")
                return
            }
            #expect(message.hasPrefix("layer 3 (conv5): kernel 5×5 is larger than the padded input 3×3"))
            #expect(message.contains("padding 1 per side"))
        }
    }

    @Test(
        "bad values are refused one by one, never trapping",
        arguments: [
            LayerSpec(kind: .conv, kernel: 0),
            LayerSpec(kind: .conv, kernel: 3, stride: 0),
            LayerSpec(kind: .conv, kernel: 3, padding: -1),
            LayerSpec(kind: .conv, kernel: 3, dilation: 0),
            LayerSpec(kind: .conv, kernel: 3, outputChannels: 0),
            LayerSpec(kind: .conv, kernel: Int.max),
            LayerSpec(kind: .conv, kernel: 3, padding: Int.max),
            LayerSpec(kind: .avgPool, kernel: 2, dilation: 2),
            LayerSpec(kind: .maxPool, kernel: 2, outputChannels: 5),
        ])
    func badValues(layer: LayerSpec) {
        #expect(throws: CNNError.self) { try LayerStack(layers: [layer], inputSize: [8, 8], inputChannels: 2) }
    }

    @Test("bad inputs are refused")
    func badInputs() {
        let conv = LayerSpec(kind: .conv, kernel: 1)
        #expect(throws: CNNError.self) { try LayerStack(layers: [conv], inputSize: [8]) }
        #expect(throws: CNNError.self) { try LayerStack(layers: [conv], inputSize: [0, 8]) }
        #expect(throws: CNNError.self) { try LayerStack(layers: [conv], inputSize: [8, 8], inputChannels: 0) }
        #expect(throws: CNNError.self) { try LayerStack(layers: [conv], inputSize: [8, Int.max]) }
    }

    @Test("a stack whose combined stride overflows 64 bits is refused")
    func strideOverflow() {
        let huge = LayerSpec(kind: .conv, kernel: 1, stride: 1_000_000)
        #expect(throws: CNNError.self) { try LayerStack(layers: Array(repeating: huge, count: 5), inputSize: [1, 1]) }
    }

    @Test("the recurrences alone refuse out-of-range layers instead of trapping")
    func recurrencesValidate() throws {
        #expect(throws: CNNError.self) { try ReceptiveField.rows(for: [LayerSpec(kind: .conv, kernel: Int.min)]) }
        #expect(throws: CNNError.self) {
            try ReceptiveField.rows(for: [LayerSpec(kind: .conv, kernel: 3, dilation: -1)])
        }
        let rows = try ReceptiveField.rows(for: try LayerSyntax.parse("conv7s2p3,maxpool3s2p1"))
        #expect(rows.map(\.size) == [7, 11] && rows.map(\.jump) == [2, 4] && rows.map(\.effectivePadding) == [3, 5])
    }

    @Test("shape(level:) gives C×H×W and refuses missing levels")
    func shapes() throws {
        let stack = try LayerStack(
            layers: [LayerSpec(kind: .conv, kernel: 3, outputChannels: 4)], inputSize: [5, 6], inputChannels: 2)
        #expect(try stack.shape(level: 0) == [2, 5, 6] && stack.shape(level: 1) == [4, 3, 4])
        #expect(throws: CNNError.self) { try stack.shape(level: 2) }
    }
}
