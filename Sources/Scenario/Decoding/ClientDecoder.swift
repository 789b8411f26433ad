/// `clients[*]`: who sends traffic, how much, and what each request carries.
enum ClientDecoder {
    static func decode(_ node: YAMLNode, path: String, hasGateway: Bool, context: DecodeContext) -> Client? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let values = reader.values
        let name = reader.read("name", required: true) { Names.check($0, $1, values) }
        let target = decodeTarget(reader, hasGateway: hasGateway)
        let arrival = decodeArrival(reader)
        let timeout = reader.duration("timeout", .positive)
        let retries = reader.read("retries") { ClientPartsDecoder.retries($0, path: $1, context: context) }
        let addresses = reader.int("addresses", 1...Int.max)
        let credential = reader.read("credential") { ClientPartsDecoder.credential($0, path: $1, context: context) }
        let invalidCredentials = reader.percent("invalidCredentials")
        let zone = ZoneDecoder.zones(reader, single: true)?.first
        let requests = reader.read("requests") { node, path in
            ScenarioDecoder.nonEmptyList(node, path, values) { ClientPartsDecoder.request($0, path: $1, context: context) }
        }
        let identity = decodeIdentity(reader)
        reader.finish()
        guard let name, let target, let arrival else { return nil }
        if target == .gateway {
            for key in ["sidecar", "namespace", "serviceAccount"] where reader.has(key) {
                context.warning(
                    "\(reader.path(key)) has no effect: a client of the gateway calls it from outside the mesh (only a client that targets a service is a mesh workload)",
                    at: reader.location(of: key))
            }
        }
        var client = Client(
            name: name, target: target, arrival: arrival, timeout: timeout, retries: retries,
            addresses: addresses ?? 1, credential: credential?.credential, invalidCredentials: invalidCredentials ?? 0,
            requests: requests ?? [RequestTemplate()], location: node.location
        )
        client.identity = WorkloadIdentity(
            sidecar: identity.sidecar ?? true, namespace: identity.namespace ?? context.namespace,
            serviceAccount: identity.serviceAccount ?? name)
        client.jwtClaims = credential?.claims ?? JWTClaims()
        client.zone = zone
        return client
    }

    /// `sidecar`, `namespace` and `serviceAccount` as written (nil = the default).
    private static func decodeIdentity(_ reader: MappingReader) -> (sidecar: Bool?, namespace: String?, serviceAccount: String?) {
        let sidecar = reader.bool("sidecar")
        let namespace = reader.read("namespace") { Names.namespace($0, $1, reader.values) }
        let serviceAccount = reader.read("serviceAccount") { Names.serviceAccount($0, $1, reader.values) }
        return (sidecar, namespace, serviceAccount)
    }

    private static func decodeTarget(_ reader: MappingReader, hasGateway: Bool) -> Client.Target? {
        if let target = reader.nonEmptyString("target") {
            return target == "gateway" ? .gateway : .service(target)
        }
        if reader.has("target") { return nil }
        if hasGateway { return .gateway }
        reader.context.error(
            "\(reader.path("target")) is required when there is no gateway section (write a service name)",
            at: reader.location)
        return nil
    }

    /// Exactly one of `rate` (open loop), `schedule` (open loop, varying) and `users` (closed loop).
    private static func decodeArrival(_ reader: MappingReader) -> Client.Arrival? {
        let context = reader.context
        let rate = reader.read("rate") { reader.values.rate($0, $1, positive: true) }
        let schedule = reader.read("schedule") { schedulePoints($0, path: $1, reader.values) }
        let users = reader.int("users", 1...Int.max)
        let spacing = reader.choice("arrival", [Client.Spacing.poisson, .uniform])
        let thinkTime = reader.distribution("thinkTime")

        let modes = ["rate", "schedule", "users"].filter { reader.has($0) }
        guard modes.count == 1, let mode = modes.first else {
            let message = modes.isEmpty
                ? "\(reader.path) needs one of rate, schedule or users"
                : "\(reader.path) must have only one of rate, schedule or users, not \(modes.joined(separator: " and "))"
            context.error(message, at: reader.location)
            return nil
        }
        if mode == "users", reader.has("arrival") {
            context.error("\(reader.path("arrival")) applies only with rate or schedule (open loop), not with users",
                          at: reader.location(of: "arrival"))
        }
        if mode != "users", reader.has("thinkTime") {
            context.error("\(reader.path("thinkTime")) applies only with users (closed loop), not with \(mode)",
                          at: reader.location(of: "thinkTime"))
        }
        switch mode {
        case "rate": return rate.map { .rate($0, spacing ?? .poisson) }
        case "schedule": return schedule.map { .schedule($0, spacing ?? .poisson) }
        default: return users.map { .users($0, thinkTime: thinkTime ?? .zero) }
        }
    }

    private static func schedulePoints(_ node: YAMLNode, path: String, _ values: ValueReader) -> [SchedulePoint]? {
        let points = ScenarioDecoder.nonEmptyList(node, path, values) { item, itemPath -> (SchedulePoint, YAMLNode)? in
            guard let reader = MappingReader(item, path: itemPath, context: values.context) else { return nil }
            let at = reader.duration("at", required: true)
            let rate = reader.read("rate", required: true) { values.rate($0, $1, positive: false) }
            reader.finish()
            guard let at, let rate, let atNode = reader.node("at") else { return nil }
            return (SchedulePoint(at: at, rate: rate), atNode)
        }
        guard let points else { return nil }
        for (previous, next) in zip(points, points.dropFirst()) where next.0.at < previous.0.at {
            values.fail(path, "points must be in time order: \(ValueReader.text(next.1)) comes after \(ValueReader.text(previous.1))", at: next.1)
            return nil
        }
        return points.map(\.0)
    }
}
