/// Hands out colour pair numbers on demand, remembering which pair holds which colours.
/// Pure: the screen calls `init_pair` when it gets `.new`.
struct ColorPairCache: Sendable {
    /// The answer to a lookup.
    enum Lookup: Equatable, Sendable {
        /// The pair already holds these colours.
        case existing(Int16)
        /// A fresh pair number; the caller must define it (init_pair) before use.
        case new(Int16)
        /// Every pair is taken.
        case full
    }

    /// The highest pair number that may be handed out (pair 0 is the terminal default).
    let highestPair: Int16
    private var pairs: [ColorPairKey: Int16] = [:]
    private var nextPair: Int16 = 1

    /// Creates a cache for a terminal with `pairCount` colour pairs (ncurses' COLOR_PAIRS);
    /// pair numbers stay within Int16 as `init_pair` needs.
    init(pairCount: Int) {
        highestPair = Int16(clamping: max(0, min(pairCount, Int(Int16.max) + 1) - 1))
    }

    /// Pairs handed out so far.
    var count: Int { pairs.count }

    /// The pair for `key`, allocating the next free number when it is new.
    mutating func pair(for key: ColorPairKey) -> Lookup {
        if let existing = pairs[key] { return .existing(existing) }
        guard nextPair <= highestPair else { return .full }
        let number = nextPair
        pairs[key] = number
        nextPair += 1
        return .new(number)
    }

    /// Forgets every pair (the screen then redraws everything, redefining pairs as it goes).
    mutating func reset() {
        pairs.removeAll(keepingCapacity: true)
        nextPair = 1
    }
}
