/// `clients[*]`: who sends traffic, how much, and what they do when it fails.
public struct Client: Sendable {
    public enum Target: Sendable, Hashable {
        case gateway
        case service(String)
    }

    public enum Spacing: String, Sendable, Hashable {
        case poisson
        /// Evenly spaced.
        case uniform
    }

    public enum Arrival: Sendable, Hashable {
        /// Open loop at a constant mean rate (requests per second).
        case rate(Double, Spacing)
        /// Open loop at a piecewise-linear rate; constant after the last point.
        case schedule([SchedulePoint], Spacing)
        /// Closed loop: N users, each sends, waits for the answer, thinks.
        case users(Int, thinkTime: Distribution)
    }

    public var name: String
    public var target: Target
    public var arrival: Arrival
    /// Per attempt; nil means the client waits forever.
    public var timeout: Nanoseconds?
    public var retries: ClientRetries?
    /// Distinct source addresses, used round-robin.
    public var addresses: Int
    public var credential: Credential?
    /// Fraction (0…1) of requests whose credential is wrong.
    public var invalidCredentials: Double
    /// Never empty: defaults to one `GET /`.
    public var requests: [RequestTemplate]
    /// A client that targets a service is a workload: `sidecar` (default true), `namespace`
    /// (the scenario's), `serviceAccount` (the client's name). Unused for gateway clients.
    public var identity: WorkloadIdentity
    /// `zone`: where the client (or its sidecar) runs; nil = none.
    public var zone: String?
    /// `credential.jwt`'s `sub`, `aud` and `claims`.
    public var jwtClaims = JWTClaims()
    public var location: SourceLocation

    public init(
        name: String, target: Target, arrival: Arrival, timeout: Nanoseconds? = nil,
        retries: ClientRetries? = nil, addresses: Int = 1, credential: Credential? = nil,
        invalidCredentials: Double = 0, requests: [RequestTemplate] = [RequestTemplate()],
        location: SourceLocation
    ) {
        self.name = name
        self.target = target
        self.arrival = arrival
        self.timeout = timeout
        self.retries = retries
        self.addresses = addresses
        self.credential = credential
        self.invalidCredentials = invalidCredentials
        self.requests = requests
        identity = WorkloadIdentity(namespace: "default", serviceAccount: name)
        self.location = location
    }
}

public struct SchedulePoint: Sendable, Hashable {
    public var at: Nanoseconds
    /// Requests per second.
    public var rate: Double

    public init(at: Nanoseconds, rate: Double) {
        self.at = at
        self.rate = rate
    }
}

/// Client-side retries: full-jitter exponential backoff, uniform(0, base × 2^n) before retry n (n from 0).
public struct ClientRetries: Sendable, Hashable {
    public enum Condition: Sendable, Hashable {
        /// `5xx`
        case serverError
        /// `4xx`
        case clientError
        /// `timeout`: the client's own timeout fired.
        case timeout
        /// A status code such as `429`.
        case status(Int)
    }

    public var attempts: Int
    public var backoff: Nanoseconds
    public var on: [Condition]

    public init(attempts: Int, backoff: Nanoseconds, on: [Condition]) {
        self.attempts = attempts
        self.backoff = backoff
        self.on = on
    }
}

public enum Credential: Sendable, Hashable {
    case apiKey(String)
    /// Claims; `exp` and `nbf` are relative to the send time (negative = in the past).
    case jwt(issuer: String, expiresIn: Nanoseconds?, notBefore: Nanoseconds?)
}

/// One entry of a client's request mix.
public struct RequestTemplate: Sendable, Hashable {
    public var weight: Double
    public var method: String
    /// With `keys`, the text before `{`: what routing and every plugin but proxy-cache see.
    public var path: String
    /// In file order; names as written (matching is case-sensitive on values).
    public var headers: [Header]
    /// `{1..N}` in the written path; nil when the path names one resource.
    public var keys: RequestKeys?

    public init(weight: Double = 1, method: String = "GET", path: String = "/", headers: [Header] = [], keys: RequestKeys? = nil) {
        self.weight = weight
        self.method = method
        self.path = path
        self.headers = headers
        self.keys = keys
    }
}

public struct Header: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
