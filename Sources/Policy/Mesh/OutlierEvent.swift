import Scenario

/// A change of a host's outlier status, as one caller's detector sees it.
public enum OutlierEvent: Sendable, Equatable {
    /// The host left the load-balancing set. `count` is how many times this detector has now
    /// ejected it; `until` is the earliest time it may come back (it comes back at the first
    /// interval tick at or after `until`).
    case ejected(host: Int, rule: OutlierRule, count: Int, until: Nanoseconds)
    /// The host is back in the load-balancing set, with its error counters reset.
    case unejected(host: Int)
}
