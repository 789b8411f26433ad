/// `gateway:`: the edge with its replicas and global plugins: Kong with its routes, or Istio's
/// ingress gateway with its VirtualService `http` routes.
enum GatewayDecoder {
    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> Gateway? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let values = reader.values
        let kind = reader.choice("kind", Gateway.Kind.self)
        let http = IstioGatewayDecoder.http(reader)
        let replicas = reader.int("replicas", 1...Int.max)
        let workers = reader.int("workers", 1...Int.max)
        let queue = reader.int("queue", 0...Int.max)
        let latency = reader.distribution("latency")
        let plugins = reader.read("plugins") { PluginDecoder.decodeList($0, path: $1, context: context) }
        let upstreams = reader.read("upstreams") { KongUpstreamDecoder.decode($0, path: $1, context: context) }
        let services = reader.read("services") { KongServiceDecoder.decode($0, path: $1, context: context) }
        let routes = reader.read("routes") { node, path in
            Names.reportDuplicates(in: node, key: "name", of: "route", context)
            return ScenarioDecoder.list(node, path, values) { item, itemPath, _ in
                route(item, path: itemPath, services: services ?? [], context: context)
            }
        }
        let consumers = reader.read("consumers") { ConsumerDecoder.decode($0, path: $1, context: context) }
        let zones = ZoneDecoder.zones(reader)
        let identity = GatewayIdentityDecoder.decode(reader, kind: kind ?? .kong)
        reader.finish()
        var gateway = Gateway(
            replicas: replicas ?? 1, workers: workers, queue: queue, latency: latency ?? .zero,
            plugins: plugins ?? [], routes: routes ?? [], consumers: consumers ?? [], upstreams: upstreams ?? [],
            services: services ?? [], location: node.location
        )
        gateway.zones = zones ?? []
        gateway.identity = identity
        ConsumerDecoder.merge(into: &gateway, context: context)
        IstioGatewayDecoder.apply(kind: kind ?? .kong, http: http, to: &gateway)
        return gateway
    }

    /// A Kong route: `paths` are prefixes (default `/`), `methods` are upper-cased, `headers` map a
    /// name to the accepted values (a single value may be written without brackets).
    /// A route without its own `timeout`/`retries` takes its Kong service's (`services`): the
    /// first of its services, in file order, that has settings.
    private static func route(_ node: YAMLNode, path: String, services: [KongServiceSettings], context: DecodeContext) -> GatewayRoute? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let values = reader.values
        let name = reader.read("name", required: true) { Names.check($0, $1, values) }
        let paths = reader.read("paths") { node, path -> [String]? in
            guard let items = values.sequence(node, path) else { return nil }
            guard !items.isEmpty else {
                values.fail(path, "must list at least one path prefix (omit it to match every path)", at: node)
                return nil
            }
            let prefixes = items.enumerated().map { HTTPPaths.check($1, "\(path)[\($0)]", values) }
            return prefixes.contains(nil) ? nil : prefixes.compactMap { $0 }
        }
        let methods = reader.stringList("methods")?.map { $0.uppercased() }
        let headers = reader.read("headers") { node, path -> [HeaderCondition]? in
            guard let entries = values.entries(node, path) else { return nil }
            return entries.compactMap { entry -> HeaderCondition? in
                let entryPath = "\(path).\(entry.key)"
                if case .sequence = entry.value.value {
                    return values.stringList(entry.value, entryPath).map { HeaderCondition(name: entry.key, values: $0) }
                }
                return values.string(entry.value, entryPath).map { HeaderCondition(name: entry.key, values: [$0]) }
            }
        }
        let upstream = upstream(reader)
        let timeout = reader.duration("timeout", .positive)
        let retries = reader.int("retries", 0...Int.max)
        let plugins = reader.read("plugins") { PluginDecoder.decodeList($0, path: $1, context: context) }
        reader.finish(noEffect: ProductFields.routeNoEffect, notSimulated: ProductFields.routeNotSimulated, product: "Kong")
        guard let name, let upstream else { return nil }
        let settings = upstream.backends.lazy.compactMap { backend in services.first { $0.service == backend.service } }.first
        return GatewayRoute(
            name: name, paths: paths ?? ["/"], methods: methods ?? [], headers: headers ?? [], backends: upstream.backends,
            timeout: timeout ?? settings?.readTimeout ?? 60_000_000_000, retries: retries ?? settings?.retries ?? 5,
            plugins: plugins ?? [], composition: upstream.composition, location: node.location
        )
    }

    /// Exactly one of `service` (one upstream), `backends` (a weighted split, as a Gateway API
    /// HTTPRoute rule's `backendRefs`: weight 0 … 1,000,000, default 1) and `calls` (a composed
    /// answer, in a service's `calls` syntax, with its `onCallFailure`).
    private static func upstream(_ reader: MappingReader) -> (backends: [GatewayBackend], composition: RouteComposition?)? {
        let values = reader.values
        let service = reader.nonEmptyString("service")
        let backends = reader.read("backends") { node, path in
            ScenarioDecoder.nonEmptyList(node, path, values) { item, itemPath -> GatewayBackend? in
                guard let backend = MappingReader(item, path: itemPath, context: reader.context) else { return nil }
                let service = backend.nonEmptyString("service", required: true)
                let weight = backend.int("weight", 0...1_000_000)
                backend.finish()
                return service.map { GatewayBackend(service: $0, weight: weight ?? 1, location: item.location) }
            }
        }
        let calls = reader.read("calls") { node, path -> [CallStep]? in
            guard let steps = CallDecoder.decodeList(node, path: path, context: reader.context) else { return nil }
            guard !steps.isEmpty else {
                values.fail(path, "must list at least one call (or use service or backends)", at: node)
                return nil
            }
            return steps
        }
        let onCallFailure = reader.choice("onCallFailure", [Service.OnCallFailure.fail, .ignore])
        let written = ["service", "backends", "calls"].filter(reader.has)
        if reader.has("onCallFailure") && !reader.has("calls") {
            reader.context.error(
                "\(reader.path).onCallFailure applies only to a route with calls; remove it, or compose the route with calls",
                at: reader.location(of: "onCallFailure"))
            return nil
        }
        switch written {
        // At the route, where an unknown service has always been reported.
        case ["service"]: return service.map { ([GatewayBackend(service: $0, location: reader.location)], nil) }
        case ["backends"]: return backends.map { ($0, nil) }
        case ["calls"]: return calls.map { ([], RouteComposition(steps: $0, onCallFailure: onCallFailure ?? .fail)) }
        case []:
            reader.context.error("\(reader.path) needs one of service, backends or calls", at: reader.location)
        default:
            let list = written.joined(separator: " and ")
            reader.context.error(
                "\(reader.path) must have only one of service, backends or calls, not \(list)", at: reader.location(of: written[1]))
        }
        return nil
    }
}
