/// Envoy's choice of a priority level (`recalculatePerPriorityState`, `distributeLoad`,
/// `recalculatePerPriorityPanic`, `recalculateLoadInTotalPanic` and `choosePriority` in
/// load_balancer_impl.cc; "Priority levels" in Envoy's load balancing docs):
/// - a level's health is min(100, 140 × healthy / hosts) (overprovisioning factor 1.4,
///   integer arithmetic);
/// - normalized total = min(100, Σ health); each level in turn gets
///   min(what is left, health × 100 / normalized total), and what rounding leaves goes to the
///   first level with some health;
/// - with a normalized total below 100 a level whose healthy share is under the panic
///   threshold is in panic (balances over all its hosts); when every level is, the load
///   follows the host counts instead;
/// - a draw 1…100 picks the first level whose cumulative load reaches it.
///
/// Per-level counts come as closures so that the engine passes its own tables (no
/// allocation per pick).
public enum PriorityLoad {
    public struct Choice: Sendable, Equatable {
        public var level: Int
        /// Balance over every host of the level, healthy or not.
        public var panic: Bool

        public init(level: Int, panic: Bool) {
            self.level = level
            self.panic = panic
        }
    }

    /// min(100, 140 × healthy / hosts); 0 for an empty level.
    public static func health(healthy: Int, hosts: Int) -> Int {
        hosts > 0 ? min(100, OutlierDetector.overprovisioningFactor * max(0, min(healthy, hosts)) / hosts) : 0
    }

    /// The level a draw in 1…100 lands on, nil when no level may take traffic (nothing
    /// healthy and panic off: 503 `UH`).
    public static func choose(
        levels: Int, healthy: (Int) -> Int, hosts: (Int) -> Int, panicThreshold: Int, draw: Int
    ) -> Choice? {
        var total = 0
        var firstAvailable = -1
        var allPanic = levels > 0
        var allHosts = 0
        for level in 0..<levels {
            let health = health(healthy: healthy(level), hosts: hosts(level))
            total += health
            if firstAvailable < 0, health > 0 { firstAvailable = level }
            allHosts += hosts(level)
        }
        let normalized = min(100, total)
        for level in 0..<levels where !inPanic(level, normalized, healthy, hosts, panicThreshold) {
            allPanic = false
        }
        if allPanic {
            // Every level in panic: load by host count, all hosts of the chosen level.
            guard allHosts > 0 else { return nil }
            let first = (0..<levels).first { hosts($0) > 0 } ?? 0
            return cumulative(levels, draw: draw, first: first, remainder: 100 - (0..<levels).reduce(0) { $0 + 100 * hosts($1) / allHosts }) {
                100 * hosts($0) / allHosts
            }.map { Choice(level: $0, panic: true) }
        }
        guard normalized > 0 else { return nil }
        var left = 100
        for level in 0..<levels { left -= min(left, health(healthy: healthy(level), hosts: hosts(level)) * 100 / normalized) }
        return cumulative(levels, draw: draw, first: firstAvailable, remainder: left) {
            health(healthy: healthy($0), hosts: hosts($0)) * 100 / normalized
        }.map { Choice(level: $0, panic: inPanic($0, normalized, healthy, hosts, panicThreshold)) }
    }

    /// Each level's share in percent, as `choose` draws them (for tests and `eval`).
    public static func loads(healthy: [Int], hosts: [Int], panicThreshold: Int = 0) -> [Int] {
        var loads = Array(repeating: 0, count: healthy.count)
        for draw in 1...100 {
            if let choice = choose(levels: healthy.count, healthy: { healthy[$0] }, hosts: { hosts[$0] }, panicThreshold: panicThreshold, draw: draw) {
                loads[choice.level] += 1
            }
        }
        return loads
    }

    private static func inPanic(_ level: Int, _ normalized: Int, _ healthy: (Int) -> Int, _ hosts: (Int) -> Int, _ threshold: Int) -> Bool {
        guard normalized < 100 else { return false }
        let count = hosts(level)
        return count == 0 || 100 * healthy(level) < threshold * count
    }

    /// The level whose cumulative share (each level's `share`, `remainder` added to `first`,
    /// each capped by what is left of 100) first reaches `draw`.
    private static func cumulative(_ levels: Int, draw: Int, first: Int, remainder: Int, share: (Int) -> Int) -> Int? {
        var left = 100
        var reached = 0
        for level in 0..<levels {
            var load = min(left, share(level))
            left -= load
            if level == first { load += max(0, remainder) }
            reached += load
            if draw <= reached, load > 0 { return level }
        }
        return nil
    }
}
