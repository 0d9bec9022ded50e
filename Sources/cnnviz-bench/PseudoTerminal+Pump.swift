import CNNPseudoTerminal
import Foundation

/// A benchmark that could not run.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension PseudoTerminal {
    /// Keeps reading output and reports for `seconds`; returns the draws that arrived.
    func pump(forSeconds seconds: Double) -> [Draw] {
        let end = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        var draws: [Draw] = []
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            guard now < end else { return draws }
            let remaining = Duration.nanoseconds(Int64(end - now))
            guard let draw = try? nextDraw(timeout: remaining, quietly: true) else { continue }
            draws.append(draw)
        }
    }
}
