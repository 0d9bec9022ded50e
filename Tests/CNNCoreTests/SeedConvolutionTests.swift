import CNNCore
import TestSupport
import Testing

/// The lecture notes' worked convolution examples, by name.
@Suite("Seed examples: convolution")
struct SeedConvolutionTests {
    /// The 3×3 input 0…8 and the 2×2 kernel 0…3 used throughout seed 001.
    static let input3x3 = Tensor.literal(shape: [1, 1, 3, 3], data: (0..<9).map(Double.init))
    static let kernel2x2 = Tensor.literal(shape: [1, 1, 2, 2], data: [0, 1, 2, 3])

    static func conv(
        _ input: Tensor, _ weight: Tensor, stride: [Int] = [1, 1], padding: PaddingSpec = .explicit([0, 0]),
        dilation: [Int] = [1, 1], bias: Tensor? = nil
    ) throws -> Tensor {
        try conv2d(
            input, weight: weight, bias: bias,
            parameters: ConvParameters(stride: stride, padding: padding, dilation: dilation))
    }

    @Test("3×3 input ⋆ 2×2 kernel → 19 25 37 43, each the sum of its four products")
    func crossCorrelation19_25_37_43() throws {
        let output = try Self.conv(Self.input3x3, Self.kernel2x2)
        #expect(output.shape == [1, 1, 2, 2])
        #expect(output.data == [19, 25, 37, 43])
        let layer = try ConvLayer(
            inputShape: [1, 1, 3, 3], weightShape: [1, 1, 2, 2], hasBias: false, parameters: .defaults(spatialRank: 2))
        let first = layer.trace(input: Self.input3x3, weight: Self.kernel2x2, bias: nil, row: 0, column: 0)
        // 0×0 + 1×1 + 3×2 + 4×3 = 19
        #expect(first.terms.map(\.inputValue) == [0, 1, 3, 4])
        #expect(first.terms.map(\.weight) == [0, 1, 2, 3])
        #expect(first.value == 19)
        let last = layer.trace(input: Self.input3x3, weight: Self.kernel2x2, bias: nil, row: 1, column: 1)
        #expect(last.terms.map(\.inputValue) == [4, 5, 7, 8])
        #expect(last.value == 43)
        // (n_h − k_h + 1) × (n_w − k_w + 1)
        #expect(layer.axes.map(\.outputSize) == [2, 2])
    }

    @Test("padding 1 turns the 3×3 input into a 4×4 result")
    func zeroPadded4x4() throws {
        let output = try Self.conv(Self.input3x3, Self.kernel2x2, padding: .explicit([1, 1]))
        #expect(output.shape == [1, 1, 4, 4])
        #expect(output.data == [0, 3, 8, 4, 9, 19, 25, 10, 21, 37, 43, 16, 6, 7, 8, 0])
        let layer = try ConvLayer(
            inputShape: [1, 1, 3, 3], weightShape: [1, 1, 2, 2], hasBias: false,
            parameters: ConvParameters(stride: [1, 1], padding: .explicit([1, 1]), dilation: [1, 1]))
        let corner = layer.trace(input: Self.input3x3, weight: Self.kernel2x2, bias: nil, row: 0, column: 0)
        #expect(corner.terms.filter(\.isPadding).count == 3)
    }

    @Test("stride 3 down and 2 across with padding 1 → 0 8 6 8")
    func stride3Down2Across() throws {
        let output = try Self.conv(Self.input3x3, Self.kernel2x2, stride: [3, 2], padding: .explicit([1, 1]))
        #expect(output.shape == [1, 1, 2, 2])
        #expect(output.data == [0, 8, 6, 8])
    }

    @Test("plain stride 2 with padding 1 → 0 8 21 43")
    func plainStride2() throws {
        let output = try Self.conv(Self.input3x3, Self.kernel2x2, stride: [2, 2], padding: .explicit([1, 1]))
        #expect(output.data == [0, 8, 21, 43])
    }

    @Test("the vertical-edge detector on the 6×6 step gives a 4×4 map of 0 30 30 0 rows")
    func verticalEdge30s() throws {
        let row: [Double] = [10, 10, 10, 0, 0, 0]
        let input = try Tensor(shape: [1, 1, 6, 6], data: Array(repeating: row, count: 6).flatMap { $0 })
        let kernel = try Tensor(shape: [1, 1, 3, 3], data: [1, 0, -1, 1, 0, -1, 1, 0, -1])
        let output = try Self.conv(input, kernel)
        #expect(output.shape == [1, 1, 4, 4])
        #expect(output.data == Array(repeating: [0, 30, 30, 0] as [Double], count: 4).flatMap { $0 })
    }

