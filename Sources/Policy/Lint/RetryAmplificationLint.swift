import Scenario

/// Retries at several layers multiply: when a service keeps failing, each try of the client
/// is retried by the gateway, and each of those by every sidecar on the way down, so a
/// failing service receives far more requests than the clients send. Each layer counts only
/// for the failures it retries (Kong: connect failures and its own timeouts; Istio's
/// default: connect failures), and the worst kind of failure of the worst service is shown.
enum RetryAmplificationLint {
    /// Attempts per client request above which the storm is worth a warning.
    static let maximumAttempts = 10

    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        var chains = CallChainFailures(scenario)
        // Built once: it costs a pass over the routes.
        let router = scenario.gateway.flatMap { $0.kind == .kong ? KongRouter(routes: $0.routes) : nil }
        var found: [Diagnostic] = []
        for client in scenario.clients {
            var worst: Amplification?
            for candidate in amplifications(client, router, &chains) where candidate.factors.count > 1 {
                if candidate.attempts > worst?.attempts ?? 0 { worst = candidate }
            }
            if let worst, worst.attempts > maximumAttempts {
                found.append(.warning(message(client, worst), at: client.location))
            }
        }
        return found
    }

    /// The layers that retry one way of failing, outermost first.
    private struct Amplification {
        var reach: FailureReach
        /// The client's `retries.attempts` when they retry this way of failing.
        var clientRetries: Int?
        /// The gateway route when it retries this way of failing.
        var gatewayRoute: GatewayRoute?
        /// Tries at each retrying layer (each mesh hop is a layer of its own).
        var factors: [Int]
        var attempts: Int

        /// What each retrying layer is, for the message: written only for the worst way, as
        /// a client through the gateway may have thousands.
        var parts: [String] {
            var parts: [String] = []
            if let clientRetries { parts.append("client retries \(clientRetries)") }
            if let gatewayRoute { parts.append("gateway route \"\(gatewayRoute.name)\" retries \(gatewayRoute.retries)") }
            if let mesh = meshText(reach.meshRetries, hiddenHops: reach.hiddenHops) { parts.append(mesh) }
            return parts
        }
    }

    private static func amplifications(_ client: Client, _ router: KongRouter?, _ chains: inout CallChainFailures) -> [Amplification] {
        var found: [Amplification] = []
        switch client.target {
        case .service(let service):
            for reach in chains.afterHop(into: service) {
                found.append(amplification(client, reach, gateway: nil, seen: reach.seen))
            }
        case .gateway:
            guard let router else { return [] }
            for route in routes(taking: client.requests, router) {
                for service in route.receivingServices {
                    for reach in chains.afterHop(into: service) {
                        let (tries, seen) = kong(route, reach.seen)
                        found.append(amplification(client, reach, gateway: (route, tries), seen: seen))
                    }
                }
            }
        }
        return found
    }

    /// The routes Kong picks for the client's request templates, in file order, each once.
    private static func routes(taking requests: [RequestTemplate], _ router: KongRouter) -> [GatewayRoute] {
        let chosen = Set(requests.compactMap { router.route(method: $0.method, path: $0.path, headers: $0.headers) })
        return chosen.sorted().map { router.routes[$0] }
    }

    private static func amplification(_ client: Client, _ reach: FailureReach, gateway: (GatewayRoute, Int)?, seen: TryFailure) -> Amplification {
        var found = Amplification(reach: reach, factors: [], attempts: 1)
        if let retries = client.retries, retried(by: client, retries, seen) {
            found.factors.append(Saturating.tries(retries: retries.attempts))
            found.clientRetries = retries.attempts
        }
        if let (route, tries) = gateway, tries > 1 {
            found.factors.append(tries)
            found.gatewayRoute = route
        }
        if !reach.meshRetries.isEmpty {
            found.factors += reach.meshRetries.map { Saturating.tries(retries: $0.retries) }
            if reach.hiddenHops > 0 { found.factors.append(reach.hiddenTries) }
        }
        found.attempts = found.factors.reduce(1) { Saturating.product($0, $1) }
        return found
    }

    /// Kong retries connect failures and its own timeouts, never an answer.
    private static func kong(_ route: GatewayRoute, _ failure: TryFailure) -> (tries: Int, seen: TryFailure) {
        let tries = Saturating.tries(retries: route.retries)
        if case .refused = failure { return (tries, .answer(status: 503, after: 0)) }
        if failure.timesOut(route.timeout) { return (tries, .answer(status: 504, after: Saturating.product(route.timeout, tries))) }
        return (1, failure)
    }

    private static func retried(by client: Client, _ retries: ClientRetries, _ failure: TryFailure) -> Bool {
        if failure.timesOut(client.timeout) { return retries.on.contains(.timeout) }
        let status: Int
        switch failure {
        case .refused: status = 503
        case .answer(let answered, _): status = answered
        case .silence, .absorbed: return false
        }
        return retries.on.contains(.status(status)) || (status >= 500 && retries.on.contains(.serverError))
    }

    private static func message(_ client: Client, _ worst: Amplification) -> String {
        let factors = worst.factors.map(String.init).joined(separator: " × ")
        return "client \"\(client.name)\": up to \(factors) = \(worst.attempts) attempts per request reach \(worst.reach.failing) "
            + "when it \(describe(worst.reach.mode)) (\(worst.parts.joined(separator: ", "))); retry at one layer only, or lower the attempts"
    }

    private static func describe(_ mode: TryFailure) -> String {
        switch mode {
        case .refused: return "refuses connections"
        case .answer(let status, _): return "answers \(status)"
        case .silence, .absorbed: return "never answers"
        }
    }

    /// `mesh retries 2 at orders and at payments`, or `mesh retries 3 at orders and 2 at payments`;
    /// hops beyond the ones shown are counted (`… and at 9,992 hops further down`).
    private static func meshText(_ hops: [(service: String, retries: Int)], hiddenHops: Int) -> String? {
        guard let first = hops.first else { return nil }
        let hidden = hiddenHops > 0 ? ["at \(CountText.grouped(hiddenHops)) hops further down"] : []
        if hops.allSatisfy({ $0.retries == first.retries }) {
            return "mesh retries \(first.retries) " + ListText.series(hops.map { "at \($0.service)" } + hidden)
        }
        return "mesh retries " + ListText.series(hops.map { "\($0.retries) at \($0.service)" } + hidden)
    }
}
