/// The sizes the core accepts, in one place so that views, commands and the README can quote
/// them. Every layer checks its numbers against these before it computes or allocates anything,
/// so no accepted input can overflow 64-bit arithmetic, allocate without bound or run for long.
///
/// They keep the largest intended inputs working: a 3×1024×1024 picture convolved to 16 maps
/// (16,777,216 output values, 452,984,832 multiply-adds) and 4096×4096 single-channel inputs.
public enum CoreLimits {
    /// The largest single number: a dimension, kernel size, stride, padding, dilation, output
    /// padding or group count (2^27 = 134,217,728). Sums and products of a few of them then fit
    /// easily in 64 bits.
    public static let largestValue = 1 << 27
    /// The most elements of any tensor the core creates or accepts (2^27 = 134,217,728 values,
    /// 1 GiB of `Double`s): inputs, weights, outputs, gradients, indices, matrices.
    public static let maxElements = 1 << 27
    /// The most multiply-adds (or window reads, for pooling) one call may do (2^31 = 2,147,483,648,
    /// a few seconds at worst).
    public static let maxMultiplyAdds = 1 << 31
    /// The most terms one output cell's trace may list (2^20 = 1,048,576): `Cin/groups · kH · kW`.
    public static let maxTraceTerms = 1 << 20

    /// Refuses `value` above `largestValue`, naming the parameter.
    public static func checkValue(_ value: Int, name: String) throws(CNNError) {
        guard value <= largestValue else {
            throw .invalidParameter(
                name: name,
                message:
                    "\(value) is larger than the largest size the core accepts, \(largestValue) (2^27); use a smaller value"
            )
        }
    }

    /// Refuses any of `values` above `largestValue`, naming the parameter.
    public static func checkValues(_ values: [Int], name: String) throws(CNNError) {
        for value in values { try checkValue(value, name: name) }
    }

    /// The element count of `shape` (dimensions already known to be non-negative), refusing
    /// one that overflows or exceeds `maxElements`; `what` names the tensor.
    public static func elementCount(_ shape: [Int], of what: String) throws(CNNError) -> Int {
        let count = CheckedInt.product(shape)
        guard let count, count <= maxElements else {
            let size = count.map(String.init) ?? "more than 2^63"
            throw .invalidShape(
                "the \(what) \(Tensor.describe(shape)) would hold \(size) values, more than the \(maxElements) (2^27) the core allows; use smaller sizes"
            )
        }
        return count
    }

    /// Refuses a call whose multiply-adds (the product of `factors`) exceed `maxMultiplyAdds`.
    public static func checkWork(_ factors: [Int], of what: String) throws(CNNError) {
        let work = CheckedInt.product(factors)
        guard let work, work <= maxMultiplyAdds else {
            let size = work.map(String.init) ?? "more than 2^63"
            throw .invalidShape(
                "the \(what) would take \(size) multiply-adds (\(factors.map(String.init).joined(separator: " × "))), more than the \(maxMultiplyAdds) (2^31) one call may do; use smaller sizes"
            )
        }
    }
}

/// Integer arithmetic that reports overflow as nil instead of trapping, for numbers that come
/// from the user.
public enum CheckedInt {
    /// `a + b`, or nil on overflow.
    public static func add(_ a: Int, _ b: Int) -> Int? {
        let (value, overflow) = a.addingReportingOverflow(b)
        return overflow ? nil : value
    }

    /// `a − b`, or nil on overflow.
    public static func subtract(_ a: Int, _ b: Int) -> Int? {
        let (value, overflow) = a.subtractingReportingOverflow(b)
        return overflow ? nil : value
    }

    /// `a · b`, or nil on overflow.
    public static func multiply(_ a: Int, _ b: Int) -> Int? {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : value
    }

    /// The product of `factors` (1 for none), or nil on overflow.
    public static func product(_ factors: [Int]) -> Int? {
        var result = 1
        for factor in factors {
            guard let next = multiply(result, factor) else { return nil }
            result = next
        }
        return result
    }

    /// The sum of `terms` (0 for none), or nil on overflow.
    public static func sum(_ terms: [Int]) -> Int? {
        var result = 0
        for term in terms {
            guard let next = add(result, term) else { return nil }
            result = next
        }
        return result
    }

    /// `d·(k − 1) + 1`, the cells a dilated window spans, or nil on overflow.
    public static func dilatedSpan(kernel: Int, dilation: Int) -> Int? {
        subtract(kernel, 1).flatMap { multiply(dilation, $0) }.flatMap { add($0, 1) }
    }
}
