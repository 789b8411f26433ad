/// Products of counts that each pass `SizeChecks` but together would exhaust memory or time:
/// instances and users in all, time-series rows, open-loop requests and rate-limit counters.
/// Meant for a scenario whose single counts are within their bounds; the arithmetic
/// saturates all the same.
enum VolumeChecks {
    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let instances = scenario.services.reduce(0) { total, service in service.versions.reduce(total) { Saturating.sum($0, $1.replicas) } }
        if instances > SizeLimits.instances, let first = scenario.services.first {
            found.append(.error(
                "services: the versions have \(CountText.grouped(instances)) replicas in all, more than the "
                    + "\(CountText.grouped(SizeLimits.instances)) instances meshsim simulates in one scenario",
                at: scenario.sectionLocations["services"] ?? first.location))
        }
        let users = scenario.clients.reduce(0) { total, client in
            if case .users(let users, _) = client.arrival { return Saturating.sum(total, users) }
            return total
        }
        if users > SizeLimits.users, let first = scenario.clients.first {
            found.append(.error(
                "clients: the closed-loop clients have \(CountText.grouped(users)) users in all, more than the "
                    + "\(CountText.grouped(SizeLimits.users)) meshsim simulates in one scenario",
                at: scenario.sectionLocations["clients"] ?? first.location))
        }
        for (index, client) in scenario.clients.enumerated() {
            let requests = openLoopRequests(client.arrival, duration: scenario.duration)
            guard requests > Double(SizeLimits.openLoopRequests) else { continue }
            let field = if case .schedule = client.arrival { "schedule" } else { "rate" }
            found.append(.error(
                "clients[\(index)].\(field): client \"\(client.name)\" would send about \(CountText.grouped(requests)) requests in "
                    + "\(DurationText.format(scenario.duration)), more than the \(CountText.grouped(SizeLimits.openLoopRequests)) "
                    + "meshsim simulates per client; lower the rate or the duration",
                at: client.location))
        }
        found += timeSeries(scenario) + rateLimitCounters(scenario) + sidecarHostSlots(scenario) + proxyCacheEntries(scenario)
        return found
    }

    /// proxy-cache keeps an entry per key answered, in each gateway replica: up to the replicas
    /// × the keys of every request the gateway's clients send, whichever route caches them.
    private static func proxyCacheEntries(_ scenario: Scenario) -> [Diagnostic] {
        guard let gateway = scenario.gateway,
              (gateway.plugins + gateway.routes.flatMap(\.plugins)).contains(where: { $0.name == "proxy-cache" })
        else { return [] }
        let keys = scenario.clients.filter { $0.target == .gateway }.flatMap(\.requests).reduce(0) { Saturating.sum($0, $1.keys?.count ?? 1) }
        let entries = Saturating.product(gateway.replicas, keys)
        guard entries > SizeLimits.proxyCacheEntries else { return [] }
        return [.error(
            "clients[].requests: the proxy-cache could keep \(CountText.grouped(entries)) entries (gateway replicas × the keys of the "
                + "gateway's requests), more than the \(CountText.grouped(SizeLimits.proxyCacheEntries)) meshsim keeps; use fewer keys or replicas",
            at: scenario.sectionLocations["clients"] ?? scenario.location(ofSection: "clients"))]
    }

    /// With the mesh each caller's sidecar keeps, for each service it calls, a slot per host of
    /// that service (requests in flight, balancer and detector state), as Envoy does: callers
    /// (instances, gateway replicas, clients) × the instances of what they call.
    private static func sidecarHostSlots(_ scenario: Scenario) -> [Diagnostic] {
        guard scenario.mesh.enabled else { return [] }
        var instances: [String: Int] = [:]
        for service in scenario.services { instances[service.name] = service.versions.reduce(0) { Saturating.sum($0, $1.replicas) } }
        var slots = 0
        for client in scenario.clients {
            if case .service(let target) = client.target { slots = Saturating.sum(slots, instances[target] ?? 0) }
        }
        for route in scenario.gateway?.routes ?? [] {
            for service in route.services {
                slots = Saturating.sum(slots, Saturating.product(scenario.gateway?.replicas ?? 0, instances[service] ?? 0))
            }
        }
        for service in scenario.services {
            for version in service.versions {
                let callees = Set(version.calls.flatMap(\.calls).map(\.service))
                for callee in callees {
                    slots = Saturating.sum(slots, Saturating.product(version.replicas, instances[callee] ?? 0))
                }
            }
        }
        guard slots > SizeLimits.sidecarHostSlots else { return [] }
        return [.error(
            "mesh.enabled: the sidecars would keep \(CountText.grouped(slots)) host slots (each caller instance, gateway replica and "
                + "client × the instances of each service it calls), more than the \(CountText.grouped(SizeLimits.sidecarHostSlots)) "
                + "meshsim keeps; lower the replicas of services that call each other",
            at: scenario.mesh.location ?? scenario.location(ofSection: "mesh"))]
    }

    /// One row per interval and scope (the total, each client, route, service and version), and
    /// latency histograms per scope.
    private static func timeSeries(_ scenario: Scenario) -> [Diagnostic] {
        guard scenario.interval > 0 else { return [] }
        let location = scenario.sectionLocations["interval"] ?? scenario.location(ofSection: "duration")
        let (every, over) = (DurationText.format(scenario.interval), DurationText.format(scenario.duration))
        let intervals = scenario.duration / scenario.interval + (scenario.duration % scenario.interval == 0 ? 0 : 1)
        guard intervals <= Int64(SizeLimits.intervals) else {
            return [.error(
                "interval: \(every) splits duration \(over) into \(CountText.grouped(Int(intervals))) time-series rows per scope, more than "
                    + "the \(CountText.grouped(SizeLimits.intervals)) meshsim keeps; use a longer interval",
                at: location)]
        }
        let versions = scenario.services.reduce(0) { Saturating.sum($0, $1.versions.count) }
        let scopes = [scenario.clients.count, scenario.gateway?.routes.count ?? 0, scenario.services.count, versions].reduce(1, Saturating.sum)
        guard scopes <= SizeLimits.scopes else {
            return [.error(
                "services: the scenario has \(CountText.grouped(scopes)) report scopes (the total, clients, routes, services and versions), "
                    + "more than the \(CountText.grouped(SizeLimits.scopes)) meshsim measures",
                at: scenario.sectionLocations["services"] ?? scenario.location(ofSection: "services"))]
        }
        let rows = Saturating.product(scopes, Int(intervals))
        guard rows > SizeLimits.timeSeriesRows else { return [] }
        return [.error(
            "interval: \(every) over duration \(over) makes \(CountText.grouped(Int(intervals))) rows for each of \(CountText.grouped(scopes)) "
                + "scopes (the total, clients, routes, services and versions): \(CountText.grouped(rows)) time-series rows, more than the "
                + "\(CountText.grouped(SizeLimits.timeSeriesRows)) meshsim keeps; use a longer interval",
            at: location)]
    }

    /// Kong's rate-limiting counters: each plugin keeps, in each copy (one per gateway replica
    /// under `policy: local`), a counter per period for each identity, and an identity may be
    /// any (address, request template) of any client that goes through the gateway.
    private static func rateLimitCounters(_ scenario: Scenario) -> [Diagnostic] {
        guard let gateway = scenario.gateway else { return [] }
        let identities = scenario.clients.filter { $0.target == .gateway }.reduce(1) { total, client in
            Saturating.sum(total, Saturating.product(client.addresses, client.requests.count))
        }
        var counters = 0
        var first: Plugin?
        for plugin in gateway.plugins + gateway.routes.flatMap(\.plugins) {
            guard case .rateLimiting(let config) = plugin.config else { continue }
            first = first ?? plugin
            let copies = config.policy == .local ? gateway.replicas : 1
            counters = Saturating.sum(counters, Saturating.product(Saturating.product(copies, identities), config.limits.count))
        }
        guard counters > SizeLimits.rateLimitCounters, let first else { return [] }
        return [.error(
            "clients[].addresses: the rate-limiting plugins would keep \(CountText.grouped(counters)) counters (gateway replicas under "
                + "policy local × client addresses × requests × periods), more than the \(CountText.grouped(SizeLimits.rateLimitCounters)) "
                + "meshsim keeps; lower the clients' addresses, or use policy cluster",
            at: first.location)]
    }

    /// The integral of the client's rate over the run (0 for a closed loop).
    static func openLoopRequests(_ arrival: Client.Arrival, duration: Nanoseconds) -> Double {
        let seconds = Double(duration) / 1e9
        switch arrival {
        case .rate(let rate, _):
            return rate * seconds
        case .users:
            return 0
        case .schedule(let points, _):
            var total = 0.0
            for (index, point) in points.enumerated() {
                let start = Double(point.at) / 1e9
                guard start < seconds else { break }
                if index == 0 && start > 0 { total += point.rate * start }
                let next = index + 1 < points.count ? points[index + 1] : nil
                let end = min(next.map { Double($0.at) / 1e9 } ?? seconds, seconds)
                let endRate = next.map { point.rate + ($0.rate - point.rate) * (end - start) / max(Double($0.at) / 1e9 - start, 1e-12) } ?? point.rate
                total += (point.rate + endRate) / 2 * (end - start)
            }
            return total
        }
    }
}
