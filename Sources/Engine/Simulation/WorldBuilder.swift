import Policy
import Scenario

/// Compiles a validated `Scenario` into the index-based `World` the simulation runs on.
enum WorldBuilder {
    /// `progress` hears (services built, services in all) every `progressServices` services.
    static func build(_ scenario: Scenario, progress: ((Int, Int) -> Void)? = nil) -> World {
        let serviceIndex = Dictionary(scenario.services.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let gatewayReplicas = scenario.gateway?.replicas ?? 0

        var servers: [World.ServerModel] = (0..<gatewayReplicas).map { replica in
            World.ServerModel(
                name: "gateway/\(replica)", version: nil,
                capacity: scenario.gateway?.workers ?? Int.max, queueLimit: scenario.gateway?.queue ?? Int.max)
        }
        var paths = MeshModelBuilder.PathTable()
        var services: [World.ServiceModel] = []
        var versions: [World.VersionModel] = []
        for (index, service) in scenario.services.enumerated() {
            if index % Self.progressServices == 0 { progress?(index, scenario.services.count) }
            let firstVersion = versions.count
            let firstInstance = servers.count
            for version in service.versions {
                let instanceStart = servers.count
                for replica in 0..<version.replicas {
                    servers.append(World.ServerModel(
                        name: "\(service.name)/\(version.name)/\(replica)", version: versions.count,
                        capacity: version.concurrency, queueLimit: version.queue ?? Int.max))
                }
                versions.append(World.VersionModel(
                    name: version.name, service: index, instances: instanceStart..<servers.count,
                    latency: Sampler(version.latency), errors: version.errors, errorStatus: version.errorStatus,
                    steps: version.calls.map { step(of: $0, serviceIndex, &paths) },
                    failOnCallFailure: version.onCallFailure == .fail))
            }
            services.append(World.ServiceModel(
                name: service.name, versions: firstVersion..<versions.count, instances: firstInstance..<servers.count))
        }

        // Kong routes only: Istio's ingress gateway routes by its VirtualService (`gateway.http`).
        let gatewayRoutes = scenario.gateway?.kind == .kong ? scenario.gateway?.routes ?? [] : []
        var routes = gatewayRoutes.map { route in
            var model = World.RouteModel(
                name: route.name, backends: route.backends.map { serviceIndex[$0.service] ?? 0 }, split: BackendSplit(route),
                timeout: route.timeout, retries: route.retries)
            if let composition = route.composition {
                model.backends = route.services.map { serviceIndex[$0] ?? 0 }
                model.steps = composition.steps.map { step(of: $0, serviceIndex, &paths) }
                model.failOnCallFailure = composition.onCallFailure == .fail
            }
            if let gateway = scenario.gateway { GatewayPlanBuilder.addTransformerWork(to: &model, gateway: gateway, route: route) }
            return model
        }
        let router = GatewayRouter(scenario.gateway)
        if let edge = router.edge { routes = edgeRoutes(edge, serviceIndex) }
        var plans = GatewayPlanBuilder(scenario: scenario)
        let clients = scenario.clients.map { client(of: $0, serviceIndex, router, &plans, &paths) }
        let mesh = MeshModelBuilder.build(
            scenario, services: services, versions: versions, servers: servers, clients: clients, paths: paths)

        var world = World(
            clients: clients, routes: routes, services: services, versions: versions, servers: servers,
            gatewayReplicas: gatewayReplicas, gatewayLatency: Sampler(scenario.gateway?.latency ?? .zero),
            gatewayCounters: plans.counters(),
            faults: scenario.faults, duration: scenario.duration, warmup: scenario.warmup, interval: scenario.interval,
            mesh: mesh, rollout: RolloutModel(scenario, services: services, versions: versions))
        world.security = SecurityModel.build(scenario, world: world)
        (world.kongUpstreams, world.kongUpstreamOf) = KongUpstreamModel.build(
            scenario, services: services, servers: servers, replicas: gatewayReplicas)
        world.locality = LocalityModel.build(scenario)
        return world
    }

    static let progressServices = 256

    /// Istio's ingress gateway: one route per rule of its VirtualService, for the per-route
    /// report rows; its requests go to the mesh hop (`MeshModel.edge`), never through `split`.
    private static func edgeRoutes(_ router: VirtualServiceRouter, _ serviceIndex: [String: Int]) -> [World.RouteModel] {
        router.routes.enumerated().map { index, rule in
            var seen: Set<Int> = []
            let services = rule.route.compactMap { serviceIndex[$0.destination.host] }.filter { seen.insert($0).inserted }
            return World.RouteModel(
                name: rule.name ?? "http[\(index)]", backends: services, split: BackendSplit(weights: []), timeout: 0, retries: 0)
        }
    }

    private static func step(
        of callStep: CallStep, _ serviceIndex: [String: Int], _ paths: inout MeshModelBuilder.PathTable
    ) -> World.Step {
        World.Step(calls: callStep.calls.map { call in
            World.Call(service: serviceIndex[call.service] ?? 0, percent: call.percent, path: call.path.map { paths.intern($0) } ?? -1)
        })
    }

    private static func client(
        of client: Client, _ serviceIndex: [String: Int], _ router: GatewayRouter, _ plans: inout GatewayPlanBuilder,
        _ paths: inout MeshModelBuilder.PathTable
    ) -> World.ClientModel {
        var arrival: ArrivalProcess?
        var users = 0
        var think = Distribution.zero
        switch client.arrival {
        case .rate(let rate, let spacing): arrival = ArrivalProcess(rate: rate, spacing: spacing)
        case .schedule(let points, let spacing): arrival = ArrivalProcess(points: points, spacing: spacing)
        case .users(let count, let thinkTime):
            users = count
            think = thinkTime
        }
        var targetService: Int?
        if case .service(let name) = client.target { targetService = serviceIndex[name] }

        var cumulative: [Double] = []
        var total = 0.0
        for template in client.requests {
            total += template.weight
            cumulative.append(total)
        }
        let templateRoutes = client.requests.map(router.route)
        return World.ClientModel(
            name: client.name, targetService: targetService, arrival: arrival, users: users, thinkTime: Sampler(think),
            timeout: client.timeout, retries: client.retries, templateCumulativeWeights: cumulative.map { $0 / total },
            gatewayPlans: plans.plans(for: client, routes: templateRoutes), addresses: max(client.addresses, 1),
            invalidCredentials: client.invalidCredentials, templatePaths: client.requests.map { paths.intern($0.path) },
            keySamplers: client.requests.map { $0.keys.map(KeySampler.init) })
    }
}
