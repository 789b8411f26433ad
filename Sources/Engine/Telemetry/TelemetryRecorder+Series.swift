import Scenario

/// The recorded series with the model's names, for `RunResult.telemetry`.
extension TelemetryRecorder {
    func telemetry(_ world: World) -> RunTelemetry {
        let mesh = self.mesh.keys.indices.map { series in
            let key = self.mesh.keys[series]
            let source = sourceWorkload(Int(key.source), world)
            return MeshTelemetrySeries(
                reporter: key.destinationReporter ? .destination : .source, sourceWorkload: source.workload,
                sourceVersion: source.version, destinationService: world.services[Int(key.service)].name,
                destinationVersion: key.version >= 0 ? world.versions[Int(key.version)].name : "unknown",
                responseCode: Int(key.status), responseFlags: key.flag.code, mutualTLS: mutualTLS,
                firstSample: self.mesh.firstSample[series], points: self.mesh.points[series])
        }
        let requests = gateway.keys.indices.map { series in
            let key = gateway.keys[series]
            let route = routeNames(Int(key.route), world)
            return GatewayRequestSeries(
                service: route.service, route: route.route, code: Int(key.status), answeredByGateway: key.answeredByGateway,
                consumer: nil, firstSample: gateway.firstSample[series], counts: gateway.countPoints[series])
        }
        let latency = gateway.latencyRoutes.indices.map { series in
            let route = routeNames(Int(gateway.latencyRoutes[series]), world)
            return GatewayLatencySeries(
                service: route.service, route: route.route, firstSample: gateway.latencyFirstSample[series],
                request: gateway.requestPoints[series], upstream: gateway.upstreamPoints[series])
        }
        // Istio's ingress gateway exports no Kong series: its hops are in the mesh's.
        let kong = world.mesh?.edge == nil
        return RunTelemetry(
            sampleTimes: sampleTimes, meshBounds: MeshTelemetryRecorder.bounds, gatewayBounds: GatewayTelemetryRecorder.bounds,
            mesh: mesh, gatewayRequests: kong ? requests : [], gatewayLatency: kong ? latency : [])
    }

    /// Clients first, then the gateway, then each version (see the type's comment).
    private func sourceWorkload(_ source: Int, _ world: World) -> (workload: String, version: String?) {
        if source < world.clients.count { return (world.clients[source].name, nil) }
        let version = source - world.clients.count - 1
        guard world.versions.indices.contains(version) else {
            return (MetricsFormat.gatewayWorkload(world.mesh?.edge == nil ? .kong : .istio), nil)
        }
        return (world.services[world.versions[version].service].name, world.versions[version].name)
    }

    /// A route's name and its Kong service: the backend's name, or the backends' names joined
    /// by `+` for a split (the Kong Ingress Controller makes one Kong service of a rule's
    /// backendRefs). A request no route matched has neither, as Kong labels it.
    private func routeNames(_ route: Int, _ world: World) -> (route: String, service: String) {
        guard world.routes.indices.contains(route) else { return ("", "") }
        var names: [String] = []
        for backend in world.routes[route].backends where !names.contains(world.services[backend].name) {
            names.append(world.services[backend].name)
        }
        return (world.routes[route].name, names.joined(separator: "+"))
    }
}
