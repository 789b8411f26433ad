import Scenario

/// Time-series intervals and the final `RunResult`.
extension Simulation {
    mutating func closeInterval(at end: Nanoseconds) {
        lastTick = end
        let seconds = Double(world.interval) / 1e9
        for scope in 0..<scopes.count {
            let (counts, p50, p99) = stats[scope].closeInterval()
            let kind = scopes.kind(of: scope)
            timeseries.append(TimeseriesRow(
                end: end, scope: kind, name: name(of: scope), requests: counts.requests,
                rps: Double(counts.requests) / seconds, ok: counts.ok, errors: counts.errors,
                rateLimited: counts.rateLimited, p50: p50, p99: p99,
                ejected: kind == .service || kind == .version ? 0 : nil,
                weight: kind == .version ? versionWeight(scope - scopes.versions) : nil))
        }
    }

    /// Without a mesh a version's share of traffic is its share of the service's instances.
    private func versionWeight(_ version: Int) -> Double {
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

    func result(scenarioName: String, seed: UInt64) -> RunResult {
        var summary: [ScopeSummary] = []
        var responses: [ResponseCount] = []
        for scope in 0..<scopes.count {
            let statistics = stats[scope]
            let histogram = statistics.latency
            let latency = histogram.count == 0 ? nil : LatencySummary(
                p50: histogram.quantile(0.5), p90: histogram.quantile(0.9), p95: histogram.quantile(0.95),
                p99: histogram.quantile(0.99), p999: histogram.quantile(0.999), max: histogram.max, mean: histogram.mean)
            let kind = scopes.kind(of: scope)
            let scopeName = name(of: scope)
            summary.append(ScopeSummary(scope: kind, name: scopeName, counts: statistics.counts, latency: latency))
            let tallies = statistics.responses.sorted { ($0.status, $0.flag.code) < ($1.status, $1.flag.code) }
            responses += tallies.map { ResponseCount(scope: kind, name: scopeName, code: Int($0.status), flag: $0.flag.code, count: $0.count) }
        }
        return RunResult(
            scenarioName: scenarioName, seed: seed, endTime: now, summary: summary,
            timeseries: timeseries, events: events, responses: responses)
    }
}
