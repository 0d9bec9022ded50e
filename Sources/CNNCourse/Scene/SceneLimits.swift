import CNNSandbox
import Yams

/// The bounds a scene file stays within, so that a small file cannot cause large work: its
/// bytes, its YAML nodes counted after aliases are expanded, its beats, the keys of a beat and
/// its facts. Every limit is checked before the work it bounds.
public enum SceneLimits {
    /// The most bytes of a scene file (1 MiB; the built-in scenes are under 8 KiB).
    public static let maxBytes = 1 << 20
    /// The most YAML nodes a scene may hold once every alias is expanded (an alias counts its
    /// whole anchored subtree again each time it is used).
    public static let maxNodes = 100_000
    /// The most beats in a timeline.
    public static let maxBeats = 500
    /// The most view keys one beat may send.
    public static let maxKeysPerBeat = 64
    /// The most facts under `expect.facts`.
    public static let maxFacts = 500
    /// The steps per second a beat's `speed` may ask for: the player's range.
    public static let speeds = Player.slowest...Player.fastest
    /// The seconds a beat's `hold` (and `--autoplay`) may ask for: a tenth of a second to an hour.
    public static let holds = 0.1...3600.0

    /// The first node at which a walk of `root` that expands aliases passes `limit` nodes, or nil
    /// when the whole tree has at most `limit`. The walk stops there, so it costs at most `limit`
    /// visits however many times aliases repeat a subtree.
    static func nodeBeyondLimit(_ root: Node, limit: Int = maxNodes) -> Node? {
        var visited = 0
        var pending: [Node] = [root]
        while let node = pending.popLast() {
            visited += 1
            if visited > limit { return node }
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence): pending.append(contentsOf: sequence.reversed())
            case .mapping(let mapping):
                for pair in mapping.reversed() {
                    pending.append(pair.value)
                    pending.append(pair.key)
                }
            }
        }
        return nil
    }
}