    @Test("two input channels: the first output sums both channels' dot products → 56")
    func twoInputChannels56() throws {
        let input = try Tensor(shape: [1, 2, 3, 3], data: (0..<9).map(Double.init) + (1...9).map(Double.init))
        let kernel = try Tensor(shape: [1, 2, 2, 2], data: [0, 1, 2, 3, 1, 2, 3, 4])
        let output = try Self.conv(input, kernel)
        #expect(output.data == [56, 72, 104, 120])
        let layer = try ConvLayer(
            inputShape: input.shape, weightShape: kernel.shape, hasBias: false, parameters: .defaults(spatialRank: 2))
        let trace = layer.trace(input: input, weight: kernel, bias: nil, row: 0, column: 0)
        let perChannel = Dictionary(grouping: trace.terms, by: \.inputChannel).mapValues {
            $0.reduce(0) { $0 + $1.product }
        }
        // (0×0 + 1×1 + 3×2 + 4×3) + (1×1 + 2×2 + 4×3 + 5×4) = 19 + 37
        #expect(perChannel == [0: 19, 1: 37])
        #expect(trace.value == 56)
    }

    @Test("the Sobel kernel on the 3×3 image patch gives 65 (+ bias)")
    func sobelPatch65() throws {
        let patch = try Tensor(shape: [1, 1, 3, 3], data: [200, 150, 150, 100, 50, 100, 25, 25, 10])
        let sobel = try Tensor(shape: [1, 1, 3, 3], data: [1, 0, -1, 2, 0, -2, 1, 0, -1])
        #expect(try Self.conv(patch, sobel).data == [65])
        let bias = try Tensor(shape: [1], data: [0.5])
        #expect(try Self.conv(patch, sobel, bias: bias).data == [65.5])
    }

