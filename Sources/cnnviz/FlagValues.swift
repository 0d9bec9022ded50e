import CNNCore
import CNNRender
import CNNSandbox
import Foundation

/// Parses the geometry flags of `explore` (`7x7`, `3,2`, `same`…) with messages that say
/// what was expected and what was given.
enum FlagValues {
    /// `7x7`, `7×7` or `7` → [rows, columns].
    static func size(_ text: String, flag: String, range: ClosedRange<Int>) throws(FlagError) -> [Int] {
        switch ValueSyntax.size(text, range: range) {
        case .success(let values): return values
        case .failure(.malformed): throw FlagError("\(flag): expected a size like 7x7 or 7, got '\(text)'")
        case .failure(.outOfRange(let bad)):
            throw FlagError(
                "\(flag): \(bad) is outside \(range.lowerBound)…\(range.upperBound); choose a size in that range")
        }
    }

    /// `2` or `3,2` → [rows, columns], each in `range`.
    static func pair(_ text: String, flag: String, range: ClosedRange<Int>, meaning: String) throws(FlagError) -> [Int]
    {
        switch ValueSyntax.pair(text, range: range) {
        case .success(let values): return values
        case .failure(.malformed):
            throw FlagError(
                "\(flag): expected a whole number or two separated by a comma (e.g. 2 or 3,2), got '\(text)'")
        case .failure(.outOfRange(let bad)):
            throw FlagError("\(flag): \(bad) is outside \(range.lowerBound)…\(range.upperBound); \(meaning)")
        }
    }

    /// `1`, `1,2`, `0:1,1:0` (before:after per axis), `valid`, `same`, `full`.
    static func padding(_ text: String) throws(FlagError) -> PaddingSpec {
        switch ValueSyntax.padding(text) {
        case .success(let padding): return padding
        case .failure(.malformed):
            throw FlagError(
                "--padding: expected a number, two numbers (rows,columns), before:after pairs, or valid/same/full; got '\(text)'"
            )
        case .failure(.outOfRange(let bad)):
            throw FlagError("--padding: \(bad) is outside 0…99; padding counts zeros added on a side")
        }
    }

    /// `text`, `ansi`, `html` or `svg` (`--format`).
    static func frameFormat(_ text: String) throws(FlagError) -> FrameFormat {
        switch FrameFormat.parse(text) {
        case .success(let format): return format
        case .failure(let error): throw FlagError(error.message)
        }
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
