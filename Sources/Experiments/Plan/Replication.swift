import Engine
import Scenario

/// Replication k of an experiment runs the scenario with its own seed, derived from the
/// scenario's seed and k: replication 1 keeps the scenario's seed (so it is the plain run,
/// and one replication is today's run byte for byte), the others draw a seed from a stream
/// keyed by their number, so they are independent of each other and of the plain run.
/// Every sweep point and every variant of a scenario uses the same seeds (common random
/// numbers); a compare of two scenario files keeps each file's seed as its base.
public enum Replication {
    public static func seed(base: UInt64, replication: Int) -> UInt64 {
        guard replication > 1 else { return base }
        var stream = RandomStream(seed: base, key: "replication:\(replication)")
        return stream.next()
    }

    /// The most replications a command accepts (`SizeLimits.replications`).
    public static let maximum = SizeLimits.replications
}
