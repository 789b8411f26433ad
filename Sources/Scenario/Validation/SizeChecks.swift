/// Sizes that would make a run exhaust memory before it produced anything: meshsim keeps a
/// record per instance and a time-series row per interval and scope, so a typo such as
/// `replicas: 1000000000` or `interval: 1ms` over an hour must be an error, not a crash.
enum SizeChecks {
    static let maximumInstances = 100_000
    static let maximumGatewayReplicas = 10_000
    static let maximumUsers = 1_000_000
    static let maximumIntervals = 100_000
    /// About a quarter of an hour of simulation at a million requests per second.
    static let maximumOpenLoopRequests = 1_000_000_000.0
    static let maximumClientRetries = 100
    /// Kong's schema limit for a service's `retries`.
    static let maximumRouteRetries = 32_767

    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var instances = 0
        for service in scenario.services {
            for version in service.versions { instances = min(instances + min(version.replicas, maximumInstances + 1), Int.max / 2) }
        }
        if instances > maximumInstances, let first = scenario.services.first {
            found.append(.error("the services have \(instances) instances in all; meshsim simulates at most \(maximumInstances)", at: first.location))
        }
        if let gateway = scenario.gateway {
            if gateway.replicas > maximumGatewayReplicas {
                found.append(.error("gateway.replicas is \(gateway.replicas); meshsim simulates at most \(maximumGatewayReplicas)", at: gateway.location))
            }
            for route in gateway.routes where route.retries > maximumRouteRetries {
                found.append(.error("route '\(route.name)' retries \(route.retries) times; Kong allows at most \(maximumRouteRetries)", at: route.location))
            }
        }
        for client in scenario.clients {
            if case .users(let users, _) = client.arrival, users > maximumUsers {
                found.append(.error("client '\(client.name)' has \(users) users; meshsim simulates at most \(maximumUsers) per client", at: client.location))
            }
            let requests = openLoopRequests(client.arrival, duration: scenario.duration)
            if requests > maximumOpenLoopRequests {
                found.append(.error(
                    "client '\(client.name)' would send about \(countText(requests)) requests; meshsim simulates at most \(Int(maximumOpenLoopRequests)) per client (lower the rate or the duration)",
                    at: client.location))
            }
            if let retries = client.retries, retries.attempts > maximumClientRetries {
                found.append(.error("client '\(client.name)' retries \(retries.attempts) times; meshsim allows at most \(maximumClientRetries)", at: client.location))
            }
        }
        if scenario.interval > 0, scenario.duration / scenario.interval > Int64(maximumIntervals) {
            let location = scenario.sectionLocations["interval"] ?? scenario.sectionLocations["duration"] ?? SourceLocation(file: "", line: 1, column: 1)
            found.append(.error(
                "interval \(DurationText.format(scenario.interval)) splits duration \(DurationText.format(scenario.duration)) into more than \(maximumIntervals) time-series rows per scope; use a longer interval",
                at: location))
        }
        return found
    }

    /// A whole number as text, however large the estimate.
    private static func countText(_ value: Double) -> String {
        value < 9e18 ? String(Int64(value.rounded())) : "\(value)"
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
