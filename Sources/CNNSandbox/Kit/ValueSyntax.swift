import CNNCore
import Foundation

/// The value syntax shared by `cnnviz explore`'s flags and scene files' `setup`: sizes
/// (`7x7`, `7`), per-axis pairs (`2`, `3,2`) and paddings (`1`, `1,2`, `0:1,1:0`, `valid`,
/// `same`, `full`). Callers word the problems for their own context (a flag, a YAML node).
public enum ValueSyntax {
    /// Why a value was not accepted.
    public enum Problem: Error, Equatable {
        /// The text is not in the syntax.
        case malformed
        /// A number is outside the allowed range.
        case outOfRange(Int)
    }

    /// `7x7`, `7×7`, `7,7` or `7` → [rows, columns], each in `range`.
    public static func size(_ text: String, range: ClosedRange<Int>) -> Result<[Int], Problem> {
        numbers(text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" || $0 == "," }), range: range)
    }

    /// `2` or `3,2` → [rows, columns], each in `range`.
    public static func pair(_ text: String, range: ClosedRange<Int>) -> Result<[Int], Problem> {
        numbers(text.split(separator: ",", omittingEmptySubsequences: false), range: range)
    }

    /// One or two numbers already read (e.g. a YAML list) → [rows, columns], each in `range`.
    public static func pair(_ values: [Int], range: ClosedRange<Int>) -> Result<[Int], Problem> {
        guard !values.isEmpty, values.count <= 2 else { return .failure(.malformed) }
        if let bad = values.first(where: { !range.contains($0) }) { return .failure(.outOfRange(bad)) }
        return .success(values.count == 1 ? [values[0], values[0]] : values)
    }

    /// `1`, `1,2`, `0:1,1:0` (before:after per axis, each side 0…99), `valid`, `same`, `full`.
    public static func padding(_ text: String) -> Result<PaddingSpec, Problem> {
        switch text.lowercased() {
        case "valid": return .success(.valid)
        case "same": return .success(.same)
        case "full": return .success(.full)
        default: break
        }
        let axes = text.split(separator: ",", omittingEmptySubsequences: false)
        guard axes.count == 1 || axes.count == 2 else { return .failure(.malformed) }
        var result: [AxisPadding] = []
        for axis in axes {
            let sides = axis.split(separator: ":", omittingEmptySubsequences: false)
                .map { Int($0.trimmingCharacters(in: .whitespaces)) }
            let values = sides.compactMap { $0 }
            guard values.count == sides.count, sides.count == 1 || sides.count == 2 else {
                return .failure(.malformed)
            }
            if let bad = values.first(where: { $0 < 0 || $0 > 99 }) { return .failure(.outOfRange(bad)) }
            result.append(values.count == 1 ? AxisPadding(values[0]) : AxisPadding(before: values[0], after: values[1]))
        }
        if result.count == 1 { result.append(result[0]) }
        if result.allSatisfy(\.isSymmetric) { return .success(.explicit(result.map(\.before))) }
        return .success(.asymmetric(result))
    }

    private static func numbers(_ parts: [Substring], range: ClosedRange<Int>) -> Result<[Int], Problem> {
        let parsed = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, parsed.count == parts.count else { return .failure(.malformed) }
        return pair(parsed, range: range)
    }
}
