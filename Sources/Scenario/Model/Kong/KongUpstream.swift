/// `gateway.upstreams.SERVICE`: Kong's upstream object (kong/db/schema/entities/upstreams.lua)
/// for one of the scenario's services, whose instances are its targets.
public struct KongUpstream: Sendable, Hashable {
    public enum Algorithm: String, Sendable, Hashable, CaseIterable {
        case roundRobin = "round-robin"
        case leastConnections = "least-connections"
        case consistentHashing = "consistent-hashing"
        case latency
    }

    /// `hash_on` (with `hash_on_header` for `header`); default none.
    public enum HashOn: Sendable, Hashable {
        case none
        case consumer
        case ip
        case header(String)
    }

    /// The scenario's service (the key under `upstreams`).
    public var service: String
    public var algorithm: Algorithm
    public var hashOn: HashOn
    /// `hash_fallback`; default none.
    public var hashFallback: HashOn
    /// 10 … 65536; default 10000.
    public var slots: Int
    public var healthchecks: KongHealthchecks
    public var location: SourceLocation

    public init(
        service: String, algorithm: Algorithm = .roundRobin, hashOn: HashOn = .none, hashFallback: HashOn = .none,
        slots: Int = 10_000, healthchecks: KongHealthchecks = KongHealthchecks(), location: SourceLocation
    ) {
        self.service = service
        self.algorithm = algorithm
        self.hashOn = hashOn
        self.hashFallback = hashFallback
        self.slots = slots
        self.healthchecks = healthchecks
        self.location = location
    }
}
