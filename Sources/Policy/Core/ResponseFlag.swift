/// Envoy-style response flags, as written in `responses.csv`.
public enum ResponseFlag: UInt8, Sendable, CaseIterable {
    case none
    /// No healthy upstream.
    case noHealthyUpstream
    /// Overflow: circuit breaker or a full queue.
    case overflow
    /// Connect failure.
    case connectFailure
    /// Upstream connection terminated (reset) before it answered.
    case connectionTermination
    /// Timeout.
    case timeout
    /// Retries exhausted.
    case retriesExhausted
    /// No route configured.
    case noRoute
    case rateLimited
    case delayInjected
    case faultInjected
    case unauthorized
    /// No cluster found: the route names a subset no DestinationRule defines.
    case noClusterFound
    /// Denied by an AuthorizationPolicy at the destination's sidecar (Envoy's RBAC filter): 403.
    case rbacDenied

    public var code: String {
        switch self {
        case .none: return "-"
        case .noHealthyUpstream: return "UH"
        case .overflow: return "UO"
        case .connectFailure: return "UF"
        case .connectionTermination: return "UC"
        case .timeout: return "UT"
        case .retriesExhausted: return "URX"
        case .noRoute: return "NR"
        case .rateLimited: return "RL"
        case .delayInjected: return "DI"
        case .faultInjected: return "FI"
        case .unauthorized: return "UAEX"
        case .noClusterFound: return "NC"
        case .rbacDenied: return "RBAC"
        }
    }
}
