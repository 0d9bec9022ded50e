/// The receptive field of a layer's output cells in input coordinates, per axis (rows, columns).
public struct NetworkField: Hashable, Sendable {
    /// How many input cells one output cell spans, first to last (the largest over the cells when
    /// upsampling or transposed convolution makes it differ from cell to cell).
    public var size: NetworkPair
    /// The distance in input cells between neighbouring output cells (fractional after upsampling).
    public var jump: [NetworkRatio]
    /// The centre of the first output cell's field, in input cell indices from 0 (negative: in the padding).
    public var start: [NetworkRatio]

    /// Creates a field.
    public init(size: NetworkPair, jump: [NetworkRatio], start: [NetworkRatio]) {
        self.size = size
        self.jump = jump
        self.start = start
    }
}

/// Receptive fields found by walking back from one output cell to the input, layer by layer
/// (Araujo et al.'s recurrences on intervals, with k' = d·(k−1)+1): a residual block's field is the
/// union (first to last cell) of its body's and its shortcut's; upsampling maps a cell to the
/// input cell it copies; a transposed convolution to the input cells that reach it.
enum NetworkFieldCalculator {
    /// The most output cells sampled when the field differs from cell to cell.
    static let maximumSamples = 64
    /// The most kernel taps scanned for one transposed-convolution step before using a bound.
    static let maximumScan = 4096

    /// The interval of input cells, or none (an output cell no input reaches).
    typealias Span = (lo: Int, hi: Int)?

    /// Thrown inside the walk when a layer has no spatial field (flatten, gap, gmp, fc).
    struct Opaque: Error {}

    /// The field of the output of `segments` (innermost first, each walked from its last layer back),
    /// or nil when the path goes through flatten, gap, gmp or fc. `column` is for overflow refusals.
    static func field(through segments: [ArraySlice<NetworkNode>], column: Int) throws(NetworkSpecError)
        -> NetworkField?
    {
        var sizes = [0, 0]
        var jumps: [NetworkRatio] = []
        var starts: [NetworkRatio] = []
        for axis in 0..<2 {
            do {
                var period = 1
                for segment in segments { period = periodProduct(segment, axis: axis, period: period) }
                var largest = 0
                for cell in 0..<min(period, maximumSamples) {
                    var span: Span = (cell, cell)
                    for segment in segments { span = try back(span, through: segment, axis: axis) }
                    guard let (lo, hi) = span else { continue }
                    largest = max(largest, hi - lo + 1)
                    if cell == 0 { starts.append(NetworkRatio(lo + hi, 2)) }
                }
                if starts.count == axis { starts.append(NetworkRatio(0)) }
                var jump = NetworkRatio(1)
                for segment in segments.reversed() { jump = try forwardJump(jump, through: segment, axis: axis) }
                sizes[axis] = largest
                jumps.append(jump)
            } catch is Opaque {
                return nil
            } catch {
                throw NetworkSpecError(
                    column: column, "the receptive field is too large to compute (its arithmetic overflows)")
            }
        }
        return NetworkField(size: NetworkPair(sizes[0], sizes[1]), jump: jumps, start: starts)
    }

    /// `period` times every upsampling factor and transposed stride on the path (capped).
    static func periodProduct(_ nodes: ArraySlice<NetworkNode>, axis: Int, period: Int) -> Int {
        var result = period
        for node in nodes where result <= maximumSamples {
            switch node.layer {
            case .upsample(let factor): result *= factor[axis]
            case .conv(let conv) where conv.transposed: result *= conv.window.stride[axis]
            case .residual(let body, let shortcut):
                result = periodProduct(body[...], axis: axis, period: result)
                result = periodProduct(shortcut[...], axis: axis, period: result)
            default: break
            }
        }
        return min(result, maximumSamples + 1)
    }

