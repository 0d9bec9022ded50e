import CNNCore
import Testing

@Suite("parameter and multiplication counts")
struct CostTests {
    @Test("seeds 003/000: two 3×3 convs use 18 weights against 25 for one 5×5, and 9n²+9n² against 25n²")
    func twoSmallAgainstOneLarge() throws {
        let conv3 = LayerSpec(kind: .conv, kernel: 3, bias: false)
        let conv5 = LayerSpec(kind: .conv, kernel: 5, bias: false)
        let two = try LayerStack(layers: [conv3, conv3], inputSize: [9, 9])
        let one = try LayerStack(layers: [conv5], inputSize: [9, 9])
        #expect(two.costs.map(\.weights).reduce(0, +) == 18)
        #expect(one.costs.map(\.weights).reduce(0, +) == 25)
        #expect(two.receptiveFields.last?.size == one.receptiveFields.last?.size)
        #expect(two.sizes.last == one.sizes.last)
        for n in [1, 4, 16, 64] {
            let twoWide = try LayerStack(layers: [conv3, conv3], inputSize: [9, 9], inputChannels: n)
            let oneWide = try LayerStack(layers: [conv5], inputSize: [9, 9], inputChannels: n)
            #expect(twoWide.costs.map(\.parameters) == [9 * n * n, 9 * n * n])
            #expect(oneWide.costs.map(\.parameters) == [25 * n * n])
            #expect(twoWide.channels == [n, n, n])
        }
    }

