import CNNCore
import Testing

@Suite("pooling follows PyTorch's edge rules")
struct PoolSemanticsTests {
    @Test("ceil mode drops a window that would start in the right padding")
    func ceilModeDropsWindowStartingInPadding() throws {
        // Width 5, window 2, stride 2, padding 1: ⌈5/2⌉ + 1 = 4 windows, but the 4th starts at
        // column 5, in the padding, so PyTorch keeps 3.
        let axis = AxisGeometry(inputSize: 5, kernelSize: 2, stride: 2, padding: AxisPadding(1), ceilMode: true)
        #expect(axis.ceilWindowDropped)
        #expect(!axis.ceilWindowAdded)
        #expect(axis.outputSize == 3)
        #expect(axis.formula.unicode == "⌈(5 + 2·1 − 1·(2−1) − 1)/2⌉ + 1 − 1 = 3")
        let input = try Tensor(shape: [1, 1, 1, 5], data: [1, 2, 3, 4, 5])
        let result = try maxPool2d(
            input, parameters: PoolParameters(kernel: [1, 2], stride: [1, 2], padding: [0, 1], ceilMode: true))
        #expect(result.output.data == [1, 3, 5])
        #expect(result.indices?.data == [0, 2, 4])
    }

    @Test("ceil mode adds a partial window when it starts inside the input")
    func ceilModeAddsPartialWindow() throws {
        let axis = AxisGeometry(inputSize: 5, kernelSize: 2, stride: 2, ceilMode: true)
        #expect(axis.ceilWindowAdded)
        #expect(axis.outputSize == 3)
        let floorAxis = AxisGeometry(inputSize: 5, kernelSize: 2, stride: 2)
        #expect(floorAxis.outputSize == 2)
        let input = try Tensor(shape: [1, 1, 2, 5], data: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
        // The last window covers column 4 and hangs one column past the input: it averages
        // over 2 cells, not 4, even with count_include_pad (it counts only up to the padding).
        let output = try avgPool2d(input, parameters: PoolParameters(kernel: [2, 2], ceilMode: true))
        let expected: [Double] = [16.0 / 4, 24.0 / 4, 15.0 / 2]  // (1+2+6+7)/4, (3+4+8+9)/4, (5+10)/2
        #expect(output.data == expected)
    }

    @Test("ceil mode gives one output when the window overshoots the input by less than a stride")
    func ceilModeWindowLargerThanInput() throws {
        let axis = AxisGeometry(inputSize: 3, kernelSize: 4, stride: 2, ceilMode: true)
        #expect(axis.outputSize == 1)
        #expect(axis.ceilWindowAdded)
        #expect(axis.formula.unicode == "⌈(3 + 2·0 − 1·(4−1) − 1)/2⌉ + 1 = 1")
        #expect(AxisGeometry(inputSize: 3, kernelSize: 4, stride: 2).outputSize == 0)
        let input = try Tensor(shape: [1, 1, 3, 3], data: [3, 1, 4, 1, 5, 9, 2, 6, 5])
        let result = try maxPool2d(input, parameters: PoolParameters(kernel: [4, 4], stride: [2, 2], ceilMode: true))
        #expect(result.output.data == [9])
        #expect(result.indices?.data == [5])
    }

    @Test("count_include_pad: the divisor counts padding cells, or only the real ones")
    func countIncludePadDivisor() throws {
        let input = Tensor(shape: [1, 1, 3, 3], repeating: 1)
        let including = PoolParameters(kernel: [3, 3], stride: [1, 1], padding: [1, 1])
        var excluding = including
        excluding.countIncludePad = false
        // The corner window has 4 real ones and 5 padding zeros.
        #expect(try avgPool2d(input, parameters: including)[0, 0, 0, 0] == 4.0 / 9.0)
        #expect(try avgPool2d(input, parameters: excluding)[0, 0, 0, 0] == 1)
        let layer = try PoolLayer(kind: .average, inputShape: [1, 1, 3, 3], parameters: including)
        let trace = layer.trace(input, row: 0, column: 0)
        #expect(trace.sum == 4)
        #expect(trace.divisor == 9)
        #expect(trace.cells.filter(\.isPadding).count == 5)
        let excludingTrace = try PoolLayer(kind: .average, inputShape: [1, 1, 3, 3], parameters: excluding).trace(
            input, row: 0, column: 0)
        #expect(excludingTrace.divisor == 4)
        #expect(excludingTrace.value == 1)
    }

    @Test("count_include_pad stops counting where the padding ends (ceil-mode overhang)")
    func divisorStopsAtPaddingEnd() throws {
        // Width 4, window 3, stride 2, padding 1, ceil: the 3rd window reads column 3, the
        // padding column 4, and column 5 past the padding, which is not counted.
        let input = try Tensor(shape: [1, 1, 1, 4], data: [1, 2, 3, 4])
        let parameters = PoolParameters(kernel: [1, 3], stride: [1, 2], padding: [0, 1], ceilMode: true)
        let layer = try PoolLayer(kind: .average, inputShape: input.shape, parameters: parameters)
        #expect(try layer.forward(input).output.data == [1, 3, 2])
        let trace = layer.trace(input, row: 0, column: 2)
        #expect(trace.cells.map(\.column) == [3, 4, 5])
        #expect(trace.cells.map(\.isPadding) == [false, true, true])
        #expect(trace.cells.map(\.isBeyondPadding) == [false, false, true])
        #expect(trace.divisor == 2)
        var excluding = parameters
        excluding.countIncludePad = false
        #expect(try avgPool2d(input, parameters: excluding).data == [1.5, 3, 4])
    }

    @Test("max pooling: padding is −∞ and never wins, even over negative values")
    func paddingNeverWins() throws {
        let input = try Tensor(shape: [1, 1, 2, 2], data: [-5, -3, -4, -6])
        let parameters = PoolParameters(kernel: [2, 2], stride: [1, 1], padding: [1, 1])
        let result = try maxPool2d(input, parameters: parameters)
        #expect(result.output.data == [-5, -3, -3, -4, -3, -3, -4, -4, -6])
        #expect(result.indices?.data == [0, 1, 1, 2, 1, 1, 2, 2, 3])
        let trace = try PoolLayer(kind: .max, inputShape: input.shape, parameters: parameters).trace(
            input, row: 0, column: 0)
        let minusInfinity = -Double.infinity
        let expected: [Double] = [minusInfinity, minusInfinity, minusInfinity, -5]
        #expect(trace.cells.map(\.value) == expected)
        #expect(trace.winner == 3)
    }

    @Test("max pooling: on ties the first cell in row-major order wins")
    func tiesGoToTheFirstCell() throws {
        let input = try Tensor(shape: [1, 1, 2, 2], data: [0, 7, 7, 7])
        let layer = try PoolLayer(kind: .max, inputShape: input.shape, parameters: PoolParameters(kernel: [2, 2]))
        #expect(try layer.forward(input).indices?.data == [1])
        let trace = layer.trace(input, row: 0, column: 0)
        #expect(trace.winner == 1)
        #expect(trace.winnerFlatIndex == 1)
    }

    @Test("max pooling: a NaN wins, and with several NaNs the last one (PyTorch's CPU loop)")
    func nanPropagates() throws {
        let input = try Tensor(shape: [1, 1, 2, 2], data: [1, .nan, 3, .nan])
        let layer = try PoolLayer(kind: .max, inputShape: input.shape, parameters: PoolParameters(kernel: [2, 2]))
        let result = try layer.forward(input)
        #expect(result.output.data[0].isNaN)
        #expect(result.indices?.data == [3])
        let trace = layer.trace(input, row: 0, column: 0)
        #expect(trace.value.isNaN)
        #expect(trace.winner == 3)
        #expect(try avgPool2d(input, parameters: PoolParameters(kernel: [2, 2])).data[0].isNaN)
    }

    @Test("max pooling with dilation reads every other cell")
    func dilatedWindow() throws {
        let input = try Tensor(shape: [1, 1, 3, 3], data: [1, 9, 2, 9, 9, 9, 3, 9, 4])
        let layer = try PoolLayer(
            kind: .max, inputShape: input.shape, parameters: PoolParameters(kernel: [2, 2], dilation: [2, 2]))
        let result = try layer.forward(input)
        #expect(result.output.data == [4])
        #expect(result.indices?.data == [8])
        #expect(layer.trace(input, row: 0, column: 0).cells.map(\.value) == [1, 2, 3, 4])
    }

    @Test("a dilated window whose taps all skip the input gives −∞ and PyTorch's start index")
    func dilatedWindowOfPaddingOnly() throws {
        // Width 1, window 2 at dilation 3 (spans 4), padding 2: taps at −2 and 1, then −1 and 2.
        let input = try Tensor(shape: [1, 1, 1, 1], data: [5])
        let layer = try PoolLayer(
            kind: .max, inputShape: input.shape,
            parameters: PoolParameters(kernel: [1, 2], stride: [1, 1], padding: [0, 2], dilation: [1, 3]))
        let result = try layer.forward(input)
        #expect(result.output.data == [-Double.infinity, -Double.infinity])
        #expect(result.indices?.data == [1, 2])
        let trace = layer.trace(input, row: 0, column: 1)
        #expect(trace.winner == nil)
        #expect(trace.winnerFlatIndex == 2)
        #expect(trace.value == -.infinity)
        #expect(trace.cells.allSatisfy { $0.isPadding })
    }

    @Test("global pooling is one window over each plane, with a trace")
    func globalPooling() throws {
        let input = try Tensor(shape: [1, 2, 2, 3], data: [1, 2, 3, 4, 5, 6, -1, -7, -2, -3, -4, -5])
        #expect(try globalPool(.max, input).data == [6, -1])
        #expect(try globalPool(.average, input).data == [3.5, -22.0 / 6.0])
        #expect(try globalPool(.max, input).shape == [1, 2, 1, 1])
        let layer = try PoolLayer.global(.max, inputShape: input.shape)
        let trace = layer.trace(input, channel: 1, row: 0, column: 0)
        #expect(trace.cells.count == 6)
        #expect(trace.winnerFlatIndex == 0)
        #expect(trace.value == -1)
    }

    @Test("a trace query outside the layer gives no cells instead of crashing")
    func traceOutsideTheLayer() throws {
        let input = Tensor(shape: [1, 1, 4, 4], repeating: 1)
        let layer = try PoolLayer(kind: .max, inputShape: input.shape, parameters: PoolParameters(kernel: [2, 2]))
        #expect(layer.trace(input, row: 2, column: 0).cells.isEmpty)
        #expect(layer.trace(input, channel: 1, row: 0, column: 0).cells.isEmpty)
        #expect(layer.trace(Tensor(shape: [1, 1, 3, 3]), row: 0, column: 0).cells.isEmpty)
        #expect(layer.trace(input, row: 1, column: 1).value == 1)
    }
}
