/// `gateway.upstreams` and `gateway.services` name services that exist, each once; with the
/// mesh an upstream has no effect, since Kong then sends to the Kubernetes Service and the
/// caller's sidecar balances (the Kong Ingress Controller's `ingress.kubernetes.io/service-upstream`).
enum KongUpstreamChecks {
    static func diagnostics(_ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        guard let gateway = scenario.gateway else { return [] }
        var diagnostics: [Diagnostic] = []
        let entries = gateway.upstreams.map { ("upstreams", $0.service, $0.location) }
            + gateway.services.map { ("services", $0.service, $0.location) }
        for (section, service, location) in entries {
            if let problem = names.serviceProblem(service) {
                diagnostics.append(.error("gateway.\(section).\(service): \(problem)", at: location))
            }
        }
        diagnostics += volume(scenario, gateway)
        if scenario.mesh.enabled {
            for upstream in gateway.upstreams {
                diagnostics.append(.warning(
                    "gateway.upstreams.\(upstream.service) has no effect while the mesh carries the gateway's calls "
                        + "(the sidecar balances and ejects; use a DestinationRule's loadBalancer and outlierDetection)",
                    at: upstream.location))
            }
        }
        return diagnostics
    }

    /// Kong keeps each target's health, connections and latency per gateway replica, and each
    /// replica probes each target on its timers: both multiply replicas by instances.
    private static func volume(_ scenario: Scenario, _ gateway: Gateway) -> [Diagnostic] {
        guard !scenario.mesh.enabled else { return [] }
        var instances: [String: Int] = [:]
        for service in scenario.services { instances[service.name] = service.versions.reduce(0) { Saturating.sum($0, $1.replicas) } }
        var slots = 0
        var probes = 0.0
        for upstream in gateway.upstreams {
            let targets = Saturating.product(gateway.replicas, instances[upstream.service] ?? 0)
            slots = Saturating.sum(slots, targets)
            for interval in [upstream.healthchecks.active.healthy.interval, upstream.healthchecks.active.unhealthy.interval] where interval > 0 {
                probes += Double(targets) * Double(scenario.duration) / Double(interval)
            }
        }
        var found: [Diagnostic] = []
        if slots > SizeLimits.kongTargetSlots, let first = gateway.upstreams.first {
            found.append(.error(
                "gateway.upstreams: Kong would keep \(CountText.grouped(slots)) target states (gateway replicas × the instances of each "
                    + "upstream's service), more than the \(CountText.grouped(SizeLimits.kongTargetSlots)) meshsim keeps; lower the replicas",
                at: first.location))
        }
        if probes > Double(SizeLimits.kongProbes), let first = gateway.upstreams.first(where: { $0.healthchecks.active.healthy.interval > 0 || $0.healthchecks.active.unhealthy.interval > 0 }) {
            found.append(.error(
                "gateway.upstreams.\(first.service).healthchecks.active: the gateway replicas would send up to \(CountText.grouped(probes)) "
                    + "probes in \(DurationText.format(scenario.duration)), more than the \(CountText.grouped(SizeLimits.kongProbes)) meshsim "
                    + "simulates; use a longer interval",
                at: first.location))
        }
        return found
    }
}