    @Test("seed 002: ten 5×5 filters, stride 1, pad 2 on 32×32×3 give 32×32×10 with 760 parameters")
    func tenFiveByFiveFilters() throws {
        let cost = try Costs.convolution(
            inputShape: [3, 32, 32], outputChannels: 10, kernel: [5, 5], stride: [1, 1], padding: [2, 2])
        #expect(cost.outputShape == [10, 32, 32])
        #expect(cost.weights == 750 && cost.biases == 10 && cost.parameters == 760)
        #expect(cost.multiplications == 10 * 32 * 32 * 75)
        let stack = try LayerStack(
            layers: [LayerSpec(kind: .conv, kernel: 5, padding: 2, outputChannels: 10)], inputSize: [32, 32],
            inputChannels: 3)
        #expect(
            stack.costs == [
                LayerCost(
                    layer: 1, label: "conv5 p2", inputShape: [3, 32, 32], outputShape: [10, 32, 32],
                    weights: 750, biases: 10, multiplications: 768_000)
            ])
    }

    @Test("seed 004: N = 4 filters of 3×3×3 have (3·3·3 + 1)·4 = 112 parameters")
    func fourThreeByThreeFilters() throws {
        let cost = try Costs.convolution(
            inputShape: [3, 8, 8], outputChannels: 4, kernel: [3, 3], stride: [1, 1], padding: [0, 0])
        #expect(cost.parameters == 112)
        let noBias = try Costs.convolution(
            inputShape: [3, 8, 8], outputChannels: 4, kernel: [3, 3], stride: [1, 1], padding: [0, 0], bias: false)
        #expect(noBias.parameters == 108 && noBias.biases == 0)
    }

    @Test("seed 003: twelve 6×6 filters at stride 2 on 32×32×3 give 14×14×12")
    func twelveSixBySixStrideTwo() throws {
        let cost = try Costs.convolution(
            inputShape: [3, 32, 32], outputChannels: 12, kernel: [6, 6], stride: [2, 2], padding: [0, 0])
        #expect(cost.outputShape == [12, 14, 14])
        #expect(cost.weights == 12 * 6 * 6 * 3)
        #expect(cost.label == "conv6×6 s2×2")
    }

    @Test("seed 002: LeNet-5 CONV-POOL-CONV-POOL-CONV-FC on 32×32×1")
    func leNet() throws {
        let layers = try LayerSyntax.parse("conv5c6, pool2s2, conv5c16, pool2s2, conv5c120")
        let stack = try LayerStack(layers: layers, inputSize: [32, 32], inputChannels: 1)
        #expect(
            try (1...5).map { level throws(CNNError) in try stack.shape(level: level) } == [
                [6, 28, 28], [6, 14, 14], [16, 10, 10], [16, 5, 5], [120, 1, 1],
            ])
        #expect(stack.costs.map(\.parameters) == [156, 0, 2416, 0, 48120])
        #expect(stack.costs.map(\.label) == ["conv5", "maxpool2 s2", "conv5", "maxpool2 s2", "conv5"])
        #expect(stack.costs[1].multiplications == 0 && stack.costs[3].weights == 0)
        #expect(stack.costs[0].multiplications == 6 * 28 * 28 * 25)
        #expect(stack.receptiveFields.map(\.size) == [5, 6, 14, 16, 32])
        let fc = Costs.fullyConnected(inputs: 120, outputs: 84)
        #expect(fc.parameters == 10_164 && fc.multiplications == 10_080)
    }

    @Test(
        "seed 001: a 256×256 image costs 65,536 weights per dense neuron, 8,388,608 for 128, but 1,152 for 128 3×3 kernels"
    )
    func denseAgainstConvolution() throws {
        let neuron = Costs.fullyConnected(inputs: 256 * 256, outputs: 1, bias: false)
        #expect(neuron.weights == 65_536)
        let layer = Costs.fullyConnected(inputs: 256 * 256, outputs: 128, bias: false)
        #expect(layer.weights == 8_388_608 && layer.biases == 0)
        #expect(Costs.fullyConnected(inputs: 256 * 256, outputs: 128).parameters == 8_388_736)
        let conv = try Costs.convolution(
            inputShape: [1, 256, 256], outputChannels: 128, kernel: [3, 3], stride: [1, 1], padding: [1, 1], bias: false
        )
        #expect(conv.weights == 1_152)
    }

    @Test("seed 000: a 3×3 conv on a 1024×1024 grey image does n_l·1024·1024·n_(l−1)·f·f multiplications")
    func megapixelMultiplications() throws {
        let grey = try Costs.convolution(
            inputShape: [1, 1024, 1024], outputChannels: 1, kernel: [3, 3], stride: [1, 1], padding: [1, 1])
        #expect(grey.multiplications == 9_437_184)
        let wide = try Costs.convolution(
            inputShape: [16, 1024, 1024], outputChannels: 32, kernel: [3, 3], stride: [1, 1], padding: [1, 1])
        #expect(wide.multiplications == 32 * 1024 * 1024 * 16 * 3 * 3)
    }

    @Test("seed 003: depthwise separable weights K1·K2·Cin + Cin·Cout against K1·K2·Cin·Cout")
    func depthwiseSeparable() throws {
        let counts = Costs.depthwiseSeparable(inputChannels: 32, outputChannels: 64, kernel: [3, 3])
        #expect(counts.depthwise == 288 && counts.pointwise == 2_048)
        #expect(counts.total == 2_336 && counts.standard == 18_432)
        // The same numbers from a grouped (depthwise) conv and a 1×1 (pointwise) conv.
        let depthwise = try Costs.convolution(
            inputShape: [32, 10, 10], outputChannels: 32, kernel: [3, 3], stride: [1, 1], padding: [1, 1], groups: 32,
            bias: false)
        let pointwise = try Costs.convolution(
            inputShape: [32, 10, 10], outputChannels: 64, kernel: [1, 1], stride: [1, 1], padding: [0, 0], bias: false)
        #expect(depthwise.weights == counts.depthwise && pointwise.weights == counts.pointwise)
        #expect(depthwise.multiplications == 32 * 100 * 9)
        #expect(depthwise.label == "conv3×3 g32")
    }

    @Test("a 1-D convolution is costed over its length")
    func oneDimensional() throws {
        let cost = try Costs.convolution(
            inputShape: [2, 10], outputChannels: 4, kernel: [3], stride: [1], padding: [0])
        #expect(cost.outputShape == [4, 8] && cost.weights == 24 && cost.multiplications == 4 * 8 * 2 * 3)
    }

    @Test("impossible convolutions are refused with what would work")
    func refusals() throws {
        #expect(throws: CNNError.channelMismatch("groups 4 must divide the 6 input channels; use a divisor of 6")) {
            try Costs.convolution(
                inputShape: [6, 8, 8], outputChannels: 8, kernel: [3, 3], stride: [1, 1], padding: [0, 0], groups: 4)
        }
        do {
            _ = try Costs.convolution(
                inputShape: [1, 4, 4], outputChannels: 1, kernel: [5, 5], stride: [1, 1], padding: [0, 0])
            Issue.record("a 5×5 kernel on a 4×4 input was accepted")
        } catch {
            #expect(error.message.contains("larger than the padded input 4×4"))
        }
        #expect(throws: CNNError.self) {
            try Costs.convolution(
                inputShape: [3, 8, 8], outputChannels: 0, kernel: [3, 3], stride: [1, 1], padding: [0, 0])
        }
        #expect(throws: CNNError.self) {
            try Costs.convolution(
                inputShape: [3, 8, 8], outputChannels: 2, kernel: [3, 3], stride: [1, 1], padding: [0, 0], groups: 0)
        }
        #expect(throws: CNNError.self) {
            try Costs.convolution(
                inputShape: [3, 8, 8], outputChannels: 2, kernel: [3], stride: [1, 1], padding: [0, 0])
        }
        #expect(throws: CNNError.self) {
            try Costs.convolution(
                inputShape: [3, 8, 8], outputChannels: 2, kernel: [3, 3], stride: [1, 1], padding: [Int.max, 0])
        }
    }

    @Test("counts that do not fit 64 bits saturate or are refused instead of trapping")
    func overflow() throws {
        #expect(Costs.fullyConnected(inputs: Int.max, outputs: 2).weights == Int.max)
        #expect(
            Costs.depthwiseSeparable(inputChannels: Int.max, outputChannels: 3, kernel: [3, 3]).standard == Int.max)
        #expect(throws: CNNError.self) {
            try Costs.convolution(
                inputShape: [1_000_000, 1_000_000, 1_000_000], outputChannels: 1_000_000, kernel: [1, 1],
                stride: [1, 1], padding: [0, 0])
        }
    }
}
