/// Counting weights and multiplications without overflowing: throwing where the API can
/// refuse, saturating where it cannot.
enum CostArithmetic {
    /// The product of `factors`, or a refusal naming `what` when it exceeds 64-bit integers.
    static func product(_ factors: [Int], of what: String) throws(CNNError) -> Int {
        var result = 1
        for factor in factors {
            let (next, overflow) = result.multipliedReportingOverflow(by: factor)
            if overflow {
                throw .invalidShape(
                    "the \(what) (\(factors.map(String.init).joined(separator: " × "))) is too large to count in 64 bits; use smaller sizes"
                )
            }
            result = next
        }
        return result
    }

    /// The sum of `terms`, or a refusal naming `what` when it exceeds 64-bit integers.
    static func sum(_ terms: [Int], of what: String) throws(CNNError) -> Int {
        var result = 0
        for term in terms {
            let (next, overflow) = result.addingReportingOverflow(term)
            if overflow {
                throw .invalidShape("the \(what) is too large to count in 64 bits; use smaller sizes")
            }
            result = next
        }
        return result
    }

    /// The product of `factors` (negative ones count as 0), stopping at `Int.max`.
    static func saturatingProduct(_ factors: [Int]) -> Int {
        var result = 1
        for factor in factors {
            let (next, overflow) = result.multipliedReportingOverflow(by: max(0, factor))
            if overflow { return Int.max }
            result = next
        }
        return result
    }

    /// The sum of `terms` (negative ones count as 0), stopping at `Int.max`.
    static func saturatingSum(_ terms: [Int]) -> Int {
        var result = 0
        for term in terms {
            let (next, overflow) = result.addingReportingOverflow(max(0, term))
            if overflow { return Int.max }
            result = next
        }
        return result
    }
}
