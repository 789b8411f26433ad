import Scenario

/// Istio weights that send nothing: a declared version with instances that no `http` route
/// sends traffic to (they run idle and never show up in the results; a version scaled to 0
/// has none to idle), and a rule whose weights are all 0, which Istio rejects ("total
/// destination weight = 0").
enum SubsetTrafficLint {
    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for service in scenario.services {
            let rules = service.http ?? []
            let router = VirtualServiceRouter(host: service.name, routes: rules)
            for index in router.rulesWithoutDestination where !isRolloutRule(index, of: service, scenario) {
                let rule = rules[index]
                let message = "services.\(service.name).http[\(index)] routes nothing: every destination has weight 0 "
                    + "(a weight left out is 0 when there are several destinations), and Istio rejects such a rule "
                    + "(total destination weight = 0); give at least one destination a weight above 0"
                found.append(.warning(message, at: rule.location))
            }
        }
        // Without the mesh the split follows replica counts; a misspelled destination is an
        // error that may well be the route meant for the idle version.
        guard scenario.mesh.enabled, !hasUnknownDestination(scenario) else { return found }
        let traffic = Traffic(scenario)
        for service in scenario.services where service.hasDeclaredVersions && service.http != nil && !traffic.everyVersion.contains(service.name) {
            let owned = rolloutVersions(of: service, scenario)
            for version in service.versions
            where version.replicas > 0 && !owned.contains(version.name) && !traffic.served.contains(key(service.name, version.name)) {
                let reason = traffic.named.contains(key(service.name, version.name))
                    ? "the http routes name it only with weight 0; give it a weight above 0"
                    : "no http route sends to it; add a destination with subset \(version.name) and a weight above 0"
                found.append(.warning("version \(version.name) of \(service.name) gets no traffic: \(reason), or remove the version", at: version.location))
            }
        }
        return found
    }

    /// Which versions some rule sends requests (or mirrored copies) to.
    private struct Traffic {
        /// `service/version` with a share above 0.
        var served: Set<String> = []
        /// `service/version` named by any destination, whatever its weight.
        var named: Set<String> = []
        /// Services reached by a destination without subset, which spreads over all versions.
        var everyVersion: Set<String> = []

        init(_ scenario: Scenario) {
            for service in scenario.services {
                let router = VirtualServiceRouter(host: service.name, routes: service.http ?? [])
                for (index, rule) in router.routes.enumerated() {
                    for (position, entry) in rule.route.enumerated() {
                        add(entry.destination, sending: router.sendsTraffic(rule: index, destination: position))
                    }
                    if let mirror = rule.mirror {
                        add(mirror, sending: router.mirrors(rule: index))
                    }
                }
            }
        }

        private mutating func add(_ destination: Destination, sending: Bool) {
            guard let subset = destination.subset else {
                if sending { everyVersion.insert(destination.host) }
                return
            }
            named.insert(key(destination.host, subset))
            if sending { served.insert(key(destination.host, subset)) }
        }
    }

    /// The rollout sets the weights of the service's last rule without match, and moves
    /// traffic between its stable and canary versions itself.
    private static func isRolloutRule(_ index: Int, of service: Service, _ scenario: Scenario) -> Bool {
        guard scenario.rollout?.service == service.name else { return false }
        return service.http?.lastIndex { $0.match.isEmpty } == index
    }

    private static func rolloutVersions(of service: Service, _ scenario: Scenario) -> Set<String> {
        guard let rollout = scenario.rollout, rollout.service == service.name else { return [] }
        return [rollout.stable, rollout.canary]
    }

    private static func hasUnknownDestination(_ scenario: Scenario) -> Bool {
        var versions: [String: Set<String>] = [:]
        for service in scenario.services { versions[service.name] = Set(service.versions.map(\.name)) }
        return scenario.services.contains { service in
            (service.http ?? []).contains { rule in
                (rule.route.map(\.destination) + (rule.mirror.map { [$0] } ?? [])).contains { destination in
                    guard let known = versions[destination.host] else { return true }
                    return destination.subset.map { !known.contains($0) } ?? false
                }
            }
        }
    }

    private static func key(_ service: String, _ version: String) -> String {
        "\(service)/\(version)"
    }
}
