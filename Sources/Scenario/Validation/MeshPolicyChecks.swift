/// Istio routes and policies: destinations exist, and settings that would silently do
/// nothing are pointed out.
enum MeshPolicyChecks {
    /// Istio's default `maxEjectionPercent`.
    static let defaultMaxEjectionPercent = 10

    static func diagnostics(_ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for service in scenario.services {
            if !scenario.mesh.enabled {
                diagnostics += inactive(service)
            }
            for route in service.http ?? [] {
                diagnostics += destinations(route, of: service, names)
                if let retries = route.retries, let perTry = retries.perTryTimeout, let timeout = route.timeout, perTry >= timeout {
                    let message = "perTryTimeout \(DurationText.format(perTry)) is not shorter than the route timeout "
                        + "\(DurationText.format(timeout)), so Envoy ignores it"
                    diagnostics.append(.warning(message, at: retries.location))
                }
            }
            if let detection = service.trafficPolicy?.outlierDetection, let warning = neverEjects(detection, of: service, in: scenario) {
                diagnostics.append(warning)
            }
        }
        return diagnostics
    }

    private static func inactive(_ service: Service) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let policy = service.trafficPolicy {
            diagnostics.append(.warning("services.\(service.name).trafficPolicy is inactive while mesh.enabled is false", at: policy.location))
        }
        if let http = service.http {
            diagnostics.append(.warning(
                "services.\(service.name).http is inactive while mesh.enabled is false", at: http.first?.location ?? service.location))
        }
        return diagnostics
    }

    private static func destinations(_ route: HTTPRoute, of service: Service, _ names: NameIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for entry in route.route {
            if let problem = problem(entry.destination, names) {
                diagnostics.append(.error("destination of services.\(service.name).http: \(problem)", at: entry.location))
            }
        }
        if let mirror = route.mirror, let problem = problem(mirror, names) {
            diagnostics.append(.error("mirror of services.\(service.name).http: \(problem)", at: route.location))
        }
        return diagnostics
    }

    private static func problem(_ destination: Destination, _ names: NameIndex) -> String? {
        if let problem = names.serviceProblem(destination.host) { return problem }
        guard let subset = destination.subset else { return nil }
        return names.versionProblem(subset, of: destination.host)
    }

    /// Envoy ejects a host only if 100 × (ejected + 1) / hosts ≤ maxEjectionPercent, which
    /// also bounds the first ejection. Each destination cluster has its own detector: the whole
    /// service, or a subset that some `http` route sends to, so the smallest one decides.
    private static func neverEjects(_ detection: OutlierDetection, of service: Service, in scenario: Scenario) -> Diagnostic? {
        let maxPercent = detection.maxEjectionPercent ?? defaultMaxEjectionPercent
        let clusters = destinationClusters(of: service, in: scenario)
        guard let (label, hosts) = clusters.filter({ $0.hosts > 0 }).min(by: { $0.hosts < $1.hosts }),
              100 > Saturating.product(maxPercent, hosts)
        else { return nil }
        let neededPercent = hosts >= 100 ? 1 : (100 + hosts - 1) / hosts
        var remedy = "raise maxEjectionPercent to at least \(neededPercent)"
        if maxPercent > 0 {
            remedy += " or run at least \((100 + maxPercent - 1) / maxPercent) hosts"
        }
        let hostCount = hosts == 1 ? "1 host" : "\(hosts) hosts"
        let message = "outlier detection of \(label) can never eject: 100 × 1 / \(hostCount) > maxEjectionPercent "
            + "(\(maxPercent)), so no host is ever ejected; \(remedy)"
        return .warning(message, at: detection.location)
    }

    /// The clusters requests to `service` can go to, named and sized: each subset some route
    /// names, and the whole service when a route names it without a subset or no route names
    /// it at all (Istio's default route).
    private static func destinationClusters(of service: Service, in scenario: Scenario) -> [(label: String, hosts: Int)] {
        let destinations = scenario.services.flatMap { ($0.http ?? []).flatMap { $0.route.map(\.destination) + [$0.mirror].compactMap { $0 } } }
            .filter { $0.host == service.name }
        let whole = (label: service.name, hosts: service.versions.reduce(0) { Saturating.sum($0, $1.replicas) })
        guard !destinations.isEmpty else { return [whole] }
        var clusters: [(label: String, hosts: Int)] = []
        for destination in destinations {
            if let subset = destination.subset {
                if let version = service.version(named: subset) { clusters.append(("\(service.name)/\(subset)", version.replicas)) }
            } else {
                clusters.append(whole)
            }
        }
        return clusters
    }
}
