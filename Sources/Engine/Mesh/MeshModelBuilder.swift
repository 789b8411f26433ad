import Policy
import Scenario

/// Compiles a scenario's mesh section and every service's `http` and `trafficPolicy`.
enum MeshModelBuilder {
    /// Paths interned while building the world, so that clients and calls can carry indices.
    struct PathTable {
        private(set) var paths: [String] = []
        private var index: [String: Int32] = [:]

        mutating func intern(_ path: String) -> Int32 {
            if let existing = index[path] { return existing }
            let id = Int32(paths.count)
            paths.append(path)
            index[path] = id
            return id
        }
    }

    static func build(
        _ scenario: Scenario, services: [World.ServiceModel], versions: [World.VersionModel],
        servers: [World.ServerModel], clients: [World.ClientModel], paths: PathTable
    ) -> MeshModel? {
        guard scenario.mesh.enabled else { return nil }
        var clusters: [MeshModel.Cluster] = []
        var policies: [TrafficPolicy?] = []
        var firstCluster: [Int] = []
        // Service timers first, at the service's index: a scenario without subset policies
        // queues its ticks exactly as before they existed.
        var intervals = scenario.services.map { $0.trafficPolicy?.outlierDetection.map { OutlierDetector.Config($0).interval } }
        for (index, service) in services.enumerated() {
            let declared = scenario.services[index]
            let serviceTimer: Int32 = intervals[index] == nil ? -1 : Int32(index)
            firstCluster.append(clusters.count)
            clusters.append(MeshModel.Cluster(service: index, version: nil, instances: service.instances, timer: serviceTimer))
            policies.append(declared.trafficPolicy)
            for (version, written) in zip(service.versions, declared.versions) {
                var timer = serviceTimer
                if let detection = written.trafficPolicy?.outlierDetection {
                    timer = Int32(intervals.count)
                    intervals.append(OutlierDetector.Config(detection).interval)
                }
                clusters.append(MeshModel.Cluster(service: index, version: version, instances: versions[version].instances, timer: timer))
                policies.append(TrafficPolicy.merged(declared.trafficPolicy, subset: written.trafficPolicy))
            }
        }
        let serviceIndex = Dictionary(services.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        func cluster(_ destination: Destination) -> Int32 {
            guard let service = serviceIndex[destination.host] else { return -1 }
            guard let subset = destination.subset else { return Int32(firstCluster[service]) }
            let offset = services[service].versions.firstIndex { versions[$0].name == subset }
            return offset.map { Int32(firstCluster[service] + 1 + $0 - services[service].versions.lowerBound) } ?? -1
        }
        func host(_ router: VirtualServiceRouter, firstCluster: Int) -> MeshModel.Host {
            let rules = router.routes.enumerated().map { rule, route in
                MeshModel.Rule(
                    retry: RetryPolicy(route.retries, routeTimeout: route.timeout), fault: FaultInjectionPolicy(route.fault),
                    destinations: route.route.map { cluster($0.destination) },
                    mirror: router.mirrors(rule: rule) ? route.mirror.map(cluster) ?? -1 : -1)
            }
            return MeshModel.Host(router: router, rules: rules, firstCluster: firstCluster)
        }
        var hosts = scenario.services.enumerated().map { index, service in
            host(VirtualServiceRouter(host: service.name, routes: service.http), firstCluster: firstCluster[index])
        }
        // Istio's ingress gateway: its VirtualService's rules send to clusters of any service,
        // so that a hop from a replica runs them as a sidecar runs a service's own.
        var edge: Int?
        if let gateway = scenario.gateway, gateway.kind == .istio {
            edge = hosts.count
            hosts.append(host(edgeRouter(gateway), firstCluster: 0))
        }
        var templates: [RequestTemplate] = []
        var firstTemplate: [Int] = []
        for (client, model) in zip(scenario.clients, clients) {
            firstTemplate.append(templates.count)
            templates += meshShapes(of: client, model, gateway: scenario.gateway)
        }
        let mtls = scenario.mesh.mtls == .strict ? Sampler(scenario.mesh.mtlsLatency) : nil
        return MeshModel(
            sidecarLatency: Sampler(scenario.mesh.sidecarLatency), mtlsLatency: mtls, clusters: clusters,
            clusterPolicies: policies, outlierIntervals: intervals, hosts: hosts, edge: edge,
            paths: paths.paths, templates: templates, firstTemplate: firstTemplate,
            versionWeights: versionWeights(scenario, services: services, versions: versions),
            proxies: proxies(scenario, servers: servers))
    }

    /// Instances, gateway replicas and clients that target a service, each unless written
    /// with `sidecar: false`.
    private static func proxies(_ scenario: Scenario, servers: [World.ServerModel]) -> Int {
        let versions = scenario.services.flatMap(\.versions)
        let gatewaySidecar = scenario.gateway?.identity.sidecar ?? true
        let instances = servers.filter { server in server.version.map { versions[$0].identity.sidecar } ?? gatewaySidecar }
        let clients = scenario.clients.filter { client in
            if case .service = client.target { return client.identity.sidecar } else { return false }
        }
        return instances.count + clients.count
    }

    /// The ingress gateway's VirtualService: its `http` rules and nothing else (no rule matches
    /// → 404 NR, as for any VirtualService).
    static func edgeRouter(_ gateway: Gateway) -> VirtualServiceRouter {
        VirtualServiceRouter(host: "", routes: gateway.http)
    }

    /// A version's route weight, as `timeseries.csv` reports it: its share of the traffic of
    /// the service's default rule (the last one without a `match`, the one a rollout moves).
    /// A destination with a subset gives that version its weight; one without a subset spreads
    /// its weight over the versions by replica count, as does a service without `http`.
    static func versionWeights(_ scenario: Scenario, services: [World.ServiceModel], versions: [World.VersionModel]) -> [Double] {
        var weights = Array(repeating: 0.0, count: versions.count)
        for (index, service) in scenario.services.enumerated() {
            let model = services[index]
            let instances = Double(model.instances.count)
            let destinations = service.http?.last { $0.match.isEmpty }?.route ?? []
            let written = destinations.count == 1 ? [1.0] : destinations.map { Double(max($0.weight ?? 0, 0)) }
            let total = written.reduce(0, +)
            guard total > 0, destinations.allSatisfy({ $0.destination.host == service.name }) else {
                for version in model.versions where instances > 0 {
                    weights[version] = 100 * Double(versions[version].instances.count) / instances
                }
                continue
            }
            for (destination, weight) in zip(destinations, written) {
                for version in model.versions {
                    if let subset = destination.destination.subset {
                        if versions[version].name == subset { weights[version] += 100 * weight / total }
                    } else if instances > 0 {
                        weights[version] += 100 * weight / total * Double(versions[version].instances.count) / instances
                    }
                }
            }
        }
        return weights
    }
}
