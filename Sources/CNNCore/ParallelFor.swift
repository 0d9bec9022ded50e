import Dispatch

/// A pointer wrapper that may cross into `concurrentPerform` workers, each of which writes
/// a disjoint part of the buffer.
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
}

/// A read-only pointer wrapper for worker closures.
struct SharedReadBuffer<Element>: @unchecked Sendable {
    let base: UnsafePointer<Element>
}

/// Runs `body` for `0..<count`, on all cores when the work is large enough to pay for it.
func parallelFor(_ count: Int, work: Int, _ body: @Sendable (Int) -> Void) {
    if count > 1 && work >= 200_000 {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    } else {
        for index in 0..<count { body(index) }
    }
}
