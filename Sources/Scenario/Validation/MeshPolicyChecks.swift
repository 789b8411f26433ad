/// Istio routes and policies: destinations exist, and settings that would silently do
/// nothing are pointed out.
enum MeshPolicyChecks {
    /// Istio's default `maxEjectionPercent`.
    static let defaultMaxEjectionPercent = 10

    static func diagnostics(_ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Every route's destinations and mirror by host, in file order: gathered once, as
        // each service's clusters are sized from them.
        let routed = Dictionary(grouping: scenario.services.flatMap { service in
            (service.http ?? []).flatMap { $0.route.map(\.destination) + [$0.mirror].compactMap { $0 } }
        }, by: \.host)
        for service in scenario.services {
            if !scenario.mesh.enabled {
                diagnostics += inactive(service)
            }
            for route in service.http ?? [] {
                diagnostics += destinations(route, of: service, names, scenario)
                if let retries = route.retries, let perTry = retries.perTryTimeout, let timeout = route.timeout, perTry >= timeout {
                    let message = "perTryTimeout \(DurationText.format(perTry)) is not shorter than the route timeout "
                        + "\(DurationText.format(timeout)), so Envoy ignores it"
                    diagnostics.append(.warning(message, at: retries.location))
                }
            }
            diagnostics += neverEjects(service, routedTo: routed[service.name] ?? [])
        }
        return diagnostics
    }

    private static func inactive(_ service: Service) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let policy = service.trafficPolicy {
            diagnostics.append(.warning("services.\(service.name).trafficPolicy is inactive while mesh.enabled is false", at: policy.location))
        }
        for version in service.versions {
            if let policy = version.trafficPolicy {
                diagnostics.append(.warning(
                    "services.\(service.name).versions.\(version.name).trafficPolicy is inactive while mesh.enabled is false", at: policy.location))
            }
        }
        if let http = service.http {
            diagnostics.append(.warning(
                "services.\(service.name).http is inactive while mesh.enabled is false", at: http.first?.location ?? service.location))
        }
        return diagnostics
    }

    private static func destinations(_ route: HTTPRoute, of service: Service, _ names: NameIndex, _ scenario: Scenario) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for entry in route.route {
            if let found = check(entry.destination, mirror: false, of: service, at: entry.location, names, scenario) {
                diagnostics.append(found)
            }
        }
        if let mirror = route.mirror, let found = check(mirror, mirror: true, of: service, at: route.location, names, scenario) {
            diagnostics.append(found)
        }
        return diagnostics
    }

    /// An unknown host is an error wherever it is written. An unknown subset is one inline;
    /// from a manifest it is a warning, as Kubernetes accepts the VirtualService and
    /// `istioctl analyze` reports IST0101, and the route then answers 503 NC in the run.
    private static func check(
        _ destination: Destination, mirror: Bool, of service: Service, at location: SourceLocation,
        _ names: NameIndex, _ scenario: Scenario
    ) -> Diagnostic? {
        let subject = "\(mirror ? "mirror" : "destination") of services.\(service.name).http"
        if let problem = names.serviceProblem(destination.host) { return .error("\(subject): \(problem)", at: location) }
        guard let subset = destination.subset, let problem = names.versionProblem(subset, of: destination.host) else { return nil }
        guard scenario.isManifest(location) else { return .error("\(subject): \(problem)", at: location) }
        let effect = mirror ? "Istio mirrors nothing to it" : "Istio answers 503 NC (no cluster found) for this route"
        let message = "\(subject): ReferencedResourceNotFound (IST0101): subset \(subset) of \(destination.host) is not defined by "
            + "any DestinationRule; \(effect)" + names.versionHint(subset, of: destination.host)
        return .warning(message, at: location)
    }

    /// Envoy ejects a host only if 100 × (ejected + 1) / hosts ≤ maxEjectionPercent, which
    /// also bounds the first ejection. Each destination cluster has its own detector, under
    /// the cluster's policy: the whole service under the service's `outlierDetection`, a subset
    /// some `http` route sends to under its own when it sets one (Istio's merge), else under
    /// the service's. For each `outlierDetection` written, the smallest cluster it governs decides.
    private static func neverEjects(_ service: Service, routedTo destinations: [Destination]) -> [Diagnostic] {
        let clusters = destinationClusters(of: service, routedTo: destinations)
        var found: [Diagnostic] = []
        if let detection = service.trafficPolicy?.outlierDetection {
            let governed = clusters.filter { cluster in
                cluster.subset.flatMap { service.version(named: $0)?.trafficPolicy?.outlierDetection } == nil
            }
            found += [neverEjects(detection, governing: governed)].compactMap { $0 }
        }
        for version in service.versions {
            guard let detection = version.trafficPolicy?.outlierDetection else { continue }
            found += [neverEjects(detection, governing: clusters.filter { $0.subset == version.name })].compactMap { $0 }
        }
        return found
    }

    private static func neverEjects(_ detection: OutlierDetection, governing clusters: [Cluster]) -> Diagnostic? {
        let maxPercent = detection.maxEjectionPercent ?? defaultMaxEjectionPercent
        guard let smallest = clusters.filter({ $0.hosts > 0 }).min(by: { $0.hosts < $1.hosts }),
              100 > Saturating.product(maxPercent, smallest.hosts)
        else { return nil }
        let hosts = smallest.hosts
        let neededPercent = hosts >= 100 ? 1 : (100 + hosts - 1) / hosts
        var remedy = "raise maxEjectionPercent to at least \(neededPercent)"
        if maxPercent > 0 {
            remedy += " or run at least \((100 + maxPercent - 1) / maxPercent) hosts"
        }
        let hostCount = hosts == 1 ? "1 host" : "\(hosts) hosts"
        let message = "outlier detection of \(smallest.label) can never eject: 100 × 1 / \(hostCount) > maxEjectionPercent "
            + "(\(maxPercent)), so no host is ever ejected; \(remedy)"
        return .warning(message, at: detection.location)
    }

    private struct Cluster {
        var label: String
        /// nil for the whole service.
        var subset: String?
        var hosts: Int
    }

    /// The clusters requests to `service` can go to, named and sized: each subset some route
    /// names (a subset the service lacks has no cluster), and the whole service when a route
    /// names it without a subset or no route names it at all (Istio's default route).
    private static func destinationClusters(of service: Service, routedTo destinations: [Destination]) -> [Cluster] {
        let whole = Cluster(label: service.name, subset: nil, hosts: service.versions.reduce(0) { Saturating.sum($0, $1.replicas) })
        guard !destinations.isEmpty else { return [whole] }
        var clusters: [Cluster] = []
        for destination in destinations {
            if let subset = destination.subset {
                if let version = service.version(named: subset) {
                    clusters.append(Cluster(label: "\(service.name)/\(subset)", subset: subset, hosts: version.replicas))
                }
            } else {
                clusters.append(whole)
            }
        }
        return clusters
    }
}
