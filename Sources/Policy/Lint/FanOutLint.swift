import Scenario

/// Calls that multiply down the call graph: when each of 30 services calls the next twice,
/// one client request makes 2 + 4 + … + 2^29 calls, which no run can keep up with. Counted
/// for the worst version of each service, every call made (whatever its `percent`), with
/// saturating arithmetic.
enum FanOutLint {
    /// Calls between services per client request above which the fan-out is worth a warning.
    static let maximumCalls = 10_000

    static func diagnostics(_ scenario: Scenario, _ traffic: CallTraffic) -> [Diagnostic] {
        let below = callsBelow(traffic)
        var found: [Diagnostic] = []
        for (client, entered) in zip(scenario.clients, traffic.entries) {
            let entries = entered.map { (service: $0.service, calls: below[$0.service] ?? 0) }
            guard let worst = entries.max(by: { $0.calls < $1.calls }), worst.calls > maximumCalls else { continue }
            let message = "client \"\(client.name)\": one request to \(worst.service) can make up to \(CountText.grouped(worst.calls)) "
                + "calls between services, more than \(CountText.grouped(maximumCalls)): calls repeated at several levels of the call graph "
                + "multiply, and a run cannot keep up; call each service fewer times, or flatten the chain"
            found.append(.warning(message, at: client.location))
        }
        return found
    }

    /// For each service, the most calls one request to it makes below it: each call is one,
    /// plus the calls its callee makes. Callees come later in `order`, so they are known first.
    static func callsBelow(_ traffic: CallTraffic) -> [String: Int] {
        var below: [String: Int] = [:]
        for name in traffic.order.reversed() {
            guard let service = traffic.services[name] else { continue }
            below[name] = service.versions.map { version in
                version.calls.flatMap(\.calls).filter { $0.percent > 0 }.reduce(0) { total, call in
                    Saturating.sum(total, Saturating.sum(1, below[call.service] ?? 0))
                }
            }.max() ?? 0
        }
        return below
    }
}
