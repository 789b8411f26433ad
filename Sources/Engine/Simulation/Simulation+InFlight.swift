/// The cap on records in flight (`RunLimits.inFlight`), and what to tell the user when a run
/// reaches it: which service's queue grew, against what capacity.
extension Simulation {
    /// Requests, calls and attempts alive now; each holds memory until it ends.
    var inFlight: Int { requests.liveCount &+ calls.liveCount &+ jobs.liveCount }

    /// Stops the run (at the next event) once the records in flight pass the cap. Called where
    /// a record is inserted, the only place the count grows: a sum and a compare.
    @inline(__always)
    mutating func checkInFlight() {
        if inFlight > limits.inFlight, abort == nil { abort = .tooManyInFlight(at: now) }
    }

    /// Where the work in flight piles up: the gateway or the service with the most queued
    /// jobs, among those that call no other queue (a caller's queue grows when its workers
    /// wait on a callee too slow for them; the callee's is the queue to limit). Failing that,
    /// the most queued anywhere, or the most jobs being served.
    func congestion() -> Congestion? {
        var candidates: [Congestion] = []
        func consider(_ name: String, _ servers: Range<Int>, callees: [Int]) {
            var candidate = Congestion(name: name, queued: 0, serving: 0, capacity: 0, makesCalls: !callees.isEmpty)
            for server in servers {
                candidate.queued += self.servers[server].queued
                candidate.serving += self.servers[server].active
                let mean = serviceTime[server].mean / 1e9
                candidate.capacity += mean > 0 ? Double(world.servers[server].capacity) / mean : .infinity
            }
            candidate.callsAQueue = callees.contains { callee in
                world.services[callee].instances.contains { self.servers[$0].queued > 0 }
            }
            if candidate.queued + candidate.serving > 0 { candidates.append(candidate) }
        }
        if world.hasGateway { consider("the gateway", 0..<world.gatewayReplicas, callees: world.routes.flatMap(\.backends)) }
        for service in world.services {
            let callees = world.versions[service.versions].flatMap { $0.steps.flatMap { $0.calls.map(\.service) } }
            consider(service.name, service.instances, callees: callees)
        }
        // The first of equals wins: the gateway, then the services in file order.
        func most(_ key: (Congestion) -> Int, among list: [Congestion]) -> Congestion? {
            list.reduce(nil) { best, next in key(next) > (best.map(key) ?? 0) ? next : best }
        }
        return most(\.queued, among: candidates.filter { !$0.callsAQueue })
            ?? most(\.queued, among: candidates) ?? most(\.serving, among: candidates)
    }
}

/// A service (or the gateway) holding much of the work in flight.
struct Congestion: Equatable {
    var name: String
    var queued: Int
    var serving: Int
    /// Requests per second its servers can finish: workers over mean service time.
    var capacity: Double
    /// Its capacity leaves out the time its workers wait on their calls.
    var makesCalls = false
    /// One of the services it calls has requests queued.
    var callsAQueue = false
}
