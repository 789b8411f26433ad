import Policy
import Scenario

/// Time-series intervals and the final `RunResult`.
extension Simulation {
    /// An answer and its latency, into the open interval of `scope`.
    @inline(__always)
    mutating func recordAnswer(_ outcome: Outcome, latency: Nanoseconds, scope: Int) {
        stats[scope].record(outcome)
        latencies.record(latency, scope: scope)
        if outcome.cached { cacheHits[scope] += 1 }
    }

    mutating func closeInterval(at end: Nanoseconds) {
        lastTick = end
        if recordsTelemetry { sampleTelemetry(at: end) }
        let seconds = Double(world.interval) / 1e9
        reserveRows(at: end)
        var latency = LatencyHistogram()
        for scope in 0..<scopes.count {
            // Children come after their parent, so they are still open here.
            for child in scopes.children[scope] {
                let open = stats[child]
                stats[scope].absorbInterval(of: open)
                latencies.absorb(child, into: scope)
            }
            latency.reset()
            latencies.add(scope, to: &latency)
            latencies.reset(scope)
            let (counts, p50, p99) = stats[scope].closeInterval(latency: latency)
            let kind = scopes.kind(of: scope)
            // Every interval appends a row per scope: the one an interval back shares its name's
            // storage, where building the name again would allocate a copy for every row.
            let previous = timeseries.count - scopes.count
            let scopeName = previous >= 0 ? timeseries[previous].name : name(of: scope)
            timeseries.append(TimeseriesRow(
                end: end, scope: kind, name: scopeName, requests: counts.requests,
                rps: Double(counts.requests) / seconds, ok: counts.ok, errors: counts.errors,
                rateLimited: counts.rateLimited, timeouts: counts.timeouts, p50: p50, p99: p99,
                ejected: ejected(scope: scope, kind: kind),
                weight: kind == .version ? versionWeight(scope - scopes.versions) : nil))
        }
    }

    /// Room for a row per scope at this interval's end, at each one left to the duration and
    /// at the drain's, reserved at once: grown by doubling, the rows would take up to twice
    /// their size. The run writes them all. Past the duration, rows grow as usual.
    private mutating func reserveRows(at end: Nanoseconds) {
        guard end <= world.duration, world.interval > 0, timeseries.capacity - timeseries.count < scopes.count else { return }
        let after = world.duration - end
        let ticks = Int(after / world.interval) + (after % world.interval == 0 ? 0 : 1)
        timeseries.reserveCapacity(Saturating.sum(timeseries.count, Saturating.product(Saturating.sum(ticks, 2), scopes.count)))
    }

    /// Instances of a service or version that at least one caller has ejected now.
    private func ejected(scope: Int, kind: ScopeKind) -> Int? {
        switch kind {
        case .service:
            guard !mesh.ejectedInstances.isEmpty else { return 0 }
            return world.services[scope - scopes.services].versions.reduce(0) { $0 + Int(mesh.ejectedInstances[$1]) }
        case .version:
            return !mesh.ejectedInstances.isEmpty ? Int(mesh.ejectedInstances[scope - scopes.versions]) : 0
        default:
            return nil
        }
    }

    /// Ejections so far of a service's or version's instances by any caller; on the total row,
    /// of every instance. Client and route rows have none: nothing is ejected from them.
    private func ejections(scope: Int, kind: ScopeKind) -> Int {
        guard !mesh.ejections.isEmpty else { return 0 }
        switch kind {
        case .total: return mesh.ejections.reduce(0, +)
        case .service: return world.services[scope - scopes.services].versions.reduce(0) { $0 + mesh.ejections[$1] }
        case .version: return mesh.ejections[scope - scopes.versions]
        default: return 0
        }
    }

    /// Without a mesh a version's share of traffic is its share of the service's instances;
    /// with one, its weight in the service's default VirtualService rule.
    private func versionWeight(_ version: Int) -> Double {
        if let weight = rolloutWeight(of: version) { return weight }
        if let mesh = world.mesh { return mesh.versionWeights[version] }
        let model = world.versions[version]
        let total = world.services[model.service].instances.count
        return total == 0 ? 0 : 100 * Double(model.instances.count) / Double(total)
    }

    func name(of scope: Int) -> String {
        switch scopes.kind(of: scope) {
        case .total: return "all"
        case .client: return world.clients[scope - scopes.clients].name
        case .route: return world.routes[scope - scopes.routes].name
        case .service: return world.services[scope - scopes.services].name
        case .version:
            let version = world.versions[scope - scopes.versions]
            return "\(world.services[version.service].name)/\(version.name)"
        }
    }

    mutating func result(scenarioName: String, seed: UInt64) -> RunResult {
        var summary: [ScopeSummary] = []
        var responses: [ResponseCount] = []
        for scope in 0..<scopes.count {
            var statistics = stats[scope]
            var histogram = statistics.latency
            latencies.add(scope, to: &histogram)
            // The intervals closed so far are in the parent already; an interval the run left
            // open (nothing but retries after the last tick) is not.
            for child in scopes.children[scope] {
                statistics.absorbInterval(of: stats[child])
                latencies.add(child, to: &histogram)
            }
            let latency = histogram.count == 0 ? nil : LatencySummary(
                p50: histogram.quantile(0.5), p90: histogram.quantile(0.9), p95: histogram.quantile(0.95),
                p99: histogram.quantile(0.99), p999: histogram.quantile(0.999), max: histogram.max, mean: histogram.mean)
            let kind = scopes.kind(of: scope)
            let scopeName = name(of: scope)
            summary.append(ScopeSummary(
                scope: kind, name: scopeName, counts: statistics.counts, latency: latency, ejections: ejections(scope: scope, kind: kind),
                cacheHits: scopes.children[scope].reduce(cacheHits[scope]) { $0 + cacheHits[$1] }))
            let tallies = statistics.responses.sorted { ($0.status, $0.flag.code) < ($1.status, $1.flag.code) }
            responses += tallies.map { ResponseCount(scope: kind, name: scopeName, code: Int($0.status), flag: $0.flag.code, count: $0.count) }
        }
        var result = RunResult(
            scenarioName: scenarioName, seed: seed, endTime: now, summary: summary,
            timeseries: timeseries, events: events, responses: responses,
            mesh: world.mesh.map { model in
                MeshUsage(
                    proxies: model.proxies, sidecarPasses: mesh.sidecarPasses, addedLatency: mesh.addedLatency,
                    clientRequests: summary[ScopeLayout.total].counts.requests, duration: world.duration)
            },
            rollout: rolloutOutcome())
        result.locality = localityRows()
        return result
    }
}
