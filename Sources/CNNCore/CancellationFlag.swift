import Synchronization

/// A cooperative request to stop long work. Whoever starts the work binds a flag to
/// `CancellationFlag.current` for its duration (`$current.withValue(flag) { … }`); the core's long
/// loops (convolution, pooling, transposed convolution, a stack's dependency walk) look at it
/// every row and end early with `CNNError.cancelled` once another thread has called `cancel()`.
/// Work with no flag bound runs to the end as before. Pure: an atomic, no I/O, no clock.
public final class CancellationFlag: Sendable {
    /// The flag the work on this thread answers to; nil when nothing can cancel it.
    @TaskLocal public static var current: CancellationFlag?

    private let cancelled = Atomic<Bool>(false)
    private let checkCount = Atomic<Int>(0)
    /// The check after which the flag cancels itself (tests: "cancelled part-way"); nil: never.
    private let budget: Int?

    /// A flag that is not cancelled until `cancel()`.
    public init() { budget = nil }

    /// A flag that cancels itself at its `checks`-th check, as if `cancel()` had been called from
    /// another thread in the middle of the work (for tests of how early the work stops).
    public init(cancellingAtCheck checks: Int) { budget = max(0, checks) }

    /// Asks the work to stop. Safe from any thread.
    public func cancel() {
        cancelled.store(true, ordering: .releasing)
    }

    /// Whether `cancel()` was called (or the budget ran out).
    public var isCancelled: Bool { cancelled.load(ordering: .acquiring) }

    /// How many times the work looked at the flag.
    public var checks: Int { checkCount.load(ordering: .relaxed) }

    /// Counts one look and says whether the work should stop now. For loops that cannot throw
    /// (parallel bodies): skip the rest, then call `check()` after the loop.
    public func shouldStop() -> Bool {
        let count = checkCount.add(1, ordering: .relaxed).newValue
        if let budget, count >= budget { cancel() }
        return isCancelled
    }

    /// Throws `CNNError.cancelled` when the work should stop.
    public func check() throws(CNNError) {
        if shouldStop() { throw .cancelled }
    }

    /// Throws `CNNError.cancelled` when the flag bound to this thread asks the work to stop.
    public static func checkCurrent() throws(CNNError) {
        try current?.check()
    }
}
