/// Calls that multiply down the call graph: when each of 30 services calls the next twice,
/// one request makes 2 + 4 + … + 2^30 calls. Each is simulated, so such a run takes hours
/// (about 6 million calls a second) while its memory stays small, and the cap on work in
/// flight never stops it. Past `SizeLimits.callsPerRequest` it is an error; the Policy
/// target's fan-out lint warns well before.
enum FanOutChecks {
    /// Meant for a call graph without cycles or unknown services (`CallGraphChecks` passed).
    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        let below = expectedCallsBelow(scenario)
        let route = composedRouteError(scenario, below).map { [$0] } ?? []
        guard let worst = scenario.services.max(by: { below[$0.name] ?? 0 < below[$1.name] ?? 0 }),
              let calls = below[worst.name], calls > Double(SizeLimits.callsPerRequest)
        else { return route }
        return route + [.error(
            "services.\(Diagnostic.excerpt(worst.name)): one request to \(Diagnostic.excerpt(worst.name)) makes about "
                + "\(CountText.grouped(calls)) calls between services (each call weighted by its percent, with the calls it makes), "
                + "more than the \(CountText.grouped(SizeLimits.callsPerRequest)) meshsim simulates per request: calls repeated at "
                + "several levels of the call graph multiply; call each service fewer times, or flatten the chain",
            at: worst.location)]
    }

    /// A composed route's calls are a caller's calls like any other: the first route whose
    /// request makes too many.
    private static func composedRouteError(_ scenario: Scenario, _ below: [String: Double]) -> Diagnostic? {
        for route in scenario.gateway?.routes ?? [] {
            guard let composition = route.composition else { continue }
            let calls = composition.steps.flatMap(\.calls).reduce(0) { $0 + $1.percent * (1 + (below[$1.service] ?? 0)) }
            guard calls > Double(SizeLimits.callsPerRequest) else { continue }
            return .error(
                "route \"\(Diagnostic.excerpt(route.name))\": one request makes about \(CountText.grouped(calls)) calls (each call "
                    + "weighted by its percent, with the calls it makes), more than the \(CountText.grouped(SizeLimits.callsPerRequest)) "
                    + "meshsim simulates per request; call each service fewer times, or flatten the chain",
                at: route.location)
        }
        return nil
    }

    /// For each service, the calls one request to it makes on average below it, for its worst
    /// version: each call counts its percent × (1 + the calls its callee makes). Worked out
    /// callees first with an explicit stack, as a chain may be as deep as there are services;
    /// a service is pushed again only while it is not yet worked out, so the stack holds at
    /// most the calls written.
    static func expectedCallsBelow(_ scenario: Scenario) -> [String: Double] {
        let services = scenario.services
        // Indices rather than copies of the services; the first of a name wins.
        let indexByName = Dictionary(services.indices.map { (services[$0].name, $0) }, uniquingKeysWith: { first, _ in first })
        var below: [String: Double] = [:]
        for root in scenario.services where below[root.name] == nil {
            var stack = [root.name]
            while let name = stack.last {
                guard below[name] == nil, let index = indexByName[name] else {
                    stack.removeLast()
                    continue
                }
                let calls = services[index].versions.map { $0.calls.flatMap(\.calls) }
                let pending = calls.joined().map(\.service).filter { below[$0] == nil && indexByName[$0] != nil }
                guard pending.isEmpty else {
                    stack += pending
                    continue
                }
                below[name] = calls.map { $0.reduce(0) { $0 + $1.percent * (1 + (below[$1.service] ?? 0)) } }.max() ?? 0
                stack.removeLast()
            }
        }
        return below
    }
}
