import CNNCore
import Testing

/// Hostile sizes are refused with a typed error that names the number and the limit, before
/// anything is allocated or computed; nothing traps on overflow.
@Suite("Core limits and checked arithmetic")
struct CoreLimitsTests {
    static let huge = 1 << 62

    @Test("a tensor shape whose product overflows is refused, not trapped")
    func tensorShapeOverflow() {
        #expect(throws: CNNError.self) { try Tensor(shape: [Self.huge, 4, 1], data: [1]) }
        do {
            _ = try Tensor(shape: [1 << 20, 1 << 20], data: [])
            Issue.record("a 2^40-element shape was accepted")
        } catch {
            #expect(error.message.contains("134217728"), "names the limit: \(error.message)")
            #expect(error.message.contains("1099511627776"), "names the count: \(error.message)")
        }
    }

    @Test(
        "convolution parameters near 2^62 are refused",
        arguments: [
            ([1, 1, 8, 8], [1, 1, 3, 3], [huge, 1], [0, 0], [1, 1], "stride"),
            ([1, 1, 8, 8], [1, 1, 3, 3], [1, 1], [huge, 0], [1, 1], "padding"),
            ([1, 1, 8, 8], [1, 1, 3, 3], [1, 1], [0, 0], [huge, 1], "dilation"),
            ([1, 1, huge, 8], [1, 1, 3, 3], [1, 1], [0, 0], [1, 1], "input shape"),
            ([1, 1, 8, 8], [1, 1, huge, 3], [1, 1], [0, 0], [1, 1], "weight shape"),
        ])
    func convolutionHostile(
        input: [Int], weight: [Int], stride: [Int], padding: [Int], dilation: [Int], parameter: String
    ) {
        do {
            _ = try ConvLayer(
                inputShape: input, weightShape: weight, hasBias: false,
                parameters: ConvParameters(stride: stride, padding: .explicit(padding), dilation: dilation))
            Issue.record("accepted \(parameter) \(Self.huge)")
        } catch {
            #expect(error.message.contains(parameter), "\(error.message)")
            #expect(error.message.contains("\(CoreLimits.largestValue)"), "\(error.message)")
        }
    }

    @Test("'same' and 'full' padding with a huge dilated kernel are refused")
    func spanOverflow() {
        for spec in [PaddingSpec.same, .full] {
            #expect(throws: CNNError.self) {
                _ = try spec.resolve(kernel: [Self.huge], dilation: [Self.huge], stride: [1])
            }
        }
    }

    @Test("pooling windows near 2^62 are refused")
    func poolingHostile() {
        for parameters in [
            PoolParameters(kernel: [Self.huge, 2]),
            PoolParameters(kernel: [2, 2], stride: [Self.huge, 1]),
            PoolParameters(kernel: [3, 3], dilation: [Self.huge, 1]),
            PoolParameters(kernel: [2, 2], padding: [Self.huge, 0]),
        ] {
            #expect(throws: CNNError.self) {
                _ = try PoolLayer(kind: .max, inputShape: [1, 1, 8, 8], parameters: parameters)
            }
        }
    }

    @Test("a transposed convolution of input 4096 at stride 99 is refused before allocating")
    func transposedHuge() throws {
        let layer = try TransposedConvLayer(
            inputShape: [1, 1, 4096, 4096], weightShape: [1, 1, 3, 3], hasBias: false,
            parameters: TransposedConvParameters(
                stride: [99, 99], padding: [0, 0], outputPadding: [0, 0], dilation: [1, 1]))
        // Describing it is fine (405,408 × 405,408); computing it is refused by count.
        #expect(layer.outputShape == [1, 1, 405_408, 405_408])
        do {
            try layer.checkComputeBounds()
            Issue.record("accepted a 1.6e11-element output")
        } catch {
            #expect(error.message.contains("164355646464"), "\(error.message)")
            #expect(error.message.contains("134217728"), "\(error.message)")
        }
        let input = Tensor(shape: [1, 1, 4096, 4096])
        let weight = Tensor(shape: [1, 1, 3, 3])
        #expect(throws: CNNError.self) { _ = try layer.forward(input: input, weight: weight, bias: nil) }
    }

    @Test("the issue's biggest workloads stay within the limits")
    func biggestAccepted() throws {
        let picture = try ConvLayer(
            inputShape: [1, 3, 1024, 1024], weightShape: [16, 3, 3, 3], hasBias: true,
            parameters: ConvParameters(stride: [1, 1], padding: .explicit([1, 1]), dilation: [1, 1]))
        try picture.checkComputeBounds()
        let single = try ConvLayer(
            inputShape: [1, 1, 4096, 4096], weightShape: [1, 1, 3, 3], hasBias: false,
            parameters: ConvParameters(stride: [1, 1], padding: .explicit([1, 1]), dilation: [1, 1]))
        try single.checkComputeBounds()
    }

    @Test("a convolution with too many multiply-adds is refused, naming the count and the limit")
    func tooMuchWork() throws {
        let layer = try ConvLayer(
            inputShape: [1, 64, 1024, 1024], weightShape: [64, 64, 3, 3], hasBias: false,
            parameters: ConvParameters(stride: [1, 1], padding: .explicit([1, 1]), dilation: [1, 1]))
        do {
            try layer.checkComputeBounds()
            Issue.record("accepted 3.9e10 multiply-adds")
        } catch {
            #expect(error.message.contains("2147483648"), "\(error.message)")
            #expect(error.message.contains("38654705664"), "\(error.message)")
        }
    }

    @Test("checked integers report overflow")
    func checkedInt() {
        #expect(CheckedInt.multiply(Self.huge, 4) == nil)
        #expect(CheckedInt.add(Int.max, 1) == nil)
        #expect(CheckedInt.product([1 << 31, 1 << 31, 4]) == nil)
        #expect(CheckedInt.product([3, 4, 5]) == 60)
        #expect(CheckedInt.dilatedSpan(kernel: 3, dilation: 2) == 5)
        #expect(CheckedInt.dilatedSpan(kernel: Self.huge, dilation: Self.huge) == nil)
    }

    @Test("seconds become nanoseconds, refusing NaN, ∞, negative and too large values")
    func durations() throws {
        #expect(try CheckedConversion.nanoseconds(fromSeconds: 0.25) == 250_000_000)
        #expect(try CheckedConversion.nanoseconds(fromSeconds: 0) == 0)
        #expect(throws: DurationConversionError.notFinite(.infinity)) {
            try CheckedConversion.nanoseconds(fromSeconds: .infinity)
        }
        #expect(throws: DurationConversionError.self) { try CheckedConversion.nanoseconds(fromSeconds: .nan) }
        #expect(throws: DurationConversionError.negative(-1)) { try CheckedConversion.nanoseconds(fromSeconds: -1) }
        #expect(throws: DurationConversionError.tooLarge(1e30, limitSeconds: 86_400)) {
            try CheckedConversion.nanoseconds(fromSeconds: 1e30)
        }
        #expect(try CheckedConversion.nanoseconds(fromSeconds: 1e9, limitSeconds: 1e10) == 1_000_000_000_000_000_000)
        #expect(throws: DurationConversionError.self) {
            try CheckedConversion.nanoseconds(fromSeconds: 1e11, limitSeconds: .infinity)
        }
        #expect(CheckedConversion.exactInt(3.0) == 3)
        #expect(CheckedConversion.exactInt(3.5) == nil)
        #expect(CheckedConversion.exactInt(9.3e18) == nil)
        #expect(CheckedConversion.exactInt(.nan) == nil)
    }
}
