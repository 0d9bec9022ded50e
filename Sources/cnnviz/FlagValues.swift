import Foundation
import CNNCore

/// Parses the geometry flags of `explore` (`7x7`, `3,2`, `same`…) with messages that say
/// what was expected and what was given.
enum FlagValues {
    /// `7x7`, `7×7` or `7` → [rows, columns].
    static func size(_ text: String, flag: String, range: ClosedRange<Int>) throws(FlagError) -> [Int] {
        let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" || $0 == "," })
        let numbers = parts.compactMap { Int($0) }
        guard !parts.isEmpty, numbers.count == parts.count, numbers.count <= 2 else {
            throw FlagError("\(flag): expected a size like 7x7 or 7, got '\(text)'")
        }
        if let bad = numbers.first(where: { !range.contains($0) }) {
            throw FlagError("\(flag): \(bad) is outside \(range.lowerBound)…\(range.upperBound); choose a size in that range")
        }
        return numbers.count == 1 ? [numbers[0], numbers[0]] : numbers
    }

    /// `2` or `3,2` → [rows, columns], each in `range`.
    static func pair(_ text: String, flag: String, range: ClosedRange<Int>, meaning: String) throws(FlagError) -> [Int] {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let numbers = parts.compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !parts.isEmpty, numbers.count == parts.count, numbers.count <= 2 else {
            throw FlagError("\(flag): expected a whole number or two separated by a comma (e.g. 2 or 3,2), got '\(text)'")
        }
        if let bad = numbers.first(where: { !range.contains($0) }) {
            throw FlagError("\(flag): \(bad) is outside \(range.lowerBound)…\(range.upperBound); \(meaning)")
        }
        return numbers.count == 1 ? [numbers[0], numbers[0]] : numbers
    }

    /// `1`, `1,2`, `0:1,1:0` (before:after per axis), `valid`, `same`, `full`.
    static func padding(_ text: String) throws(FlagError) -> PaddingSpec {
        switch text.lowercased() {
        case "valid": return .valid
        case "same": return .same
        case "full": return .full
        default: break
        }
        let axes = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard axes.count == 1 || axes.count == 2 else {
            throw FlagError("--padding: expected a number, two numbers (rows,columns), before:after pairs, or valid/same/full; got '\(text)'")
        }
        var result: [AxisPadding] = []
        for axis in axes {
            let sides = axis.split(separator: ":", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (sides.count == 1 || sides.count == 2), sides.allSatisfy({ $0 != nil }) else {
                throw FlagError("--padding: expected a number, two numbers (rows,columns), before:after pairs, or valid/same/full; got '\(text)'")
            }
            let values = sides.map { $0! }
            if let bad = values.first(where: { $0 < 0 || $0 > 99 }) {
                throw FlagError("--padding: \(bad) is outside 0…99; padding counts zeros added on a side")
            }
            result.append(values.count == 1 ? AxisPadding(values[0]) : AxisPadding(before: values[0], after: values[1]))
        }
        if result.count == 1 { result.append(result[0]) }
        if result.allSatisfy(\.isSymmetric) { return .explicit(result.map(\.before)) }
        return .asymmetric(result)
    }

    /// `100x30` → (width, height), at least 40×12.
    static func screenSize(_ text: String) throws(FlagError) -> (width: Int, height: Int) {
        let parts = text.lowercased().split(whereSeparator: { $0 == "x" || $0 == "×" })
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]) else {
            throw FlagError("--size: expected WIDTHxHEIGHT like 100x30, got '\(text)'")
        }
        guard (40...1000).contains(width), (12...500).contains(height) else {
            throw FlagError("--size: \(width)x\(height) is outside 40x12…1000x500; choose a screen size in that range")
        }
        return (width, height)
    }
}

/// A bad flag value: printed as one line on standard error, exit status 2.
struct FlagError: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
