import Testing

@testable import CNNCore

/// `forward(…, rows:, columns:)` — the cells a view shows of a large convolution or pooling —
/// gives the whole forward pass's values and the traces' values, bit for bit.
@Suite("Forward at given cells")
struct ForwardAtCellsTests {
    /// A small deterministic generator for the random setups.
    struct Generator {
        var state: UInt64
        mutating func next(_ range: ClosedRange<Int>) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
        /// Values that cancel (huge, tiny, negative) so that any other order of addition shows.
        mutating func value() -> Double {
            [1e16, -1e16, 1, -1, 0.1, 3, -0.7, 2.5e-3][next(0...7)] * Double(next(1...9))
        }
    }

    @Test("convolution: every cell equals forward and its trace on 400 random setups")
    func convolutionCells() throws {
        var random = Generator(state: 7)
        var checked = 0
        for _ in 0..<400 {
            let channels = random.next(1...3)
            let groups = channels == 2 && random.next(0...1) == 1 ? 2 : 1
            let outputs = groups * random.next(1...2)
            let rows = random.next(1...12)
            let columns = random.next(1...12)
            let kernel = [random.next(1...4), random.next(1...4)]
            let padding = PaddingSpec.asymmetric([
                AxisPadding(before: random.next(0...2), after: random.next(0...2)),
                AxisPadding(before: random.next(0...2), after: random.next(0...2)),
            ])
            let parameters = ConvParameters(
                stride: [random.next(1...3), random.next(1...3)], padding: padding,
                dilation: [random.next(1...3), random.next(1...3)], groups: groups)
            let hasBias = random.next(0...1) == 1
            let inputShape = [1, channels, rows, columns]
            let weightShape = [outputs, channels / groups] + kernel
            guard
                let layer = try? ConvLayer(
                    inputShape: inputShape, weightShape: weightShape, hasBias: hasBias, parameters: parameters)
            else { continue }
            let input = try Tensor(
                shape: inputShape, data: (0..<(channels * rows * columns)).map { _ in random.value() })
            let weight = try Tensor(
                shape: weightShape, data: (0..<weightShape.reduce(1, *)).map { _ in random.value() })
            let bias = hasBias ? try Tensor(shape: [outputs], data: (0..<outputs).map { _ in random.value() }) : nil
            let whole = try layer.forward(input: input, weight: weight, bias: bias)
            let outRows = whole.shape[2]
            let outColumns = whole.shape[3]
            for channel in 0..<outputs {
                let cells = try layer.forward(
                    input: input, weight: weight, bias: bias, outputChannel: channel, rows: Array(0..<outRows),
                    columns: Array(0..<outColumns))
                let plane = Array(whole.data[(channel * outRows * outColumns)..<((channel + 1) * outRows * outColumns)])
                #expect(cells.map(\.bitPattern) == plane.map(\.bitPattern), "setup \(inputShape) \(weightShape)")
                for row in 0..<outRows {
                    for column in 0..<outColumns {
                        let trace = layer.trace(
                            input: input, weight: weight, bias: bias, outputChannel: channel, row: row, column: column)
                        #expect(trace.value.bitPattern == cells[row * outColumns + column].bitPattern)
                    }
                }
                // Cells in any order and with repeats: the same values.
                let someRows = [outRows - 1, 0, outRows / 2, 0]
                let someColumns = [outColumns / 2, outColumns - 1]
                let some = try layer.forward(
                    input: input, weight: weight, bias: bias, outputChannel: channel, rows: someRows,
                    columns: someColumns)
                let expected = someRows.flatMap { r in someColumns.map { plane[r * outColumns + $0] } }
                #expect(some.map(\.bitPattern) == expected.map(\.bitPattern))
            }
            checked += 1
        }
        #expect(checked > 150, "enough random setups must be valid")
    }

    @Test("convolution: cells outside the output, wrong shapes and too much work are refused")
    func convolutionRefusals() throws {
        let layer = try ConvLayer(
            inputShape: [1, 1, 5, 5], weightShape: [1, 1, 3, 3], hasBias: false,
            parameters: ConvParameters(stride: [1, 1], padding: .explicit([0, 0]), dilation: [1, 1]))
        let input = Tensor(shape: [1, 1, 5, 5], repeating: 1)
        let weight = Tensor(shape: [1, 1, 3, 3], repeating: 1)
        #expect(try layer.forward(input: input, weight: weight, bias: nil, rows: [2], columns: [2]) == [9])
        #expect(throws: CNNError.self) {
            try layer.forward(input: input, weight: weight, bias: nil, rows: [3], columns: [0])
        }
        #expect(throws: CNNError.self) {
            try layer.forward(input: input, weight: weight, bias: nil, rows: [0], columns: [-1])
        }
        #expect(throws: CNNError.self) {
            try layer.forward(input: input, weight: weight, bias: nil, outputChannel: 1, rows: [0], columns: [0])
        }
        #expect(throws: CNNError.self) {
            try layer.forward(input: weight, weight: weight, bias: nil, rows: [0], columns: [0])
        }
        let many = Array(repeating: 0, count: 1 << 14)
        #expect(throws: CNNError.self) {
            try layer.forward(input: input, weight: weight, bias: nil, rows: many, columns: many)
        }
    }

    @Test("pooling: every cell equals forward, its indices and its trace on 400 random setups")
    func poolingCells() throws {
        var random = Generator(state: 11)
        var checked = 0
        for _ in 0..<400 {
            let kind: PoolKind = random.next(0...1) == 0 ? .max : .average
            let rows = random.next(1...11)
            let columns = random.next(1...11)
            let kernel = [random.next(1...4), random.next(1...4)]
            let parameters = PoolParameters(
                kernel: kernel, stride: random.next(0...2) == 0 ? nil : [random.next(1...3), random.next(1...3)],
                padding: kernel.map { random.next(0...($0 / 2)) },
                dilation: kind == .max ? [random.next(1...2), random.next(1...2)] : [1, 1],
                ceilMode: random.next(0...1) == 1, countIncludePad: random.next(0...1) == 1)
            let inputShape = [1, 2, rows, columns]
            guard let layer = try? PoolLayer(kind: kind, inputShape: inputShape, parameters: parameters) else {
                continue
            }
            let input = try Tensor(shape: inputShape, data: (0..<(2 * rows * columns)).map { _ in random.value() })
            let whole = try layer.forward(input)
            let outRows = layer.axes[0].outputSize
            let outColumns = layer.axes[1].outputSize
            for channel in 0..<2 {
                let cells = try layer.forward(
                    input, channel: channel, rows: Array(0..<outRows), columns: Array(0..<outColumns))
                let range = (channel * outRows * outColumns)..<((channel + 1) * outRows * outColumns)
                #expect(cells.output.data.map(\.bitPattern) == whole.output.data[range].map(\.bitPattern))
                #expect(cells.indices?.data == whole.indices.map { Array($0.data[range]) })
                for row in 0..<outRows {
                    for column in 0..<outColumns {
                        let trace = layer.trace(input, channel: channel, row: row, column: column)
                        #expect(trace.value.bitPattern == cells.output.data[row * outColumns + column].bitPattern)
                    }
                }
            }
            checked += 1
        }
        #expect(checked > 150, "enough random setups must be valid")
    }
}
