import CNNCore
import CNNOracle
import Testing

@Suite("receptive fields against PyTorch")
struct ReceptiveFieldOracleTests {
    @Test("every receptive_field case matches PyTorch: output size, exact mask, and the 4 refusals")
    func receptiveFieldCases() throws {
        #expect(try OracleFixtures.checkFile("receptive_field") == 200)
        let refusals = try OracleFixtures.cases("receptive_field").filter { $0["error"] != nil }
        #expect(refusals.count == 4)
    }

    @Test(
        "every fixture mask lies inside the r×r span of the recurrences, and touches each edge of it that is inside the input"
    )
    func masksInsideSpans() throws {
        var checked = 0
        for raw in try OracleFixtures.cases("receptive_field") where raw["error"] == nil {
            let item = try OracleCase(raw)
            let layers = try item.params["layers"]!.array!.enumerated().map { index, layer in
                try OracleRunner.layerSpec(layer, number: index + 1, in: item)
            }
            let stack = try LayerStack(layers: layers, inputSize: try item.ints("input_size", count: 2))
            let position = try item.ints("output_position", count: 2)
            let mask = try stack.mask(level: stack.depth, row: position[0], column: position[1])
            let span = try stack.span(level: stack.depth, row: position[0], column: position[1])
            #expect(span.rows.count == stack.receptiveFields.last!.size)
            var markedRows = Set<Int>()
            var markedColumns = Set<Int>()
            for (r, row) in mask.enumerated() {
                for (c, cell) in row.enumerated() where cell {
                    #expect(
                        span.rows.contains(r) && span.columns.contains(c), "\(item.name): (\(r), \(c)) outside \(span)")
                    markedRows.insert(r)
                    markedColumns.insert(c)
                }
            }
            // When no window is clipped by padding, the extreme taps reach the ends of the span.
            let height = stack.sizes[0][0]
            if span.rows.lowerBound >= 0 && span.rows.upperBound < height {
                #expect(
                    markedRows.min() == span.rows.lowerBound && markedRows.max() == span.rows.upperBound, "\(item.name)"
                )
            }
            checked += 1
        }
        #expect(checked == 196)
    }

    @Test("the refusals name the layer and say what would work")
    func refusalMessages() throws {
        for raw in try OracleFixtures.cases("receptive_field") where raw["error"] != nil {
            let message = try OracleRunner.run(raw)["error"]?.string ?? ""
            #expect(message.hasPrefix("layer "), "\(message)")
            #expect(message.contains("; use") || message.contains("would fit"), "\(message)")
        }
    }
}
