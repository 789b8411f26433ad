/// `services:`: NAME → service, with versions that inherit the service-level fields.
enum ServiceDecoder {
    static func decodeAll(_ node: YAMLNode, path: String, context: DecodeContext) -> [Service]? {
        let values = ValueReader(context: context)
        guard let entries = values.entries(node, path) else { return nil }
        guard !entries.isEmpty else {
            values.fail(path, "must define at least one service", at: node)
            return nil
        }
        return entries.compactMap { entry in
            guard let name = Names.check(entry.key, "service name", at: entry.keyLocation, context) else { return nil }
            // `gateway` names the gateway in client targets, fault targets and partitions.
            guard name != "gateway" else {
                context.error("a service cannot be named 'gateway': the name stands for the gateway in targets", at: entry.keyLocation)
                return nil
            }
            return decode(entry.value, name: name, path: "\(path).\(name)", context: context)
        }
    }

    private static func decode(_ node: YAMLNode, name: String, path: String, context: DecodeContext) -> Service? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let shared = VersionFields(reader)
        let namespace = reader.read("namespace") { Names.namespace($0, $1, reader.values) } ?? context.namespace
        let port = reader.int("port", 1...65535)
        let versions = reader.read("versions") { node, path -> [ServiceVersion]? in
            guard let entries = reader.values.entries(node, path) else { return nil }
            guard !entries.isEmpty else {
                reader.values.fail(path, "must define at least one version (omit it for a single version)", at: node)
                return nil
            }
            return entries.compactMap { entry -> ServiceVersion? in
                guard let versionName = Names.check(entry.key, "version name", at: entry.keyLocation, context),
                      let versionReader = MappingReader(entry.value, path: "\(path).\(versionName)", context: context)
                else { return nil }
                let own = VersionFields(versionReader)
                // A DestinationRule subset's own policy: never inherited, merged over the
                // service's where its cluster is built (`Service.trafficPolicy(subset:)`).
                let policy = versionReader.read("trafficPolicy") { TrafficPolicyDecoder.decode($0, path: $1, context: context) }
                versionReader.finish()
                var version = own.inheriting(shared).version(
                    named: versionName, of: name, namespace: namespace, at: entry.value.location)
                version.trafficPolicy = policy
                return version
            }
        }
        let trafficPolicy = reader.read("trafficPolicy") { TrafficPolicyDecoder.decode($0, path: $1, context: context) }
        let http = reader.read("http") { HTTPRouteDecoder.decodeList($0, path: $1, owner: name, context: context) }
        reader.finish()
        let declared = reader.has("versions")
        var service = Service(
            name: name,
            versions: declared ? versions ?? [] : [shared.version(named: "default", of: name, namespace: namespace, at: node.location)],
            trafficPolicy: trafficPolicy, http: http, hasDeclaredVersions: declared, location: node.location
        )
        service.namespace = namespace
        service.port = port
        return service
    }
}

/// The fields a service and its versions share; nil = not written here.
private struct VersionFields {
    var replicas: Int?
    var concurrency: Int?
    var queue: Int?
    var latency: Distribution?
    var errors: Double?
    var errorStatus: Int?
    var calls: [CallStep]?
    var onCallFailure: Service.OnCallFailure?
    var zones: [String]?
    var sidecar: Bool?
    var serviceAccount: String?
    var labels: [String: String]?

    init(_ reader: MappingReader) {
        replicas = reader.int("replicas", 0...Int.max)
        concurrency = reader.int("concurrency", 1...Int.max)
        queue = reader.int("queue", 0...Int.max)
        latency = reader.distribution("latency")
        errors = reader.percent("errors")
        errorStatus = reader.int("errorStatus", 400...599)
        calls = reader.read("calls") { CallDecoder.decodeList($0, path: $1, context: reader.context) }
        onCallFailure = reader.choice("onCallFailure", [Service.OnCallFailure.fail, .ignore])
        zones = ZoneDecoder.zones(reader)
        sidecar = reader.bool("sidecar")
        serviceAccount = reader.read("serviceAccount") { Names.serviceAccount($0, $1, reader.values) }
        labels = reader.read("labels") { WorkloadSelectorDecoder.labels($0, path: $1, values: reader.values) }
    }

    /// These fields where written, else the service's.
    func inheriting(_ service: VersionFields) -> VersionFields {
        var merged = self
        merged.replicas = replicas ?? service.replicas
        merged.concurrency = concurrency ?? service.concurrency
        merged.queue = queue ?? service.queue
        merged.latency = latency ?? service.latency
        merged.errors = errors ?? service.errors
        merged.errorStatus = errorStatus ?? service.errorStatus
        merged.calls = calls ?? service.calls
        merged.onCallFailure = onCallFailure ?? service.onCallFailure
        merged.sidecar = sidecar ?? service.sidecar
        merged.serviceAccount = serviceAccount ?? service.serviceAccount
        // Labels merge key by key: a version adds to (or overrides) the service's pod labels.
        if let serviceLabels = service.labels {
            merged.labels = serviceLabels.merging(labels ?? [:]) { _, own in own }
        }
        merged.zones = zones ?? service.zones
        return merged
    }

    /// Pods carry `app: SERVICE` and `version: VERSION` (the labels Istio's samples and its
    /// telemetry use) unless the written labels say otherwise.
    func version(named name: String, of service: String, namespace: String, at location: SourceLocation) -> ServiceVersion {
        let identity = WorkloadIdentity(
            sidecar: sidecar ?? true, namespace: namespace, serviceAccount: serviceAccount ?? service,
            labels: ["app": service, "version": name].merging(labels ?? [:]) { _, written in written })
        var version = ServiceVersion(
            name: name, replicas: replicas ?? 1, concurrency: concurrency ?? 1, queue: queue, latency: latency ?? .zero,
            errors: errors ?? 0, errorStatus: errorStatus ?? 500, calls: calls ?? [], onCallFailure: onCallFailure ?? .fail,
            identity: identity, location: location
        )
        version.zones = zones ?? []
        return version
    }
}
