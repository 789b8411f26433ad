import Scenario

/// One way for every try to fail below some layer: the service that fails and how, what the
/// layer above sees of it, and the mesh retries on the way that multiply the tries.
struct FailureReach {
    var failing: String
    var mode: TryFailure
    var seen: TryFailure
    /// Outermost first; only the hops that retry, and of those the outermost `shownHops`.
    var meshRetries: [(service: String, retries: Int)]
    /// The retrying hops beyond `meshRetries`, and the tries they multiply by.
    var hiddenHops = 0
    var hiddenTries = 1
    /// Tries that reach the failing service for one try from the layer above.
    var attempts: Int

    /// So that a long chain of retrying hops keeps each way small.
    static let shownHops = 8

    mutating func addMeshRetries(_ retries: Int, at service: String) {
        meshRetries.insert((service, retries), at: 0)
        guard meshRetries.count > Self.shownHops else { return }
        let deepest = meshRetries.removeLast()
        hiddenHops += 1
        hiddenTries = Saturating.product(hiddenTries, Saturating.tries(retries: deepest.retries))
    }
}

/// The worst ways the tries to each service can fail, over the call graph below it: any
/// service on any call chain may be the one that fails, by refusing connections, answering
/// a 5xx or hanging, and each kind meets the retries of each hop differently. A call cycle
/// (an error of the scenario) is cut where it closes, so the search always ends.
struct CallChainFailures {
    /// So that a call graph with many alternative rules cannot make the search explode.
    private static let maximumWaysPerService = 64

    private let services: [Service]
    /// Each service's index in `services` (the last of a name wins).
    private let indexByName: [String: Int]
    private let callees: [String: [String]]
    private let meshEnabled: Bool
    /// Error statuses a failing service may answer with: the ones some layer treats apart.
    private let statuses: [Int]
    private var outcomes: [String: [FailureReach]] = [:]
    /// `hopped(into:)` by service: every caller of a service sees the same.
    private var hops: [String: [FailureReach]] = [:]

    init(_ scenario: Scenario) {
        var byName: [String: Int] = [:]
        for (index, service) in scenario.services.enumerated() { byName[service.name] = index }
        var callees: [String: [String]] = [:]
        for service in scenario.services {
            for version in service.versions {
                for call in version.calls.flatMap(\.calls) where byName[call.service] != nil {
                    if !callees[service.name, default: []].contains(call.service) { callees[service.name, default: []].append(call.service) }
                }
            }
        }
        services = scenario.services
        indexByName = byName
        self.callees = callees
        meshEnabled = scenario.mesh.enabled
        var codes: Set<Int> = [500, 502, 503, 504]
        for service in scenario.services {
            for rule in service.http ?? [] { codes.formUnion(SidecarRetries(rule).policy.retriableStatusCodes.filter { $0 >= 500 }) }
        }
        for client in scenario.clients {
            for case .status(let code) in client.retries?.on ?? [] where code >= 500 { codes.insert(code) }
        }
        statuses = codes.sorted()
    }

    /// What a caller sees of its tries to `service` once its sidecar (with the mesh) has applied
    /// the service's `http` rules: for each kind of failure, the way with the most attempts.
    mutating func afterHop(into service: String) -> [FailureReach] {
        _ = outcomes(of: service)
        return hopped(into: service)
    }

    /// `hop` over the service's own outcomes, worked out once per service rather than once
    /// per caller; nothing while they are unknown (the service closes a call cycle).
    private mutating func hopped(into service: String) -> [FailureReach] {
        if let known = hops[service] { return known }
        guard let below = outcomes[service] else { return [] }
        let found = hop(into: service, below: below)
        hops[service] = found
        return found
    }

    private func hop(into service: String, below: [FailureReach]) -> [FailureReach] {
        guard meshEnabled else { return below }
        let policies = indexByName[service].flatMap { services[$0].http }.map { $0.map(SidecarRetries.init) } ?? [.istioDefault]
        var table = Table()
        for reach in below {
            // Any rule may be the one a request matches.
            for policy in policies {
                let (tries, seen) = policy.apply(reach.seen)
                var next = reach
                next.seen = seen
                next.attempts = Saturating.product(reach.attempts, tries)
                if tries > 1 { next.addMeshRetries(tries - 1, at: service) }
                table.offer(next)
            }
        }
        return table.best(Self.maximumWaysPerService)
    }

    /// How a try to `service` can fail as the service's answer, before any retry of its caller.
    /// The callees are worked out first, depth first with an explicit stack (a call chain may
    /// be as deep as there are services); a callee still on the path closes a cycle and adds nothing.
    private mutating func outcomes(of root: String) -> [FailureReach] {
        if let known = outcomes[root] { return known }
        guard indexByName[root] != nil else { return [] }
        var path: [(service: String, next: Int)] = [(root, 0)]
        var onPath: Set<String> = [root]
        while let (service, next) = path.last {
            let below = callees[service] ?? []
            if next < below.count {
                path[path.count - 1].next += 1
                let callee = below[next]
                if outcomes[callee] == nil, !onPath.contains(callee) {
                    path.append((callee, 0))
                    onPath.insert(callee)
                }
                continue
            }
            path.removeLast()
            onPath.remove(service)
            let own = ownOutcomes(service)
            outcomes[service] = own
        }
        return outcomes[root] ?? []
    }

    /// The ways a try to `service` fails, once its callees' ways are known.
    private mutating func ownOutcomes(_ service: String) -> [FailureReach] {
        let failingCallers = indexByName[service].map { services[$0].versions.contains { $0.onCallFailure == .fail } } ?? false
        var table = Table()
        // Deeper failures first, so that a tie names the end of the longer chain.
        for callee in callees[service] ?? [] {
            for reach in hopped(into: callee) {
                var next = reach
                next.seen = reach.seen.passedOn(failingCallers: failingCallers)
                table.offer(next)
            }
        }
        for mode in [TryFailure.refused, .silence] + statuses.map({ .answer(status: $0, after: 0) }) {
            table.offer(FailureReach(failing: service, mode: mode, seen: mode, meshRetries: [], attempts: 1))
        }
        return table.best(Self.maximumWaysPerService)
    }


    /// The way with the most attempts for each thing the layer above can see, in the order found.
    private struct Table {
        private var entries: [FailureReach] = []
        /// Each kind's entry, built once the table outgrows a scan: a service's table mostly
        /// holds a handful of kinds, where comparing is cheaper than hashing.
        private var slots: [TryFailure: Int] = [:]
        private static let scanLimit = 16

        mutating func offer(_ reach: FailureReach) {
            guard let slot = slot(of: reach.seen) else {
                entries.append(reach)
                if entries.count == Self.scanLimit + 1 {
                    for index in entries.indices { slots[entries[index].seen] = index }
                } else if entries.count > Self.scanLimit {
                    slots[reach.seen] = entries.count - 1
                }
                return
            }
            if reach.attempts > entries[slot].attempts { entries[slot] = reach }
        }

        private func slot(of seen: TryFailure) -> Int? {
            entries.count > Self.scanLimit ? slots[seen] : entries.firstIndex { $0.seen == seen }
        }

        func best(_ limit: Int) -> [FailureReach] {
            guard entries.count > limit else { return entries }
            let ranked = entries.indices.sorted { a, b in
                entries[a].attempts != entries[b].attempts ? entries[a].attempts > entries[b].attempts : a < b
            }
            let kept = ranked.prefix(limit).sorted()
            return kept.map { entries[$0] }
        }
    }
}
