/// A gateway plugin as pasted from Kong (or Envoy's local rate limit), config decoded and checked.
public struct Plugin: Sendable {
    public enum Config: Sendable, Hashable {
        case keyAuth(KeyAuthConfig)
        case jwt(JWTConfig)
        case rateLimiting(RateLimitingConfig)
        case localRateLimit(LocalRateLimitConfig)
        case acl(ACLConfig)
        case requestTermination(RequestTerminationConfig)
        case proxyCache(ProxyCacheConfig)
        case requestTransformer(TransformerConfig)
        case responseTransformer(TransformerConfig)
    }

    /// The plugins meshsim models (what a `plugins` entry's `name` may be).
    public static let names = [
        "key-auth", "jwt", "acl", "rate-limiting", "request-transformer", "response-transformer", "proxy-cache",
        "request-termination", "local-rate-limit",
    ]

    /// As written: one of `names`.
    public var name: String
    public var config: Config
    public var location: SourceLocation

    public init(name: String, config: Config, location: SourceLocation) {
        self.name = name
        self.config = config
        self.location = location
    }
}

public struct KeyAuthConfig: Sendable, Hashable {
    /// Header names that may carry the key; default `[apikey]`.
    public var keyNames: [String]
    /// Key → consumer name.
    public var consumers: [String: String]

    public init(keyNames: [String] = ["apikey"], consumers: [String: String] = [:]) {
        self.keyNames = keyNames
        self.consumers = consumers
    }
}

public struct JWTConfig: Sendable, Hashable {
    public enum Claim: String, Sendable, Hashable { case exp, nbf }

    /// No default: nothing is checked unless listed.
    public var claimsToVerify: [Claim]
    /// `iss` → consumer name.
    public var issuers: [String: String]

    public init(claimsToVerify: [Claim] = [], issuers: [String: String] = [:]) {
        self.claimsToVerify = claimsToVerify
        self.issuers = issuers
    }
}

public struct RateLimitingConfig: Sendable, Hashable {
    public enum Period: String, Sendable, Hashable, CaseIterable {
        case second, minute, hour, day, month, year
    }

    public enum LimitBy: String, Sendable, Hashable, CaseIterable {
        case consumer, credential, ip, service, header, path
    }

    public enum Policy: String, Sendable, Hashable, CaseIterable {
        case local, cluster, redis
    }

    /// Limits in `Period` order (second first); at least one.
    public var limits: [PeriodLimit]
    public var limitBy: LimitBy
    /// With `limit_by: header`.
    public var headerName: String?
    /// With `limit_by: path`.
    public var path: String?
    public var policy: Policy
    /// `hide_client_headers`: no X-RateLimit headers on answers.
    public var hideClientHeaders: Bool

    public init(
        limits: [PeriodLimit], limitBy: LimitBy = .consumer, headerName: String? = nil, path: String? = nil,
        policy: Policy = .local, hideClientHeaders: Bool = false
    ) {
        self.limits = limits
        self.limitBy = limitBy
        self.headerName = headerName
        self.path = path
        self.policy = policy
        self.hideClientHeaders = hideClientHeaders
    }
}

public struct PeriodLimit: Sendable, Hashable {
    public var period: RateLimitingConfig.Period
    public var limit: Int

    public init(period: RateLimitingConfig.Period, limit: Int) {
        self.period = period
        self.limit = limit
    }
}

/// Envoy's local rate limit token bucket.
public struct LocalRateLimitConfig: Sendable, Hashable {
    public var maxTokens: Int
    public var tokensPerFill: Int
    /// ≥ 50 ms.
    public var fillInterval: Nanoseconds

    public init(maxTokens: Int, tokensPerFill: Int, fillInterval: Nanoseconds) {
        self.maxTokens = maxTokens
        self.tokensPerFill = tokensPerFill
        self.fillInterval = fillInterval
    }
}
