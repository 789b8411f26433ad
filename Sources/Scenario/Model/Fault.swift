/// `faults[*]`: a failure injected into services or the gateway for a time window.
public struct Fault: Sendable {
    public enum Target: Sendable, Hashable {
        case service(String)
        case version(service: String, version: String)
        case instance(service: String, version: String, index: Int)
        case gateway
        case gatewayReplica(Int)
        /// `kind: zone`: every instance and gateway replica whose zone is this one (as written,
        /// `region/zone` or `zone`).
        case zone(String)
    }

    public enum InstanceCount: Sendable, Hashable {
        case all
        case count(Int)
        /// Fraction 0…1 of the target's instances, rounded up.
        case share(Double)
    }

    public enum Kind: Sendable, Hashable {
        case crash
        case hang
        case latency(add: Distribution)
        case errors(rate: Double, status: Int)
        /// Calls from `from` (a service name, or `gateway`) to `to` fail to connect.
        case partition(from: String, to: String)
    }

    /// Defaults to `KIND-INDEX` (for example `crash-0`) when not written.
    public var name: String
    public var at: Nanoseconds
    /// nil = until the end of the run.
    public var duration: Nanoseconds?
    public var target: Target
    public var instances: InstanceCount
    public var kind: Kind
    public var location: SourceLocation

    public init(
        name: String, at: Nanoseconds, duration: Nanoseconds? = nil, target: Target, instances: InstanceCount = .all,
        kind: Kind, location: SourceLocation
    ) {
        self.name = name
        self.at = at
        self.duration = duration
        self.target = target
        self.instances = instances
        self.kind = kind
        self.location = location
    }
}
