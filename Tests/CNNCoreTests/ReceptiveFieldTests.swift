import CNNCore
import Testing

@Suite("receptive fields of layer stacks")
struct ReceptiveFieldTests {
    /// Counts the marked cells of a mask.
    func count(_ mask: [[Bool]]) -> Int { mask.reduce(0) { $0 + $1.filter { $0 }.count } }

    /// The marked rows and columns of a mask.
    func marked(_ mask: [[Bool]]) -> (rows: [Int], columns: [Int]) {
        let rows = mask.indices.filter { mask[$0].contains(true) }
        let columns = (0..<(mask.first?.count ?? 0)).filter { c in mask.contains { $0[c] } }
        return (rows, columns)
    }

    @Test("seeds 000/001: three stacked 3×3 convs see 3×3, 5×5, 7×7 of the input")
    func threeStackedConvolutions() throws {
        let conv3 = LayerSpec(kind: .conv, kernel: 3)
        let stack = try LayerStack(layers: [conv3, conv3, conv3], inputSize: [9, 9])
        #expect(stack.receptiveFields.map(\.size) == [3, 5, 7])
        #expect(stack.receptiveFields.map(\.jump) == [1, 1, 1])
        #expect(stack.sizes == [[9, 9], [7, 7], [5, 5], [3, 3]])
        for level in 1...3 {
            let mask = try stack.mask(level: level, row: 0, column: 0)
            let size = 2 * level + 1
            #expect(count(mask) == size * size)
            #expect(marked(mask).rows == Array(0..<size))
            let span = try stack.span(level: level, row: 0, column: 0)
            #expect(span.rows == 0...(size - 1) && span.columns == 0...(size - 1))
        }
        // The centre of the last level sees the 7×7 block around the input centre.
        let centre = try stack.mask(level: 3, row: 1, column: 1)
        #expect(marked(centre).rows == Array(1...7) && marked(centre).columns == Array(1...7))
    }

    @Test("seed 000: the centre of the second 1-D layer depends on 3 cells of the first and 5 of the input")
    func twoLayerDependencies() throws {
        let conv3 = LayerSpec(kind: .conv, kernel: 3, padding: 1)
        let stack = try LayerStack(layers: [conv3, conv3], inputSize: [1, 7])
        let masks = try stack.dependencyMasks(level: 2, row: 0, column: 3)
        #expect(masks.count == 3)
        #expect(masks[2][0] == [false, false, false, true, false, false, false])
        #expect(masks[1][0] == [false, false, true, true, true, false, false])
        #expect(masks[0][0] == [false, true, true, true, true, true, false])
    }

    @Test("a dilated stack with k=2 and dilations 1, 2, 4, 8 doubles its receptive field each layer, without holes")
    func dilatedStackDoubles() throws {
        let layers = [1, 2, 4, 8].map { LayerSpec(kind: .conv, kernel: 2, dilation: $0) }
        let stack = try LayerStack(layers: layers, inputSize: [16, 16])
        #expect(stack.receptiveFields.map(\.size) == [2, 4, 8, 16])
        #expect(stack.receptiveFields.map(\.effectiveKernel) == [2, 3, 5, 9])
        #expect(stack.sizes.map { $0[1] } == [16, 15, 13, 9, 1])
        // The one output of the last layer reads every input cell exactly once per path: no holes.
        let masks = try stack.dependencyMasks(level: 4, row: 0, column: 0)
        #expect(masks.map { marked($0).columns.count } == [16, 8, 4, 2, 1])
        #expect(count(masks[0]) == 256)
        // One level down there are holes: layer 4 reads columns 0 and 8 of level 3 only.
        #expect(marked(masks[3]).columns == [0, 8])
    }

    @Test("one dilated 3×3 conv (d=2) reads a 5×5 span with holes")
    func dilatedMaskHasHoles() throws {
        let stack = try LayerStack(layers: [LayerSpec(kind: .conv, kernel: 3, dilation: 2)], inputSize: [5, 5])
        let mask = try stack.mask(level: 1, row: 0, column: 0)
        #expect(marked(mask).rows == [0, 2, 4] && marked(mask).columns == [0, 2, 4])
        #expect(count(mask) == 9)
        #expect(stack.receptiveFields[0].size == 5)
        #expect(try stack.span(level: 1, row: 0, column: 0).rows == 0...4)
    }

