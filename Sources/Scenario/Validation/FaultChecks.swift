/// Faults hit something that exists, and at a time when it matters.
enum FaultChecks {
    static func diagnostics(_ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        scenario.faults.flatMap { fault in
            target(fault, scenario, names) + partition(fault, scenario, names) + start(fault, scenario)
        }
    }

    private static func target(_ fault: Fault, _ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        switch targetInstances(fault.target, scenario, names) {
        case .failure(let problem):
            return [.error("fault \"\(fault.name)\": \(problem.message)", at: fault.location)]
        case .success(let available):
            guard case .count(let wanted) = fault.instances, wanted > available else { return [] }
            let message = "fault \"\(fault.name)\" asks for \(wanted) instances, but \(describe(fault.target)) has \(available); "
                + "all \(available) are affected"
            return [.warning(message, at: fault.location)]
        }
    }

    private static func partition(_ fault: Fault, _ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        guard case .partition(let from, let to) = fault.kind else { return [] }
        let subject = "fault \"\(fault.name)\" partitions"
        var diagnostics: [Diagnostic] = []
        if from == "gateway" {
            if scenario.gateway == nil {
                diagnostics.append(.error("\(subject) from the gateway, but the scenario has no gateway section", at: fault.location))
            }
        } else if let problem = names.serviceProblem(from) {
            diagnostics.append(.error("\(subject) from \(from): \(problem)", at: fault.location))
        }
        if let problem = names.serviceProblem(to) {
            diagnostics.append(.error("\(subject) to \(to): \(problem)", at: fault.location))
        }
        return diagnostics
    }

    /// After `duration` only requests still in flight are left to be affected.
    private static func start(_ fault: Fault, _ scenario: Scenario) -> [Diagnostic] {
        guard fault.at >= scenario.duration else { return [] }
        let message = "fault \"\(fault.name)\" starts at \(DurationText.format(fault.at)), not before the clients stop at duration "
            + "\(DurationText.format(scenario.duration)); it can only affect requests still in flight"
        return [.warning(message, at: fault.location)]
    }

    struct Problem: Error {
        var message: String
    }

    /// How many instances the target has, or why it does not exist.
    private static func targetInstances(_ target: Fault.Target, _ scenario: Scenario, _ names: NameIndex) -> Result<Int, Problem> {
        switch target {
        case .service(let service):
            if let problem = names.serviceProblem(service) { return .failure(Problem(message: problem)) }
            return .success(names.versions(of: service).reduce(0) { Saturating.sum($0, names.replicas(of: service, version: $1) ?? 0) })
        case .version(let service, let version):
            return replicas(of: service, version, names)
        case .instance(let service, let version, let index):
            return replicas(of: service, version, names).flatMap { replicas in
                guard index < replicas else {
                    return .failure(Problem(message: "\(service)/\(version) has \(instances(replicas)), so there is no instance \(index)"))
                }
                return .success(1)
            }
        case .gateway:
            guard let gateway = scenario.gateway else { return .failure(noGateway) }
            return .success(gateway.replicas)
        case .gatewayReplica(let index):
            guard let gateway = scenario.gateway else { return .failure(noGateway) }
            guard index < gateway.replicas else {
                return .failure(Problem(message: "the gateway has \(instances(gateway.replicas, noun: "replica")), so there is no replica \(index)"))
            }
            return .success(1)
        case .zone(let zone):
            let placed = scenario.services.flatMap { service in service.versions.map { ($0.zones, $0.replicas) } }
                + (scenario.gateway.map { [($0.zones, $0.replicas)] } ?? [])
            let known = placed.flatMap(\.0).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            guard known.contains(zone) else {
                let hint = known.isEmpty ? "no service, version or gateway has a zone" : Suggestion.hint(for: zone, among: known, listName: "zones in use are")
                return .failure(Problem(message: "no instance or gateway replica is in zone \(zone); \(hint)"))
            }
            return .success(placed.reduce(0) { Saturating.sum($0, ZonePlacement.count(in: zone, zones: $1.0, instances: $1.1)) })
        }
    }

    private static let noGateway = Problem(message: "it targets the gateway, but the scenario has no gateway section")

    private static func replicas(of service: String, _ version: String, _ names: NameIndex) -> Result<Int, Problem> {
        if let problem = names.serviceProblem(service) ?? names.versionProblem(version, of: service) {
            return .failure(Problem(message: problem))
        }
        return .success(names.replicas(of: service, version: version) ?? 0)
    }

    /// `3 instances (0 to 2)`: the valid indexes are what the user needs to see.
    private static func instances(_ count: Int, noun: String = "instance") -> String {
        switch count {
        case 0: return "no \(noun)s"
        case 1: return "1 \(noun) (index 0)"
        default: return "\(count) \(noun)s (0 to \(count - 1))"
        }
    }

    private static func describe(_ target: Fault.Target) -> String {
        switch target {
        case .service(let service): return service
        case .version(let service, let version): return "\(service)/\(version)"
        case .instance(let service, let version, let index): return "\(service)/\(version)/\(index)"
        case .gateway: return "the gateway"
        case .gatewayReplica(let index): return "gateway/\(index)"
        case .zone(let zone): return "zone \(zone)"
        }
    }
}