    /// The jump after `nodes`, given the jump before them (a residual block follows its body).
    static func forwardJump(_ jump: NetworkRatio, through nodes: ArraySlice<NetworkNode>, axis: Int) throws
        -> NetworkRatio
    {
        var result = jump
        for node in nodes {
            switch node.layer {
            case .conv(let conv):
                let stride = conv.window.stride[axis]
                result =
                    conv.transposed
                    ? NetworkRatio(result.numerator, try checkedProduct(result.denominator, stride))
                    : NetworkRatio(try checkedProduct(result.numerator, stride), result.denominator)
            case .pool(let pool):
                result = NetworkRatio(
                    try checkedProduct(result.numerator, pool.window.stride[axis]), result.denominator)
            case .upsample(let factor):
                result = NetworkRatio(result.numerator, try checkedProduct(result.denominator, factor[axis]))
            case .residual(let body, _):
                result = try forwardJump(result, through: body[...], axis: axis)
            case .globalPool, .flatten, .fullyConnected:
                throw Opaque()
            case .elementwise, .batchNorm:
                break
            }
        }
        return result
    }

    /// The input interval of an output interval of `nodes`, walking from the last node back.
    static func back(_ span: Span, through nodes: ArraySlice<NetworkNode>, axis: Int) throws -> Span {
        var current = span
        for node in nodes.reversed() {
            guard let (lo, hi) = current else { return nil }
            switch node.layer {
            case .conv(let conv) where conv.transposed:
                current = try transposedBack(lo, hi, conv: conv, axis: axis)
            case .conv(let conv):
                current = try windowBack(lo, hi, window: conv.window, axis: axis)
            case .pool(let pool):
                current = try windowBack(lo, hi, window: pool.window, axis: axis)
            case .upsample(let factor):
                current = (floorDivide(lo, factor[axis]), floorDivide(hi, factor[axis]))
            case .residual(let body, let shortcut):
                let viaBody = try back(current, through: body[...], axis: axis)
                let viaShortcut = shortcut.isEmpty ? current : try back(current, through: shortcut[...], axis: axis)
                current = hull(viaBody, viaShortcut)
            case .globalPool, .flatten, .fullyConnected:
                throw Opaque()
            case .elementwise, .batchNorm:
                break
            }
        }
        return current
    }

    /// The union (first to last cell) of two intervals.
    static func hull(_ a: Span, _ b: Span) -> Span {
        guard let (aLo, aHi) = a else { return b }
        guard let (bLo, bHi) = b else { return a }
        return (min(aLo, bLo), max(aHi, bHi))
    }

    /// A sliding window: output cells lo…hi read input cells lo·s−p … hi·s−p+d·(k−1).
    static func windowBack(_ lo: Int, _ hi: Int, window: NetworkWindow, axis: Int) throws -> Span {
        let stride = window.stride[axis]
        let padding = window.padding[axis]
        return (
            try checkedProduct(lo, stride) - padding,
            try checkedProduct(hi, stride) - padding + window.span(axis) - 1
        )
    }

    /// A transposed convolution: output cell o = i·s − p + d·m gets input cell i through tap m.
    static func transposedBack(_ lo: Int, _ hi: Int, conv: NetworkConv, axis: Int) throws -> Span {
        let k = conv.window.kernel[axis]
        let s = conv.window.stride[axis]
        let p = conv.window.padding[axis]
        let d = conv.window.dilation[axis]
        let reach = d * (k - 1)
        if hi - lo + 1 >= s || (d == 1 && k >= s) || min(k, s) > maximumScan {
            return (ceilDivide(lo + p - reach, s), floorDivide(hi + p, s))
        }
        var first: Int?
        for m in stride(from: k - 1, through: max(0, k - s), by: -1) {
            let i = ceilDivide(lo + p - d * m, s)
            if i * s - p + d * m <= hi {
                first = i
                break
            }
        }
        var last: Int?
        for m in 0..<min(k, s) {
            let i = floorDivide(hi + p - d * m, s)
            if i * s - p + d * m >= lo {
                last = i
                break
            }
        }
        guard let first, let last else { return nil }
        return (first, last)
    }

    /// `a·b`, throwing on overflow.
    static func checkedProduct(_ a: Int, _ b: Int) throws -> Int {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        guard !overflow else { throw NetworkSpecError(column: 0, "overflow") }
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
}
