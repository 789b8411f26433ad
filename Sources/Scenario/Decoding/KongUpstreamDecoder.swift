/// `gateway.upstreams`: SERVICE → Kong's upstream object as decK writes it
/// (kong/db/schema/entities/upstreams.lua), the service's instances being its targets.
enum KongUpstreamDecoder {
    /// Fields of the upstream entity that change nothing here: naming, TLS, DNS, and the
    /// targets (meshsim's targets are the service's instances).
    static let noEffect = [
        "name", "id", "tags", "host_header", "client_certificate", "use_srv_name", "created_at", "updated_at", "targets",
        "hash_on_cookie_path",
    ]
    /// Hashing on request parts meshsim's requests do not carry.
    static let notSimulated = [
        "hash_on_cookie", "hash_on_query_arg", "hash_fallback_query_arg", "hash_on_uri_capture", "hash_fallback_uri_capture",
    ]

    static func decode(_ node: YAMLNode, path: String, context: DecodeContext) -> [KongUpstream]? {
        let values = ValueReader(context: context)
        guard let entries = values.entries(node, path) else { return nil }
        let upstreams = entries.map { entry in upstream(entry.value, service: entry.key, path: "\(path).\(entry.key)", context: context) }
        return upstreams.contains(nil) ? nil : upstreams.compactMap { $0 }
    }

    private static func upstream(_ node: YAMLNode, service: String, path: String, context: DecodeContext) -> KongUpstream? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let algorithm = reader.choice("algorithm", KongUpstream.Algorithm.self)
        let hashOn = hash(reader, "hash_on", header: "hash_on_header")
        let fallback = hash(reader, "hash_fallback", header: "hash_fallback_header")
        let slots = reader.int("slots", 10...65_536)
        let checks = reader.mapping("healthchecks").map(KongHealthchecksDecoder.decode) ?? KongHealthchecks()
        reader.finish(noEffect: noEffect, notSimulated: notSimulated, product: "Kong")
        guard var hashOn, let fallback else { return nil }
        let chosen = shorthand(algorithm, &hashOn, reader)
        if fallback != .none {
            // upstreams.lua's entity checks: no fallback without hash_on, none equal to it, and
            // two header names distinct.
            if hashOn == .none || hashOn == fallback {
                let rule = hashOn == .none ? "must be none when hash_on is none"
                    : isHeader(hashOn) ? "must name another header than hash_on_header" : "must not repeat hash_on (\(name(hashOn)))"
                context.error("\(path).hash_fallback \(rule)", at: reader.location(of: "hash_fallback"))
                return nil
            }
        }
        return KongUpstream(
            service: service, algorithm: chosen, hashOn: hashOn, hashFallback: fallback,
            slots: slots ?? 10_000, healthchecks: checks, location: node.location)
    }

    /// upstreams.lua's shorthand fields, applied in order: `algorithm` least-connections or
    /// latency sets `hash_on` to none; then a written `hash_on` sets the algorithm,
    /// consistent-hashing for a value and round-robin for none. A written value Kong changes
    /// gets a warning.
    private static func shorthand(_ algorithm: KongUpstream.Algorithm?, _ hashOn: inout KongUpstream.HashOn, _ reader: MappingReader) -> KongUpstream.Algorithm {
        guard reader.has("hash_on") else { return algorithm ?? .roundRobin }
        if let algorithm, algorithm == .leastConnections || algorithm == .latency {
            if hashOn != .none {
                reader.context.warning(
                    "\(reader.path("hash_on")) has no effect with algorithm \(algorithm.rawValue): Kong sets it to none", at: reader.location(of: "hash_on"))
            }
            hashOn = .none
            return algorithm
        }
        let chosen: KongUpstream.Algorithm = hashOn == .none ? .roundRobin : .consistentHashing
        if let algorithm, algorithm != chosen {
            reader.context.warning(
                "\(reader.path("algorithm")): Kong makes it \(chosen.rawValue) when hash_on is \(name(hashOn)); write that",
                at: reader.location(of: "algorithm"))
        }
        return chosen
    }

    /// `hash_on`/`hash_fallback` with its header (required for `header`, as Kong's entity check).
    private static func hash(_ reader: MappingReader, _ key: String, header: String) -> KongUpstream.HashOn? {
        let headerName = reader.nonEmptyString(header)
        let choices = ["none", "consumer", "ip", "header", "cookie", "path", "query_arg", "uri_capture"]
        guard let text = reader.read(key, { reader.values.choice($0, $1, choices) }) else { return reader.has(key) ? nil : KongUpstream.HashOn.none }
        switch text {
        case "none": return KongUpstream.HashOn.none
        case "consumer": return .consumer
        case "ip": return .ip
        case "header":
            guard let headerName else {
                reader.context.error("\(reader.path(key)) is header, so \(reader.path(header)) is required", at: reader.location(of: key))
                return nil
            }
            return .header(headerName.lowercased())
        default:
            reader.context.error(
                "\(reader.path(key)): hashing on \(text) is not modelled (meshsim's requests carry headers, a consumer and a client address: use header, consumer or ip)",
                at: reader.location(of: key))
            return nil
        }
    }

    private static func isHeader(_ hash: KongUpstream.HashOn) -> Bool {
        if case .header = hash { return true }
        return false
    }

    private static func name(_ hash: KongUpstream.HashOn) -> String {
        switch hash {
        case .none: "none"
        case .consumer: "consumer"
        case .ip: "ip"
        case .header: "header"
        }
    }
}
