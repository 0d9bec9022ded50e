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

/// Runs `body` for `0..<count`, on all cores when the work (about `work` multiply-adds) is at
/// least `threshold`, large enough to pay for the threads.
func parallelFor(_ count: Int, work: Int, threshold: Int = 200_000, _ body: @Sendable (Int) -> Void) {
    if count > 1 && work >= threshold {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    } else {
        for index in 0..<count { body(index) }
    }
}

/// Unaligned four-wide loads and stores for the convolution's inner loops.
enum SIMDLoad {
    @inline(__always)
    static func load(_ pointer: UnsafePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always)
    static func load(_ pointer: UnsafeMutablePointer<Double>) -> SIMD4<Double> {
        UnsafeRawPointer(pointer).loadUnaligned(as: SIMD4<Double>.self)
    }

    @inline(__always)
    static func store(_ value: SIMD4<Double>, _ pointer: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: SIMD4<Double>.self)
    }
}
