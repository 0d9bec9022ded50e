/// The receptive field of every output cell of a layer along one axis, in input cells, carried
/// forward layer by layer (Araujo et al.'s recurrences on intervals, with k' = d·(k−1)+1).
///
/// Cells repeat with a period: cell `i + period` sees the interval of cell `i` moved by `shift`
/// input cells, so `shift/period` is the jump. Without upsampling or transposed convolution the
/// period is 1; `up2` doubles it (the jump halves), a stride divides it back. A residual block's
/// map is the union (first to last cell) of its body's and its shortcut's.
struct NetworkFieldMap {
    /// The longest period followed exactly; beyond it the field is refused as too irregular.
    static let maximumPeriod = 1024

    /// The interval of input cells one output cell sees, or nil when no input reaches it.
    typealias Span = (lo: Int, hi: Int)?

    /// Output cells before the pattern repeats.
    var period: Int
    /// Input cells the pattern moves by per period.
    var shift: Int
    /// The spans of cells `0..<period`.
    var cells: [Span]

    /// The input itself: each cell sees itself.
    static let identity = NetworkFieldMap(period: 1, shift: 1, cells: [(0, 0)])

    /// Thrown on overflow or a period above `maximumPeriod`, with the problem.
    struct Failure: Error {
        var problem: String
    }

    /// The largest cell coordinate followed, so sums and differences of two never overflow.
    static let largestCoordinate = Int.max / 4

    /// The span of any cell index (negative too).
    func span(_ index: Int) throws(Failure) -> Span {
        let turns = Self.floorDivide(index, period)
        guard let (lo, hi) = cells[index - turns * period] else { return nil }
        let offset = try Self.product(turns, shift)
        let (first, lowOverflow) = lo.addingReportingOverflow(offset)
        let (last, highOverflow) = hi.addingReportingOverflow(offset)
        guard !lowOverflow, !highOverflow, first.magnitude <= Self.largestCoordinate,
            last.magnitude <= Self.largestCoordinate
        else { throw Failure(problem: "the receptive field is too large to compute (it overflows)") }
        return (first, last)
    }

    /// The map after a sliding window: output cell i reads taps i·s − p + d·m, m = 0…k−1.
    func window(kernel: Int, stride: Int, padding: Int, dilation: Int) throws(Failure) -> NetworkFieldMap {
        let divisor = NetworkRatio.gcd(period, stride)
        let newPeriod = period / divisor
        let newShift = try Self.product(shift, stride / divisor)
        let scan = min(kernel, period)
        var newCells: [Span] = []
        newCells.reserveCapacity(newPeriod)
        for cell in 0..<newPeriod {
            let base = try Self.product(cell, stride) - padding
            var first: Int?
            for tap in 0..<scan {
                if let (lo, _) = try span(base + dilation * tap) {
                    first = lo
                    break
                }
            }
            var last: Int?
            for tap in Swift.stride(from: kernel - 1, through: kernel - scan, by: -1) {
                if let (_, hi) = try span(base + dilation * tap) {
                    last = hi
                    break
                }
            }
            if let first, let last { newCells.append((first, last)) } else { newCells.append(nil) }
        }
        return NetworkFieldMap(period: newPeriod, shift: newShift, cells: newCells)
    }

    /// The map after nearest upsampling by `factor`: output cell i copies input cell ⌊i/F⌋.
    func upsample(_ factor: Int) throws(Failure) -> NetworkFieldMap {
        let newPeriod = try Self.checkedPeriod(period, factor)
        var newCells: [Span] = []
        newCells.reserveCapacity(newPeriod)
        for cell in 0..<newPeriod { newCells.append(cells[cell / factor]) }
        return NetworkFieldMap(period: newPeriod, shift: shift, cells: newCells)
    }

    /// The map after a transposed convolution: output cell o gets input cell i through tap m when
    /// o = i·s − p + d·m.
    func transposed(kernel: Int, stride: Int, padding: Int, dilation: Int) throws(Failure) -> NetworkFieldMap {
        let newPeriod = try Self.checkedPeriod(period, stride)
        var newCells: [Span] = []
        newCells.reserveCapacity(newPeriod)
        for cell in 0..<newPeriod {
            guard let (firstInput, lastInput) = Self.inputs(of: cell, kernel, stride, padding, dilation) else {
                newCells.append(nil)
                continue
            }
            var first: Int?
            var last: Int?
            let scan = min(lastInput - firstInput + 1, period)
            for step in 0..<scan where first == nil { first = try span(firstInput + step)?.lo }
            for step in 0..<scan where last == nil { last = try span(lastInput - step)?.hi }
            if let first, let last { newCells.append((first, last)) } else { newCells.append(nil) }
        }
        return NetworkFieldMap(period: newPeriod, shift: shift, cells: newCells)
    }

    /// The union of two maps of the same output (a residual block's body and shortcut).
    func union(_ other: NetworkFieldMap) throws(Failure) -> NetworkFieldMap {
        let common = try Self.checkedPeriod(period / NetworkRatio.gcd(period, other.period), other.period)
        var newCells: [Span] = []
        newCells.reserveCapacity(common)
        for cell in 0..<common {
            let a = try span(cell)
            let b = try other.span(cell)
            if let (aLo, aHi) = a, let (bLo, bHi) = b {
                newCells.append((min(aLo, bLo), max(aHi, bHi)))
            } else {
                newCells.append(a ?? b)
            }
        }
        return NetworkFieldMap(period: common, shift: try Self.product(shift, common / period), cells: newCells)
    }

