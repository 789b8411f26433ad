/// Envoy-style response flags, as written in `responses.csv`.
enum ResponseFlag: UInt8, Sendable, CaseIterable {
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

    var code: String {
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
        }
    }
}

/// How an attempt or a request ended. Status 0 is a client-side timeout (no answer).
struct Outcome: Sendable, Equatable {
    var status: Int32
    var flag: ResponseFlag

    static let clientTimeout = Outcome(status: 0, flag: .timeout)

    /// A failure as seen by a caller deciding on `onCallFailure`: 5xx or no answer.
    var isFailure: Bool { status >= 500 || status == 0 }
}
