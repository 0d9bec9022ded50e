import CNNCore
import Testing

@testable import CNNSandbox

@Suite("Input pattern fill")
struct InputPatternFillTests {
    /// The pattern's value at a cell, one closure per cell: the reference the fill must equal.
    private func reference(_ pattern: InputPattern, rows: Int, columns: Int, seed: UInt64) -> [Double] {
        var random = SeededRandom(seed: seed)
        let half = (columns + 1) / 2
        return (0..<(rows * columns)).map { index in
            let (r, c) = (index / columns, index % columns)
            switch pattern {
            case .random: return Double(random.integer(in: 0...9))
            case .ramp: return Double(index)
            case .step: return c < half ? 10 : 0
            case .checker: return (r + c) % 2 == 0 ? 1 : 0
            case .poolExample: return InputPattern.poolExampleGrid[r % 4][c % 4]
            }
        }
    }

    @Test("every pattern, with pages mapped ahead (over 1 MB) or not, equals the per-cell reference")
    func fillEqualsReference() {
        // 512×300 values are 1.2 MB: the prefaulted path; the others are below it.
        let sizes = [(1, 1), (1, 2), (2, 3), (17, 33), (512, 300)]
        var seeds = SeededRandom(seed: 77)
        for pattern in InputPattern.allCases {
            for (rows, columns) in sizes {
                let seed = seeds.next()
                let made = pattern.valuesWithSummary(rows: rows, columns: columns, seed: seed)
                let expected = reference(pattern, rows: rows, columns: columns, seed: seed)
                #expect(made.values == expected, "\(pattern) \(rows)×\(columns) seed \(seed)")
                #expect(made.summary == ValueSummary(expected), "\(pattern) \(rows)×\(columns) seed \(seed)")
            }
        }
    }

    @Test("random grids too small to draw both 0 and 9 keep their own extremes")
    func smallRandomExtremes() {
        var sawNarrow = false
        for seed in UInt64(0)..<200 {
            let made = InputPattern.random.valuesWithSummary(rows: 1, columns: 3, seed: seed)
            #expect(made.summary == ValueSummary(made.values), "seed \(seed)")
            if let largest = made.values.max(), largest < 9 { sawNarrow = true }
        }
        #expect(sawNarrow)
    }

    @Test("empty and negative sizes give no values")
    func emptySizes() {
        for pattern in InputPattern.allCases {
            for (rows, columns) in [(0, 0), (0, 5), (5, 0), (-3, 4)] {
                let made = pattern.valuesWithSummary(rows: rows, columns: columns, seed: 1)
                #expect(made.values.isEmpty, "\(pattern) \(rows)×\(columns)")
                #expect(made.summary == ValueSummary([]), "\(pattern) \(rows)×\(columns)")
            }
        }
    }
}
