import Engine
import Policy
import Scenario

/// The mesh's stages for `eval` at the caller's sidecar: VirtualService rule, fault
/// injection, weight draw, retry and timeout policy, then the destination's circuit breaker,
/// outlier detection and load balancer choosing an instance.
struct MeshEvaluation {
    let scenario: Scenario
    let service: Service
    let request: EvalRequest

    func run(into report: inout EvalReport, _ rng: inout RandomStream) {
        guard scenario.mesh.enabled else {
            let versions = service.versions.map { "\($0.name) \($0.replicas)" }.joined(separator: ", ")
            let byGateway = scenario.gateway?.upstreams.contains { $0.service == service.name } == true
                ? "by the gateway's Kong upstream (above)" : "round-robin by the gateway"
            report.line("mesh", "disabled: no sidecars; \(service.name)'s instances are picked \(byGateway), at random by other callers (replicas: \(versions))")
            if service.trafficPolicy != nil || service.http != nil {
                report.more("\(service.name)'s trafficPolicy and http are inactive while mesh.enabled is false")
            }
            report.decide("reaches \(service.name)")
            return
        }
        let security = SecurityEvaluation(scenario: scenario, request: request)
        if let security, !security.caller.hasSidecar {
            direct(security, into: &report, &rng)
            return
        }
        let router = VirtualServiceRouter(host: service.name, routes: service.http)
        let meshRequest = MeshRequest(method: request.method, path: request.path, headers: request.headers)
        guard let rule = router.match(meshRequest) else {
            report.line("mesh route", "\(service.name): no http rule matches: 404 (NR)")
            report.decide("404 (NR): no mesh route to \(service.name)")
            return
        }
        let route = router.routes[rule]
        report.line("mesh route", service.http == nil
            ? "\(service.name): no VirtualService, Istio's default route to every instance"
            : "\(service.name): rule \(rule)\(route.name.map { " (\($0))" } ?? "")\(route.match.isEmpty ? ", matches everything" : ", first matching rule")")
        var delayed = ""
        switch FaultInjectionPolicy(route.fault).decide(&rng) {
        case .none: if route.fault != nil { report.line("fault", "configured, not drawn for this request") }
        case .delay(let delay):
            report.line("fault", "delay \(DurationText.format(delay)) (DI) before routing")
            delayed = "delayed \(DurationText.format(delay)) (DI), "
        case .abort(let status):
            report.line("fault", "abort \(status) (FI): the sidecar answers, never retried")
            report.decide("\(status) (FI): injected fault")
            return
        case .delayThenAbort(let delay, let status):
            report.line("fault", "delay \(DurationText.format(delay)) (DI), then abort \(status) (FI)")
            report.decide("delayed \(DurationText.format(delay)) (DI), then \(status) (FI): injected fault")
            return
        }
        guard let pick = router.pickDestination(rule: rule, &rng) else {
            report.line("destination", "every destination weighs 0: nothing can be routed (503)")
            report.decide("503: every destination weighs 0")
            return
        }
        let destinations = route.route
        if destinations.count > 1 {
            let weights = destinations.map { "\($0.destination.subset ?? $0.destination.host) \($0.weight ?? 0)" }.joined(separator: ", ")
            report.line("weights", "\(weights) → drew \(destinations[pick].destination.subset ?? destinations[pick].destination.host)")
        }
        let destination = destinations[pick].destination
        let retry = RetryPolicy(route.retries, routeTimeout: route.timeout)
        report.line("retries", retry.summary)
        if let mirror = route.mirror, router.shouldMirror(rule: rule, &rng) {
            report.line("mirror", "a copy goes to \(mirror.host)\(mirror.subset.map { "/\($0)" } ?? ""), its answer ignored")
        }
        endpoint(destination, security, into: &report, &rng)
        report.decide(delayed + report.verdict)
    }

