import Engine
import Policy
import Scenario

/// `eval` at Istio's ingress gateway: the replica, its own RequestAuthentication and
/// AuthorizationPolicy, Envoy's local rate limit, then the mesh's
/// stages with the gateway's VirtualService as the route table (`MeshEvaluation`).
extension GatewayEvaluation {
    /// The gateway's VirtualService as the host `MeshEvaluation` routes by; nil under Kong.
    var istioEdge: Service? {
        guard gateway.kind == .istio else { return nil }
        return Service(name: "ingress gateway", versions: [], http: gateway.http, location: gateway.location)
    }

    /// Prints the replica and the local rate limit; false when the gateway answers 429.
    mutating func runIstio(_ request: EvalRequest, replica: Int, into report: inout EvalReport) -> Bool {
        report.line("gateway", "Istio's ingress gateway, \(gateway.replicas) replica\(gateway.replicas == 1 ? "" : "s")"
            + (gateway.replicas > 1 ? ", requests spread round-robin: this one goes to replica \(replica + 1)" : ""))
        // Istio puts jwt_authn and RBAC before the local rate limit.
        if let security = SecurityEvaluation(scenario: scenario, request: request), !security.runAtGateway(into: &report) {
            return false
        }
        for plugin in gateway.plugins {
            guard case .localRateLimit(let config) = plugin.config else { continue }
            let key = CounterKey(plugin: plugin.location, replica: replica)
            var bucket = buckets[key] ?? LocalRateLimitPolicy(config)
            let allowed = bucket.take(now: request.at)
            buckets[key] = bucket
            report.line(plugin.name, "\(allowed ? "allowed" : "429 local_rate_limited (RL)"): \(Int(bucket.tokens(at: request.at))) of \(config.maxTokens) tokens left on this replica, \(config.tokensPerFill) added every \(DurationText.format(config.fillInterval))")
            if !allowed {
                report.decide("429 (RL) at \(plugin.name)")
                return false
            }
        }
        return true
    }
}
