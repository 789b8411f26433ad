/// Sizes that would make a run exhaust memory before it produced anything: meshsim keeps a
/// record per instance and a time-series row per interval and scope, so a typo such as
/// `replicas: 1000000000` or `interval: 1ms` over an hour must be an error, not a crash.
enum SizeChecks {
    static let maximumInstances = 100_000
    static let maximumGatewayReplicas = 10_000
    static let maximumUsers = 1_000_000
    static let maximumIntervals = 100_000

    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        var found: [Diagnostic] = []
        var instances = 0
        for service in scenario.services {
            for version in service.versions { instances += version.replicas }
        }
        if instances > maximumInstances, let first = scenario.services.first {
            found.append(.error("the services have \(instances) instances in all; meshsim simulates at most \(maximumInstances)", at: first.location))
        }
        if let gateway = scenario.gateway, gateway.replicas > maximumGatewayReplicas {
            found.append(.error("gateway.replicas is \(gateway.replicas); meshsim simulates at most \(maximumGatewayReplicas)", at: gateway.location))
        }
        for client in scenario.clients {
            if case .users(let users, _) = client.arrival, users > maximumUsers {
                found.append(.error("client '\(client.name)' has \(users) users; meshsim simulates at most \(maximumUsers) per client", at: client.location))
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
}