    /// A caller without a sidecar reaches the Kubernetes Service itself: kube-proxy picks any
    /// instance of any version, and no VirtualService or DestinationRule applies.
    private func direct(_ security: SecurityEvaluation, into report: inout EvalReport, _ rng: inout RandomStream) {
        report.line("mesh route", "\(security.caller.name) has no sidecar: it calls the Kubernetes Service \(service.name) directly (no VirtualService, no DestinationRule)")
        let instances = service.versions.flatMap { version in (0..<max(version.replicas, 0)).map { (version, $0) } }
        guard !instances.isEmpty else {
            report.line("instance", "none: \(service.name) has no instance (connection refused)")
            report.decide("connection refused: \(service.name) has no instance")
            return
        }
        let (version, index) = instances[rng.nextInt(below: instances.count)]
        report.line("instance", "\(service.name)/\(version.name)/\(index), picked at random by kube-proxy")
        guard security.run(service, version, into: &report) else { return }
        report.decide("reaches \(service.name)/\(version.name)")
    }

    private func endpoint(_ destination: Destination, _ security: SecurityEvaluation?, into report: inout EvalReport, _ rng: inout RandomStream) {
        guard let host = scenario.service(named: destination.host) else { return }
        let versions = destination.subset.flatMap { subset in host.versions.filter { $0.name == subset } } ?? host.versions
        let instances = versions.flatMap { version in (0..<version.replicas).map { "\(host.name)/\(version.name)/\($0)" } }
        let instanceVersions = versions.flatMap { version in (0..<version.replicas).map { _ in version } }
        let policy = host.trafficPolicy
        let breaker = CircuitBreaker(policy?.connectionPool)
        report.line("breaker", "\(Self.limit(breaker.maxRequests)) requests in flight, \(Self.limit(breaker.maxConnections)) connections, \(Self.limit(breaker.maxPendingRequests)) pending, \(Self.limit(breaker.maxRetries)) retries in flight (per caller)")
        let detector = OutlierDetector(policy?.outlierDetection, hosts: instances.count)
        if detector.isEnabled {
            let config = detector.config
            report.line("outlier", "eject after \(config.consecutive5xxErrors) consecutive 5xx\(config.consecutiveGatewayErrors > 0 ? " or \(config.consecutiveGatewayErrors) gateway errors" : ""), for \(DurationText.format(config.baseEjectionTime)) × ejections, at most \(config.maxEjectionPercent)% of \(instances.count) hosts")
        } else {
            report.line("outlier", "off (no outlierDetection): nothing is ejected; below 50% healthy hosts the balancer uses all")
        }
        var balancer = LoadBalancer(policy?.loadBalancer, hosts: instances.count, seed: &rng)
        let hashKey = balancer.hashHeader.flatMap { name in request.headers.first { $0.name.lowercased() == name.lowercased() }?.value }
        let chosen = balancer.pick(.healthy(count: instances.count), isHealthy: { _ in true }, active: { _ in 0 }, hashKey: hashKey, &rng)
        report.line("balancer", "\(Self.describe(balancer.algorithm)) over \(instances.count) instance\(instances.count == 1 ? "" : "s") of \(destination.host)\(destination.subset.map { "/\($0)" } ?? "")")
        report.line("instance", chosen.map { instances[$0] } ?? "none: 503 no healthy upstream (UH)")
        let target = "\(destination.host)\(destination.subset.map { "/\($0)" } ?? "")"
        guard let chosen else {
            report.decide("503 (UH): no healthy upstream in \(target)")
            return
        }
        if let security, security.applies(to: instanceVersions[chosen]), !security.run(host, instanceVersions[chosen], into: &report) { return }
        report.decide("reaches \(target)")
    }

    private static func limit(_ value: Int) -> String {
        value >= CircuitBreaker.unlimited ? "unlimited" : String(value)
    }

    private static func describe(_ algorithm: LoadBalancer.Algorithm) -> String {
        switch algorithm {
        case .leastRequest: return "LEAST_REQUEST (two random picks, fewer active requests wins)"
        case .roundRobin: return "ROUND_ROBIN"
        case .random: return "RANDOM"
        case .ringHash(let header): return "consistent hash on header \(header)"
        }
    }
}
