import CNNCore
import Testing

@testable import CNNSandbox

/// A convolution or pooling computed by tiles as it is shown equals the same one computed whole:
/// every value, every sample, the whole output, and each step's trace; its summary's width is a
/// bound of the exact one and its scale a sample's.
@Suite("Lazy outputs")
struct LazyOutputTests {
    /// A small deterministic generator for the random setups.
    struct Generator {
        var state: UInt64
        mutating func next(_ range: ClosedRange<Int>) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return range.lowerBound + Int((state >> 33) % UInt64(range.count))
        }
    }

    @Test("conv: tiles equal the whole output, samples and traces on 300 random setups")
    func convolution() throws {
        var random = Generator(state: 3)
        var checked = 0
        for _ in 0..<300 {
            // Sides up to 70 so that outputs span several 32×32 tiles.
            let side = random.next(1...70)
            let setup = ConvSetup(
                inputRows: side, inputColumns: random.next(1...70), kernelRows: random.next(1...5),
                kernelColumns: random.next(1...5), stride: [random.next(1...3), random.next(1...3)],
                padding: .explicit([random.next(0...3), random.next(0...3)]),
                dilation: [random.next(1...3), random.next(1...3)],
                preset: KernelPreset.allCases[random.next(0...(KernelPreset.allCases.count - 1))],
                pattern: InputPattern.allCases[random.next(0...(InputPattern.allCases.count - 1))],
                seed: UInt64(random.next(0...1000)), bias: random.next(0...1) == 1 ? 0.25 : nil)
            let input = setup.input
            let kernel = setup.kernel
            guard
                let layer = try? ConvLayer(
                    inputShape: input.shape, weightShape: kernel.shape, hasBias: setup.bias != nil,
                    parameters: ConvParameters(stride: setup.stride, padding: setup.padding, dilation: setup.dilation))
            else { continue }
            let whole = try ConvComputation(
                layer: layer, input: input, weight: kernel, bias: setup.biasTensor, computeWhole: true)
            let lazy = try ConvComputation(
                layer: layer, input: input, weight: kernel, bias: setup.biasTensor, computeWhole: false)
            #expect(!whole.isLazy && lazy.isLazy)
            #expect(lazy.stepCount == whole.stepCount)
            for step in 0..<whole.stepCount {
                let (row, column) = whole.position(ofStep: step)
                let value = lazy.value(row: row, column: column)
                #expect(value.bitPattern == whole.value(row: row, column: column).bitPattern)
                #expect(lazy.trace(step: step).value.bitPattern == value.bitPattern)
            }
            let rows = LazyPlane.spread(whole.outputRows, count: 5)
            let columns = LazyPlane.spread(whole.outputColumns, count: 7)
            #expect(lazy.values(rows: rows, columns: columns) == whole.values(rows: rows, columns: columns))
            #expect(lazy.output == whole.output)
            let inputSummary = ValueSummary(input.data)
            let kernelSummary = ValueSummary(kernel.data)
            let exact = whole.outputSummary(input: inputSummary, kernel: kernelSummary)
            let estimate = lazy.outputSummary(input: inputSummary, kernel: kernelSummary)
            #expect(!exact.isEstimate && estimate.isEstimate)
            #expect(estimate.textWidth >= exact.textWidth, "the width is a bound: \(setup)")
            #expect(estimate.scale <= exact.scale || estimate.scale == 1, "the scale is a sample's: \(setup)")
            checked += 1
        }
        #expect(checked > 100, "enough random setups must be valid")
    }

    @Test("pool: tiles equal the whole output, samples and traces on 300 random setups")
    func pooling() throws {
        var random = Generator(state: 5)
        var checked = 0
        for _ in 0..<300 {
            let window = [random.next(1...4), random.next(1...4)]
            let kind: PoolKind = random.next(0...1) == 0 ? .max : .average
            let setup = PoolSetup(
                kind: kind, inputRows: random.next(1...70), inputColumns: random.next(1...70), window: window,
                stride: random.next(0...1) == 0 ? nil : [random.next(1...3), random.next(1...3)],
                padding: window.map { random.next(0...($0 / 2)) },
                dilation: kind == .max ? [random.next(1...2), random.next(1...2)] : [1, 1],
                ceilMode: random.next(0...1) == 1, countIncludePad: random.next(0...1) == 1,
                pattern: InputPattern.allCases[random.next(0...(InputPattern.allCases.count - 1))],
                seed: UInt64(random.next(0...1000)))
            let input = setup.input
            guard let layer = try? PoolLayer(kind: kind, inputShape: input.shape, parameters: setup.parameters) else {
                continue
            }
            let whole = try PoolComputation(window: layer, input: input, computeWhole: true)
            let lazy = try PoolComputation(window: layer, input: input, computeWhole: false)
            #expect(!whole.isLazy && lazy.isLazy)
            #expect(lazy.outputRows == whole.outputRows && lazy.outputColumns == whole.outputColumns)
            for step in 0..<whole.stepCount {
                let (row, column) = whole.position(ofStep: step)
                let value = lazy.value(row: row, column: column)
                #expect(value.bitPattern == whole.value(row: row, column: column).bitPattern)
                #expect(lazy.trace(step: step)?.value.bitPattern == value.bitPattern)
            }
            let rows = LazyPlane.spread(whole.outputRows, count: 6)
            let columns = LazyPlane.spread(whole.outputColumns, count: 4)
            #expect(lazy.values(rows: rows, columns: columns) == whole.values(rows: rows, columns: columns))
            #expect(lazy.output == whole.output)
            let inputSummary = ValueSummary(input.data)
            let exact = whole.outputSummary(input: inputSummary)
            let estimate = lazy.outputSummary(input: inputSummary)
            #expect(estimate.textWidth >= exact.textWidth, "the width is a bound: \(setup)")
            #expect(estimate.scale <= exact.scale || estimate.scale == 1, "the scale is a sample's: \(setup)")
            checked += 1
        }
        #expect(checked > 100, "enough random setups must be valid")
    }

    @Test("a large convolution computes only the tiles read, and the same value twice from its tile")
    func tilesOnDemand() throws {
        let model = ConvModel(
            setup: ConvSetup(inputRows: 1024, inputColumns: 1024, kernelRows: 9, kernelColumns: 9), playing: false)
        let computation = try #require(model.computation)
        #expect(computation.isLazy, "1016² outputs × 81 taps is above the eager limit")
        #expect(model.outputSummary.isEstimate)
        #expect(computation.tilesComputed == 0)
        let value = computation.value(row: 500, column: 700)
        #expect(computation.tilesComputed == 1)
        #expect(computation.value(row: 501, column: 701) == computation.trace(step: 501 * 1016 + 701).value)
        #expect(computation.tilesComputed == 1, "a cell of the same tile comes from the kept tile")
        #expect(value == computation.trace(step: computation.step(row: 500, column: 700)).value)
        #expect(model.stepValue(500 * 1016 + 700) == value)
    }

    @Test("the width bound covers every value of its magnitude")
    func widthBound() {
        let values: [Double] = [0, 1, -1, 9.99, -9.996, 99_999.99, -99_999.996, 123_456, 9_999_999, -1e7, 0.125]
        for value in values {
            let bound = abs(value)
            for whole in [false, true] where !whole || value == value.rounded() {
                let width = ValueSummary.widthBound(magnitude: bound, allWhole: whole, negative: value < 0)
                #expect(width >= NumberText.format(value).count, "\(value) whole \(whole)")
            }
        }
    }

    @Test("input patterns: the same values as one closure per cell made")
    func patterns() {
        for pattern in InputPattern.allCases {
            var random = SeededRandom(seed: 9)
            let expected: [Double] = (0..<(7 * 5)).map { index in
                let (r, c) = (index / 5, index % 5)
                switch pattern {
                case .random: return Double(random.integer(in: 0...9))
                case .ramp: return Double(index)
                case .step: return c < 3 ? 10 : 0
                case .checker: return (r + c) % 2 == 0 ? 1 : 0
                case .poolExample: return InputPattern.poolExampleGrid[r % 4][c % 4]
                }
            }
            #expect(pattern.values(rows: 7, columns: 5, seed: 9) == expected, "\(pattern)")
            for (rows, columns) in [(0, 3), (1, 1), (1, 2), (2, 1), (3, 7), (9, 2), (64, 65)] {
                let made = pattern.valuesWithSummary(rows: rows, columns: columns, seed: 4)
                #expect(made.summary == ValueSummary(made.values), "\(pattern) \(rows)×\(columns)")
            }
        }
    }
}