    @Test("Distill's recurrences: size, jump, start and effective padding through conv–pool–conv")
    func recurrences() throws {
        let layers = [
            LayerSpec(kind: .conv, kernel: 3, padding: 1),
            LayerSpec(kind: .maxPool, kernel: 2),
            LayerSpec(kind: .conv, kernel: 3, padding: 1),
        ]
        let stack = try LayerStack(layers: layers, inputSize: [8, 8])
        let rows = stack.receptiveFields
        #expect(rows.map(\.layer) == [1, 2, 3])
        #expect(rows.map(\.size) == [3, 4, 8])
        #expect(rows.map(\.jump) == [1, 2, 2])
        #expect(rows.map(\.effectivePadding) == [1, 1, 3])
        #expect(rows.map(\.start) == [0, 0.5, 0.5])
        #expect(stack.effectivePadding == 3)
        // Output (1, 2) of the last layer spans input rows 2·1−3 … 2·1−3+7 and columns 1 … 8.
        let span = try stack.span(level: 3, row: 1, column: 2)
        #expect(span.rows == -1...6 && span.columns == 1...8)
        let mask = try stack.mask(level: 3, row: 1, column: 2)
        #expect(marked(mask).rows == Array(0...6) && marked(mask).columns == Array(1...7))
    }

    @Test("a span reaches into the padding while the mask keeps to real cells")
    func spanIntoPadding() throws {
        let stack = try LayerStack(layers: [LayerSpec(kind: .conv, kernel: 3, padding: 1)], inputSize: [4, 4])
        let span = try stack.span(level: 1, row: 0, column: 3)
        #expect(span.rows == -1...1 && span.columns == 2...4)
        let mask = try stack.mask(level: 1, row: 0, column: 3)
        #expect(marked(mask).rows == [0, 1] && marked(mask).columns == [2, 3])
    }

    @Test("a stride longer than the window leaves gaps between the cells read")
    func strideGaps() throws {
        let layers = [LayerSpec(kind: .conv, kernel: 1, stride: 3), LayerSpec(kind: .conv, kernel: 2)]
        let stack = try LayerStack(layers: layers, inputSize: [7, 7])
        #expect(stack.sizes == [[7, 7], [3, 3], [2, 2]])
        let mask = try stack.mask(level: 2, row: 1, column: 0)
        #expect(marked(mask).rows == [3, 6] && marked(mask).columns == [0, 3])
        #expect(stack.receptiveFields.last?.size == 4)
    }

    @Test("level 0 is the input itself")
    func levelZero() throws {
        let stack = try LayerStack(layers: [LayerSpec(kind: .conv, kernel: 3)], inputSize: [4, 5])
        let masks = try stack.dependencyMasks(level: 0, row: 2, column: 3)
        #expect(masks.count == 1 && count(masks[0]) == 1 && masks[0][2][3])
        #expect(try stack.span(level: 0, row: 2, column: 3) == (rows: 2...2, columns: 3...3))
    }

    @Test("queries for missing levels or cells are refused with the valid range")
    func badQueries() throws {
        let stack = try LayerStack(layers: [LayerSpec(kind: .conv, kernel: 3)], inputSize: [5, 5])
        #expect(throws: CNNError.invalidQuery("level 2 does not exist; the stack has levels 0 (the input) to 1")) {
            try stack.mask(level: 2, row: 0, column: 0)
        }
        #expect(
            throws: CNNError.invalidQuery(
                "cell (3, 0) is outside level 1 (after conv3), which is 3×3; use a row in 0…2 and a column in 0…2")
        ) {
            try stack.span(level: 1, row: 3, column: 0)
        }
        #expect(throws: CNNError.self) { try stack.dependencyMasks(level: -1, row: 0, column: 0) }
        #expect(throws: CNNError.self) { try stack.mask(level: 0, row: 0, column: -1) }
    }

    @Test("masks of huge grids are refused, while spans still work")
    func hugeMaskRefused() throws {
        let stack = try LayerStack(layers: [LayerSpec(kind: .conv, kernel: 3)], inputSize: [5000, 5000])
        #expect(throws: CNNError.self) { try stack.mask(level: 1, row: 0, column: 0) }
        #expect(try stack.span(level: 1, row: 10, column: 20) == (rows: 10...12, columns: 20...22))
    }
}