    /// The first and last input cells that reach output cell `o` of a transposed convolution.
    static func inputs(of o: Int, _ k: Int, _ s: Int, _ p: Int, _ d: Int) -> (Int, Int)? {
        if d == 1 && k >= s {
            return (ceilDivide(o + p - (k - 1), s), floorDivide(o + p, s))
        }
        var first: Int?
        var last: Int?
        for tap in stride(from: k - 1, through: max(0, k - s), by: -1) where (o + p - d * tap) % s == 0 {
            first = (o + p - d * tap) / s
            break
        }
        for tap in 0..<min(k, s) where (o + p - d * tap) % s == 0 {
            last = (o + p - d * tap) / s
            break
        }
        guard let first, let last else { return nil }
        return (first, last)
    }

    /// `a·b`, or a failure on overflow.
    static func product(_ a: Int, _ b: Int) throws(Failure) -> Int {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw Failure(problem: "the receptive field is too large to compute (it overflows)") }
        return value
    }

    /// `period·factor`, refused above `maximumPeriod`.
    static func checkedPeriod(_ period: Int, _ factor: Int) throws(Failure) -> Int {
        let (value, overflow) = period.multipliedReportingOverflow(by: factor)
        guard !overflow, value <= maximumPeriod else {
            throw Failure(
                problem:
                    "the receptive field repeats only every \(overflow ? "more than \(Int.max)" : "\(value)") output cells, more than \(maximumPeriod) can be followed; use smaller upsampling factors or transposed strides, or stride back down sooner"
            )
        }
        return value
    }

    /// ⌊a/b⌋ for b > 0.
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// ⌈a/b⌉ for b > 0.
    static func ceilDivide(_ a: Int, _ b: Int) -> Int {
        -floorDivide(-a, b)
    }

    /// The field of these cells: the largest span, the jump `shift/period`, the centre of cell 0.
    var summary: (size: Int, jump: NetworkRatio, start: NetworkRatio) {
        var largest = 0
        for case (let lo, let hi)? in cells { largest = max(largest, hi - lo + 1) }
        let start = cells[0].map { NetworkRatio($0.lo + $0.hi, 2) } ?? NetworkRatio(0)
        return (largest, NetworkRatio(shift, period), start)
    }
}

/// The field maps of both axes, or none after flatten, gap, gmp or fc.
struct NetworkFieldMaps {
    /// Rows then columns; nil when the layer's output has no spatial field.
    var axes: [NetworkFieldMap]?

    /// The input's maps.
    static let input = NetworkFieldMaps(axes: [.identity, .identity])

    /// The maps after one layer that is not a residual block.
    func after(_ node: NetworkNode) throws(NetworkSpecError) -> NetworkFieldMaps {
        guard let axes else { return self }
        do {
            var result: [NetworkFieldMap] = []
            for axis in 0..<2 {
                let map = axes[axis]
                switch node.layer {
                case .conv(let conv):
                    let w = conv.window
                    let (k, s, p, d) = (w.kernel[axis], w.stride[axis], w.padding[axis], w.dilation[axis])
                    result.append(
                        conv.transposed
                            ? try map.transposed(kernel: k, stride: s, padding: p, dilation: d)
                            : try map.window(kernel: k, stride: s, padding: p, dilation: d))
                case .pool(let pool):
                    let w = pool.window
                    result.append(
                        try map.window(
                            kernel: w.kernel[axis], stride: w.stride[axis], padding: w.padding[axis],
                            dilation: w.dilation[axis]))
                case .upsample(let factor):
                    result.append(try map.upsample(factor[axis]))
                case .elementwise, .batchNorm, .residual:
                    result.append(map)
                case .globalPool, .flatten, .fullyConnected:
                    return NetworkFieldMaps(axes: nil)
                }
            }
            return NetworkFieldMaps(axes: result)
        } catch {
            throw NetworkSpecError(column: node.column, "'\(node.text)': \(error.problem)")
        }
    }

    /// A residual block's maps: the union of the body's and the shortcut's.
    func union(_ other: NetworkFieldMaps, node: NetworkNode) throws(NetworkSpecError) -> NetworkFieldMaps {
        guard let axes, let otherAxes = other.axes else { return NetworkFieldMaps(axes: nil) }
        do {
            return NetworkFieldMaps(axes: [try axes[0].union(otherAxes[0]), try axes[1].union(otherAxes[1])])
        } catch {
            throw NetworkSpecError(column: node.column, "residual block: \(error.problem)")
        }
    }

    /// The field these maps describe, or nil.
    var field: NetworkField? {
        guard let axes else { return nil }
        let rows = axes[0].summary
        let columns = axes[1].summary
        return NetworkField(
            size: NetworkPair(rows.size, columns.size), jump: [rows.jump, columns.jump],
            start: [rows.start, columns.start])
    }
}
