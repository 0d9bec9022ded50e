/// The shape of one sample between layers: channels × rows × columns, or a flat vector.
public enum NetworkShape: Hashable, Sendable {
    /// C×H×W.
    case spatial(channels: Int, rows: Int, columns: Int)
    /// N values (after `flatten` or `fc`).
    case flat(Int)

    /// `[C, H, W]` or `[N]`.
    public var dimensions: [Int] {
        switch self {
        case .spatial(let channels, let rows, let columns): return [channels, rows, columns]
        case .flat(let count): return [count]
        }
    }

    /// `64×56×56` or `1000`.
    public var text: String { dimensions.map(String.init).joined(separator: "×") }

    /// The channel count (the length of a flat vector).
    public var channels: Int {
        switch self {
        case .spatial(let channels, _, _): return channels
        case .flat(let count): return count
        }
    }
}

/// Products and sums of user numbers that refuse to overflow instead of trapping.
enum CheckedMath {
    /// The product of `factors`, or a refusal at `column` saying what overflowed.
    static func product(_ factors: [Int], _ what: String, column: Int) throws(NetworkSpecError) -> Int {
        var result = 1
        for factor in factors {
            let (value, overflow) = result.multipliedReportingOverflow(by: factor)
            guard !overflow else {
                throw NetworkSpecError(
                    column: column,
                    "the \(what) (\(factors.map(String.init).joined(separator: "·"))) is larger than \(Int.max); use smaller sizes"
                )
            }
            result = value
        }
        return result
    }

    /// `a + b`, or a refusal at `column`.
    static func sum(_ a: Int, _ b: Int, _ what: String, column: Int) throws(NetworkSpecError) -> Int {
        let (value, overflow) = a.addingReportingOverflow(b)
        guard !overflow else {
            throw NetworkSpecError(column: column, "the \(what) (\(a) + \(b)) is larger than \(Int.max)")
        }
        return value
    }
}
