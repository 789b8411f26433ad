import Policy
import Scenario

/// Kong's proxy-cache on a gateway replica: a fresh stored answer ends the request at the
/// gateway; a miss goes upstream, and the answer is stored when Kong finds it cacheable.
/// Concurrent misses of one key all go upstream (Kong has no request coalescing).
extension Simulation {
    /// The stored answer on a hit; on a miss, marks the job so that its upstream answer is stored.
    @inline(__always)
    mutating func lookUpCache(_ lookup: CacheLookup, job: Int32, replica: Int) -> Outcome? {
        let key = lookup.key(jobs[job].attribution.key)
        if let status = caches[replica].lookup(key, now: now) {
            return Outcome(status: status, flag: .none, cached: true)
        }
        if lookup.stores { jobs[job].cacheKey = key }
        return nil
    }

    /// The upstream answer to a miss, stored from now when its status is in `response_code`
    /// (every simulated service answers `application/json`, which the step has checked).
    mutating func storeInCache(_ job: Int32, outcome: Outcome) {
        let record = jobs[job]
        let plan = world.clients[Int(record.attribution.client)].gatewayPlans[Int(record.attribution.template)]
        for step in plan.steps {
            guard case .proxyCache(let lookup) = step else { continue }
            if lookup.codes.contains(outcome.status) {
                caches[Int(record.server)].store(record.cacheKey, status: outcome.status, now: now, ttl: lookup.ttl)
            }
            return
        }
    }
}
