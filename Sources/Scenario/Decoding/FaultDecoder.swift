/// `faults[*]`: a failure injected for a window of time.
enum FaultDecoder {
    static let kinds = ["crash", "hang", "latency", "errors", "partition", "zone"]
    /// The fields each kind owns; they are errors with any other kind.
    static let kindFields: [String: [String]] = [
        "latency": ["add"], "errors": ["rate", "status"], "partition": ["from", "to"], "zone": ["zone"],
    ]

    /// An `errors` fault without `status` answers 503, what an overloaded or failing upstream
    /// typically returns (and the status of the format's example); without `rate` it hits every request.
    static let defaultStatus = 503

    static func decode(_ node: YAMLNode, path: String, index: Int, context: DecodeContext) -> Fault? {
        guard let reader = MappingReader(node, path: path, context: context) else { return nil }
        let values = reader.values
        let name = reader.nonEmptyString("name")
        let at = reader.duration("at", required: true)
        let duration = reader.duration("duration", .positive)
        let kindName = reader.read("kind", required: true) { values.choice($0, $1, kinds) }
        // A partition is placed by from/to, a zone outage by its zone, so neither needs a target.
        let target = reader.read("target", required: kindName != "partition" && kindName != "zone") { node, path in
            values.nonEmptyString(node, path).flatMap { parseTarget($0, path: path, at: node, values) }
        }
        let instances = reader.read("instances") { instanceCount($0, path: $1, values) }
        let add = reader.distribution("add")
        let rate = reader.percent("rate")
        let status = reader.int("status", 100...599)
        let from = reader.nonEmptyString("from", required: kindName == "partition")
        let to = reader.nonEmptyString("to", required: kindName == "partition")
        let zone = reader.read("zone", required: kindName == "zone") { ZoneDecoder.zone($0, $1, values) }
        reader.finish()

        guard let kindName else { return nil }
        for (owner, fields) in kindFields where owner != kindName {
            for field in fields where reader.has(field) {
                context.error("\(reader.path(field)) applies only to kind: \(owner), not \(kindName)", at: reader.location(of: field))
            }
        }
        let kind: Fault.Kind
        switch kindName {
        case "crash": kind = .crash
        case "hang": kind = .hang
        case "latency":
            guard reader.has("add") else {
                context.error("\(reader.path("add")) is required with kind: latency", at: reader.location)
                return nil
            }
            guard let add else { return nil }
            kind = .latency(add: add)
        case "errors": kind = .errors(rate: rate ?? 1, status: status ?? defaultStatus)
        case "zone":
            // The whole zone crashes: every instance and gateway replica placed in it.
            for field in ["target", "instances"] where reader.has(field) {
                context.error("\(reader.path(field)) does not apply to kind: zone (the zone is the target)", at: reader.location(of: field))
            }
            guard let zone, let at else { return nil }
            return Fault(name: name ?? "zone-\(index)", at: at, duration: duration, target: .zone(zone), kind: .crash, location: node.location)
        default:
            guard let from, let to else { return nil }
            kind = .partition(from: from, to: to)
        }
        guard let at else { return nil }
        let resolvedTarget: Fault.Target
        if let target {
            resolvedTarget = target
        } else if case .partition(_, let to) = kind, !reader.has("target") {
            resolvedTarget = .service(to)
        } else {
            return nil
        }
        return Fault(
            name: name ?? "\(kindName)-\(index)", at: at, duration: duration, target: resolvedTarget,
            instances: instances ?? .all, kind: kind, location: node.location
        )
    }

    /// `service`, `service/version`, `service/version/index`, `gateway` or `gateway/INDEX`.
    private static func parseTarget(_ text: String, path: String, at node: YAMLNode, _ values: ValueReader) -> Fault.Target? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let form = "service, service/version, service/version/index, gateway or gateway/INDEX"
        guard !parts.contains(where: \.isEmpty), parts.count <= 3 else {
            values.fail(path, "must be \(form), not '\(text)'", at: node)
            return nil
        }
        func index(_ text: String) -> Int? {
            guard let index = Int(text), index >= 0 else {
                values.fail(path, "must end with an instance index (0, 1, ...), not '\(text)'", at: node)
                return nil
            }
            return index
        }
        switch (parts[0] == "gateway", parts.count) {
        case (true, 1): return .gateway
        case (true, 2): return index(parts[1]).map(Fault.Target.gatewayReplica)
        case (true, _):
            values.fail(path, "must be gateway or gateway/INDEX, not '\(text)'", at: node)
            return nil
        case (false, 1): return .service(parts[0])
        case (false, 2): return .version(service: parts[0], version: parts[1])
        default: return index(parts[2]).map { .instance(service: parts[0], version: parts[1], index: $0) }
        }
    }

    /// A count (`2`) or a share of the target's instances (`50%`).
    private static func instanceCount(_ node: YAMLNode, path: String, _ values: ValueReader) -> Fault.InstanceCount? {
        guard let text = values.scalar(node, path, expected: "a count or a percent") else { return nil }
        if text.trimmedSpaces.hasSuffix("%") {
            guard let share = values.percent(node, path) else { return nil }
            guard share > 0 else {
                values.fail(path, "must be above 0%, not \(text)", at: node)
                return nil
            }
            return .share(share)
        }
        return values.int(node, path, 1...Int.max).map(Fault.InstanceCount.count)
    }
}
