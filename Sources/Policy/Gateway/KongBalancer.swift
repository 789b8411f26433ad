import Foundation
import Scenario

/// Kong's balancer algorithms over one upstream's targets 0..<n as one Kong node sees them
/// (kong/runloop/balancer/*.lua): each picks among the targets the node's health checker
/// has up, and returns nil when none is (Kong's 503 "failure to get a peer from the
/// ring-balancer"). Pure: the caller keeps the state (cursor, connections, EWMA) and passes
/// the time in.
public enum KongBalancer {
    /// Round-robin over equal weights: the next target from the cursor that is up. The cursor
    /// moves past the pick, as Kong's wheel does.
    public static func roundRobin(cursor: inout Int, targets: Int, isUp: (Int) -> Bool) -> Int? {
        guard targets > 0 else { return nil }
        var position = cursor % targets
        for _ in 0..<targets {
            if isUp(position) {
                cursor = position + 1
                return position
            }
            position = position + 1 == targets ? 0 : position + 1
        }
        return nil
    }

    /// least_connections.lua: the fewest connections open from this node (a heap keyed by
    /// (connections + 1) / weight, equal weights here; a tie goes to the lower target). A retry
    /// avoids the target that just failed unless it is the only one up.
    public static func leastConnections(targets: Int, avoid: Int, connections: (Int) -> Int, isUp: (Int) -> Bool) -> Int? {
        var best: Int?
        var bestAvoided: Int?
        for target in 0..<targets where isUp(target) {
            if target == avoid {
                bestAvoided = target
                continue
            }
            if best.map({ connections(target) < connections($0) }) ?? true { best = target }
        }
        return best ?? bestAvoided
    }

    /// latency.lua's EWMA of each target's response time, decayed towards 0 with
    /// DECAY_TIME = 10 s since it was last updated: the lowest score wins (a tie goes to the
    /// lower target). A retry avoids the target that just failed.
    public static func latency(targets: Int, avoid: Int, score: (Int) -> Double, isUp: (Int) -> Bool) -> Int? {
        var best: (target: Int, score: Double)?
        var avoided: Int?
        for target in 0..<targets where isUp(target) {
            if target == avoid {
                avoided = target
                continue
            }
            let value = score(target)
            if best.map({ value < $0.score }) ?? true { best = (target, value) }
        }
        return best?.target ?? avoided
    }

    /// Kong's DECAY_TIME in latency.lua.
    public static let decayTime: Double = 10

    /// `decay_ewma`: the EWMA `ewma` last updated at `touched`, seen at `now` with a new sample
    /// `rtt` (0 when only scoring). Times in nanoseconds, the EWMA in seconds.
    public static func decayedEWMA(_ ewma: Double, touched: Nanoseconds, rtt: Double, now: Nanoseconds) -> Double {
        let elapsed = Double(max(0, now - touched)) / 1e9
        let weight = exp(-elapsed / decayTime)
        return ewma * weight + rtt * (1 - weight)
    }
}