    @Test("output size (N − F)/S + 1 on 7×7 with 3×3: 5, then 3 at stride 2; stride 3 leaves a column unread")
    func outputSize7x7() throws {
        #expect(AxisGeometry(inputSize: 7, kernelSize: 3, stride: 1).outputSize == 5)
        let stride2 = AxisGeometry(inputSize: 7, kernelSize: 3, stride: 2)
        #expect(stride2.outputSize == 3)
        #expect(stride2.formula.unicode == "⌊(7 + 2·0 − 1·(3−1) − 1)/2⌋ + 1 = 3")
        #expect(stride2.formula.ascii == "floor((7 + 2*0 - 1*(3-1) - 1)/2) + 1 = 3")
        #expect(stride2.formula.tilingNote(rowsOrColumns: "column") == nil)
        let stride3 = AxisGeometry(inputSize: 7, kernelSize: 3, stride: 3)
        #expect(stride3.outputSize == 2)
        #expect(stride3.unreadInputCells == 1)
        #expect(
            stride3.formula.tilingNote(rowsOrColumns: "column")
                == "stride 3 does not tile 7 cells with a window of 3: the last column is never read")
        // Padding 1 keeps 7×7 at stride 1.
        #expect(AxisGeometry(inputSize: 7, kernelSize: 3, padding: AxisPadding(1)).outputSize == 7)
    }

    @Test("32×32×3 with ten 5×5 filters, pad 2 → 32×32×10; twelve 6×6 at stride 2 → 14×14×12")
    func outputVolumes() throws {
        let five = try ConvLayer(
            inputShape: [1, 3, 32, 32], weightShape: [10, 3, 5, 5], hasBias: true,
            parameters: ConvParameters(stride: [1, 1], padding: .explicit([2, 2]), dilation: [1, 1]))
        #expect(five.outputShape == [1, 10, 32, 32])
        let six = try ConvLayer(
            inputShape: [1, 3, 32, 32], weightShape: [12, 3, 6, 6], hasBias: true,
            parameters: ConvParameters(stride: [2, 2], padding: .explicit([0, 0]), dilation: [1, 1]))
        #expect(six.outputShape == [1, 12, 14, 14])
    }

    @Test("padding same keeps the size, full grows it by k−1, valid shrinks it; odd extra goes bottom/right")
    func validSameFull() throws {
        func sizes(_ padding: PaddingSpec, kernel: Int) throws -> [Int] {
            try ConvLayer(
                inputShape: [1, 1, 5, 5], weightShape: [1, 1, kernel, kernel], hasBias: false,
                parameters: ConvParameters(stride: [1, 1], padding: padding, dilation: [1, 1])
            ).axes.map(\.outputSize)
        }
        #expect(try sizes(.valid, kernel: 3) == [3, 3])
        #expect(try sizes(.same, kernel: 3) == [5, 5])
        #expect(try sizes(.full, kernel: 3) == [7, 7])
        let even = try ConvLayer(
            inputShape: [1, 1, 5, 5], weightShape: [1, 1, 4, 4], hasBias: false,
            parameters: ConvParameters(stride: [1, 1], padding: .same, dilation: [1, 1]))
        #expect(even.axes[0].padding == AxisPadding(before: 1, after: 2))
    }

    @Test("dilation 2 spreads a 3×3 kernel over 5×5 and leaves holes")
    func dilation2() throws {
        let input = try Tensor(shape: [1, 1, 7, 7], data: (0..<49).map(Double.init))
        let kernel = Tensor(shape: [1, 1, 3, 3], repeating: 1).data
        let layer = try ConvLayer(
            inputShape: [1, 1, 7, 7], weightShape: [1, 1, 3, 3], hasBias: false,
            parameters: ConvParameters(stride: [1, 1], padding: .valid, dilation: [2, 2]))
        #expect(layer.outputShape == [1, 1, 3, 3])
        let trace = layer.trace(
            input: input, weight: try Tensor(shape: [1, 1, 3, 3], data: kernel), bias: nil, row: 0, column: 0)
        #expect(trace.terms.map(\.row) == [0, 0, 0, 2, 2, 2, 4, 4, 4])
        #expect(trace.terms.map(\.column) == [0, 2, 4, 0, 2, 4, 0, 2, 4])
    }

    @Test("refusals name the parameter, the numbers, and what would work")
    func refusals() throws {
        #expect(throws: CNNError.self) {
            try ConvLayer(
                inputShape: [1, 1, 5, 5], weightShape: [1, 1, 5, 5], hasBias: false,
                parameters: ConvParameters(stride: [1, 1], padding: .explicit([1, 1]), dilation: [2, 2]))
        }
        do {
            _ = try ConvLayer(
                inputShape: [1, 1, 5, 5], weightShape: [1, 1, 5, 5], hasBias: false,
                parameters: ConvParameters(stride: [1, 1], padding: .explicit([1, 1]), dilation: [2, 2]))
        } catch {
            #expect(error.message.hasPrefix("kernel 5×5 at dilation 2 spans 9×9, larger than the padded input 7×7"))
            #expect(error.message.contains("lower the dilation"))
            #expect(error.message.contains("padding 2 per side") || error.message.contains("padding 3 per side"))
        }
        do {
            _ = try ConvLayer(
                inputShape: [1, 1, 5, 5], weightShape: [1, 1, 3, 3], hasBias: false,
                parameters: ConvParameters(stride: [0, 1], padding: .valid, dilation: [1, 1]))
            Issue.record("stride 0 accepted")
        } catch {
            #expect(error.message == "stride: must be at least 1, got 0; 1 moves the kernel one cell at a time")
        }
        do {
            _ = try ConvLayer(
                inputShape: [1, 1, 5, 5], weightShape: [1, 1, 3, 3], hasBias: false,
                parameters: ConvParameters(stride: [2, 2], padding: .same, dilation: [1, 1]))
            Issue.record("same with stride 2 accepted")
        } catch {
            #expect(error.message.contains("'same'") && error.message.contains("stride is 2"))
        }
        do {
            _ = try ConvLayer(
                inputShape: [1, 3, 5, 5], weightShape: [4, 2, 3, 3], hasBias: false,
                parameters: ConvParameters(stride: [1, 1], padding: .valid, dilation: [1, 1]))
            Issue.record("channel mismatch accepted")
        } catch {
            #expect(error.message.contains("3") && error.message.contains("2 channel slices"))
        }
    }
}

@Suite("Tiling notes")
struct TilingNoteTests {
    @Test("rows and columns alike give one sentence; different axes give one each; tiling axes give none")
    func notes() {
        let seven = AxisGeometry(inputSize: 7, kernelSize: 3, stride: 3)
        #expect(
            OutputSizeFormula.tilingNotes(rows: seven, columns: seven)
                == ["stride 3 does not tile 7 cells with a window of 3: the last row and column are never read"])
        let tiles = AxisGeometry(inputSize: 7, kernelSize: 3, stride: 2)
        #expect(OutputSizeFormula.tilingNotes(rows: tiles, columns: tiles).isEmpty)
        #expect(
            OutputSizeFormula.tilingNotes(rows: seven, columns: tiles)
                == ["stride 3 does not tile 7 cells with a window of 3: the last row is never read"])
        let eight = AxisGeometry(inputSize: 8, kernelSize: 3, stride: 3)
        #expect(
            OutputSizeFormula.tilingNotes(rows: eight, columns: eight)
                == ["stride 3 does not tile 8 cells with a window of 3: the last 2 rows and columns are never read"])
    }
}
