/// Rate limits that count on each gateway replica separately: with several replicas the
/// gateway as a whole lets the limit × the replicas through, which is rarely what the
/// number in the file was meant to say.
enum RateLimitReplicaChecks {
    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        guard let gateway = scenario.gateway, gateway.replicas > 1 else { return [] }
        var found = gateway.plugins.compactMap { warning($0, subject: $0.name, replicas: gateway.replicas) }
        for route in gateway.routes {
            found += route.plugins.compactMap { warning($0, subject: "\($0.name) of route \"\(route.name)\"", replicas: gateway.replicas) }
        }
        return found
    }

    private static func warning(_ plugin: Plugin, subject: String, replicas: Int) -> Diagnostic? {
        switch plugin.config {
        case .rateLimiting(let config) where config.policy == .local:
            return .warning("\(subject): \(rateLimiting(config, replicas: replicas))", at: plugin.location)
        case .localRateLimit(let config):
            return .warning("\(subject): \(localRateLimit(config, replicas: replicas))", at: plugin.location)
        default:
            return nil
        }
    }

    /// Kong's `local` policy keeps its counters in each replica's memory.
    private static func rateLimiting(_ config: RateLimitingConfig, replicas: Int) -> String {
        let written = config.limits.map { "\($0.period.rawValue): \($0.limit)" }.joined(separator: ", ")
        let effective = config.limits.enumerated().map { index, limit in
            let count = Saturating.product(limit.limit, replicas)
            return index == 0 ? "\(count) requests per \(limit.period.rawValue)" : "\(count) per \(limit.period.rawValue)"
        }
        return "\(written) with policy local on \(replicas) gateway replicas lets up to \(ListText.series(effective)) through "
            + "\(scope(config)), since each replica counts on its own; use policy: cluster or redis for a shared count"
    }

    /// Envoy's local rate limit is one token bucket per replica by design.
    private static func localRateLimit(_ config: LocalRateLimitConfig, replicas: Int) -> String {
        let every = DurationText.format(config.fillInterval)
        return "each of the \(replicas) gateway replicas has its own bucket of max_tokens \(config.maxTokens) refilled by "
            + "\(config.tokensPerFill) every \(every), so the gateway lets up to \(Saturating.product(config.tokensPerFill, replicas)) "
            + "requests every \(every) through, in bursts of up to \(Saturating.product(config.maxTokens, replicas)); "
            + "divide max_tokens and tokens_per_fill by \(replicas) for that limit on the whole gateway"
    }

    /// Whose requests one count covers, after Kong's `limit_by`.
    private static func scope(_ config: RateLimitingConfig) -> String {
        switch config.limitBy {
        case .consumer: return "for each consumer"
        case .credential: return "for each credential"
        case .ip: return "for each client address"
        case .service: return "for each service"
        case .header: return "for each value of header \(config.headerName ?? "")"
        case .path: return "for path \(config.path ?? "")"
        }
    }
}
