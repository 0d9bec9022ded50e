import Testing

@testable import CNNCore

/// Each output cell's terms are added in one fixed order: input channel, kernel row, kernel
/// column, then the bias. Floating-point addition is not associative, so values chosen to
/// cancel (1e16 + 1 − 1e16) give a different answer in any other order; these tests fail if the
/// order changes, on every path (AVX, portable Swift, any column stride).
@Suite("Convolution adds each cell's terms in trace order")
struct ConvTermOrderTests {
    /// A 1-channel 1×3 kernel over rows of (1e16, 1, −1e16) with weights 1: in order the sum is
    /// (1e16 + 1) − 1e16 = 0; right to left it would be 1; with the bias first, 2 + …
    @Test("cancelling terms give the in-order sum", arguments: [true, false])
    func cancellingTerms(allowAVX: Bool) throws {
        let width = 40
        var row: [Double] = []
        for i in 0..<width { row.append([1e16, 1, -1e16][i % 3]) }
        let input = try Tensor(shape: [1, 4, 3, width], data: Array((0..<4).map { _ in row + row + row }.joined()))
        let weight = try Tensor(shape: [4, 4, 1, 3], data: Array(repeating: 1, count: 48))
        let bias = try Tensor(shape: [4], data: [0.5, 1, 2, 4])
        let layer = try ConvLayer(
            inputShape: input.shape, weightShape: weight.shape, hasBias: true,
            parameters: ConvParameters(stride: [1, 1], padding: .explicit([0, 1]), dilation: [1, 1]))
        let output = try Tensor(
            shape: layer.outputShape,
            data: ConvTiledForward(layer: layer, allowAVX: allowAVX).run(input: input, weight: weight, bias: bias))
        var sawCancellation = false
        for co in 0..<4 {
            for column in 0..<output.shape[3] {
                // The sum written out in the required order, independent of the trace code.
                var sum = 0.0
                for ci in 0..<4 {
                    for kc in 0..<3 {
                        let iw = column - 1 + kc
                        if iw >= 0 && iw < width { sum += 1 * input[0, ci, 0, iw] }
                    }
                }
                sum += bias.data[co]
                var reversed = bias.data[co]
                for ci in (0..<4).reversed() {
                    for kc in (0..<3).reversed() {
                        let iw = column - 1 + kc
                        if iw >= 0 && iw < width { reversed += input[0, ci, 0, iw] }
                    }
                }
                if sum != reversed { sawCancellation = true }
                #expect(output[0, co, 0, column] == sum, "channel \(co) column \(column)")
            }
        }
        #expect(sawCancellation, "the data must make the order visible")
    }

    /// Both tiled paths and the row-by-row path equal the traces bit for bit on random data.
    @Test(
        "tiled AVX, tiled Swift and row-by-row paths equal the traces",
        arguments: [
            ([2, 6, 11, 29], [8, 3, 3, 3], [1, 1], [1, 2], [1, 1], 2),
            ([1, 5, 9, 37], [6, 5, 2, 5], [2, 1], [0, 3], [2, 2], 1),
            ([1, 4, 7, 13], [5, 4, 3, 3], [1, 1], [1, 1], [1, 1], 1),
            ([1, 2, 6, 3], [4, 2, 3, 3], [1, 1], [1, 1], [1, 1], 1),
            ([1, 2, 5, 41], [1, 2, 3, 3], [1, 1], [1, 1], [1, 1], 1),
            ([1, 3, 4, 35], [3, 1, 3, 4], [1, 1], [2, 3], [1, 2], 3),
        ])
    func pathsEqualTraces(
        input inShape: [Int], weight wShape: [Int], stride: [Int], padding: [Int], dilation: [Int], groups: Int
    ) throws {
        var state: UInt64 = 99
        func values(_ count: Int) -> [Double] {
            (0..<count).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Double(Int(state >> 40) % 2001 - 1000) / 37
            }
        }
        let input = try Tensor(shape: inShape, data: values(inShape.reduce(1, *)))
        let weight = try Tensor(shape: wShape, data: values(wShape.reduce(1, *)))
        let bias = try Tensor(shape: [wShape[0]], data: values(wShape[0]))
        let layer = try ConvLayer(
            inputShape: inShape, weightShape: wShape, hasBias: true,
            parameters: ConvParameters(
                stride: stride, padding: .explicit(padding), dilation: dilation, groups: groups))
        let outputs = [
            ConvTiledForward(layer: layer, allowAVX: true).run(input: input, weight: weight, bias: bias),
            ConvTiledForward(layer: layer, allowAVX: false).run(input: input, weight: weight, bias: bias),
            try layer.forwardByRows(input: input, weight: weight, bias: bias).data,
        ]
        let s = layer.outputShape
        var mismatches = [0, 0, 0]
        for n in 0..<s[0] {
            for co in 0..<s[1] {
                for r in 0..<s[2] {
                    for c in 0..<s[3] {
                        let value = layer.trace(
                            input: input, weight: weight, bias: bias, batch: n, outputChannel: co, row: r, column: c
                        ).value
                        let index = ((n * s[1] + co) * s[2] + r) * s[3] + c
                        for path in 0..<3 where outputs[path][index] != value { mismatches[path] += 1 }
                    }
                }
            }
        }
        #expect(mismatches == [0, 0, 0], "mismatches per path (AVX, Swift, rows): \(mismatches)")
    }

    /// A convolution large enough to be split over both cores (bands of rows) equals its traces:
    /// every row's edges and a spread of cells in between.
    @Test("the two-core path equals the traces")
    func parallelPath() throws {
        let inShape = [1, 3, 512, 512]
        let wShape = [16, 3, 3, 3]
        var state: UInt64 = 7
        func values(_ count: Int) -> [Double] {
            (0..<count).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Double(Int(state >> 40) % 2001 - 1000) / 37
            }
        }
        let input = try Tensor(shape: inShape, data: values(inShape.reduce(1, *)))
        let weight = try Tensor(shape: wShape, data: values(wShape.reduce(1, *)))
        let bias = try Tensor(shape: [16], data: values(16))
        let layer = try ConvLayer(
            inputShape: inShape, weightShape: wShape, hasBias: true,
            parameters: ConvParameters(stride: [1, 1], padding: .explicit([1, 1]), dilation: [1, 1]))
        #expect(16 * 512 * 512 * 27 >= ConvTiledForward.parallelWork, "the workload must take the two-core path")
        let output = try layer.forward(input: input, weight: weight, bias: bias)
        var mismatches = 0
        var checked = 0
        for co in [0, 5, 15] {
            for row in 0..<512 {
                for column in [0, 1, 7, 8, 9, 255, 256, 503, 504, 510, 511] + [(row * 37) % 512] {
                    let trace = layer.trace(
                        input: input, weight: weight, bias: bias, outputChannel: co, row: row, column: column)
                    if trace.value != output[0, co, row, column] { mismatches += 1 }
                    checked += 1
                }
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(checked) sampled outputs differ from their traces")
    }
}
