import CNNCore
import CNNOracle
import Foundation
import Testing

@Suite("max, average and global pooling against PyTorch")
struct PoolOracleTests {
    @Test("every max_pool2d case matches PyTorch's output and indices, including refusals")
    func maxPoolCases() throws {
        #expect(try OracleFixtures.checkFile("max_pool2d") == 200)
    }

    @Test("every avg_pool2d case matches PyTorch, including ceil mode, count_include_pad and refusals")
    func averagePoolCases() throws {
        #expect(try OracleFixtures.checkFile("avg_pool2d") == 200)
    }

    @Test("every global_max_pool2d and global_avg_pool2d case matches PyTorch")
    func globalPoolCases() throws {
        #expect(try OracleFixtures.checkFile("global_pool2d") == 200)
    }

    @Test("reference files may hold Python's bare -Infinity, Infinity and NaN; strings stay strings")
    func nonFiniteNumbersParse() throws {
        let text = #"{"data": [-Infinity, Infinity, NaN, 1.5], "name": "-Infinity NaN", "op": "x\"NaN"}"#
        let value = try JSONValue.parse(Data(text.utf8))
        let numbers = try #require(value["data"]?.array?.compactMap { $0.number })
        #expect(numbers.count == 4)
        #expect(numbers[0] == -.infinity && numbers[1] == .infinity && numbers[2].isNaN && numbers[3] == 1.5)
        #expect(value["name"]?.string == "-Infinity NaN")
        #expect(value["op"]?.string == "x\"NaN")
        #expect(throws: OracleFormatError.self) { try JSONValue.parse(Data("[Infinit]".utf8)) }
    }

    /// The layer an oracle case describes (pooling or global pooling).
    static func layer(for item: OracleCase, input: Tensor) throws -> PoolLayer {
        switch item.op {
        case "max_pool2d":
            return try PoolLayer(kind: .max, inputShape: input.shape, parameters: try item.poolParameters())
        case "avg_pool2d":
            return try PoolLayer(kind: .average, inputShape: input.shape, parameters: try item.poolParameters())
        case "global_max_pool2d": return try PoolLayer.global(.max, inputShape: input.shape)
        default: return try PoolLayer.global(.average, inputShape: input.shape)
        }
    }

    @Test(
        "every pooled value equals its trace's value, every max index its trace's winner",
        arguments: ["max_pool2d", "avg_pool2d", "global_pool2d"])
    func tracesMatchForward(file: String) throws {
        var checked = 0
        var windowsWithoutWinner = 0
        for raw in try OracleFixtures.cases(file) where raw["error"] == nil {
            let item = try OracleCase(raw)
            let input = try item.tensor("input")
            let layer = try Self.layer(for: item, input: input)
            let result = try layer.forward(input)
            let expected = try item.tensor("output")
            let expectedIndices = try item.optionalTensor("indices")
            let shape = result.output.shape
            let width = input.shape[3]
            for n in 0..<shape[0] {
                for c in 0..<shape[1] {
                    for r in 0..<shape[2] {
                        for col in 0..<shape[3] {
                            let trace = layer.trace(input, batch: n, channel: c, row: r, column: col)
                            let flat = ((n * shape[1] + c) * shape[2] + r) * shape[3] + col
                            let context = "\(item.name) [\(n),\(c),\(r),\(col)]"
                            checked += 1
                            #expect(trace.value == result.output.data[flat], "\(context)")
                            #expect(OracleFixtures.close(trace.value, expected.data[flat]), "\(context) vs PyTorch")
                            #expect(trace.cells.count == layer.parameters.kernel.reduce(1, *), "\(context)")
                            let inside = trace.cells.filter { !$0.isPadding }
                            for cell in trace.cells where cell.isPadding {
                                #expect(cell.value == layer.paddingValue, "\(context) padding value")
                            }
                            switch layer.kind {
                            case .max:
                                #expect(
                                    Double(trace.winnerFlatIndex ?? -1) == result.indices?.data[flat],
                                    "\(context) index")
                                if let expectedIndices {
                                    #expect(
                                        Double(trace.winnerFlatIndex ?? -1) == expectedIndices.data[flat],
                                        "\(context) index vs PyTorch")
                                }
                                guard let winner = trace.winner else {
                                    // A dilated window whose taps all skip the input: PyTorch gives −∞.
                                    #expect(inside.isEmpty && trace.value == -.infinity, "\(context) has no winner")
                                    windowsWithoutWinner += 1
                                    continue
                                }
                                let cell = trace.cells[winner]
                                #expect(!cell.isPadding)
                                #expect(cell.row * width + cell.column == trace.winnerFlatIndex)
                                #expect(inside.allSatisfy { $0.value <= cell.value })
                                #expect(
                                    trace.cells[..<winner].allSatisfy { $0.value < cell.value },
                                    "\(context) first on ties")
                            case .average:
                                #expect(trace.sum == inside.reduce(0) { $0 + $1.value }, "\(context) sum")
                                let counted = trace.cells.filter { !$0.isBeyondPadding }.count
                                #expect(
                                    trace.divisor == (layer.parameters.countIncludePad ? counted : inside.count),
                                    "\(context) divisor")
                            }
                        }
                    }
                }
            }
        }
        #expect(checked >= 500)
        #expect(windowsWithoutWinner < checked / 10)
    }
}
