/// DestinationRule `trafficPolicy.loadBalancer.localityLbSetting` (networking/v1alpha3
/// LocalityLoadBalancerSetting). Localities are `region/zone/subzone`; a scenario's zone is
/// written `region/zone` or just `zone` (one region for all).
public struct LocalityLbSetting: Sendable, Hashable {
    public struct Distribute: Sendable, Hashable {
        /// `region/zone/*` style, `*` matching any remainder.
        public var from: String
        /// Locality (possibly wildcarded) → weight; weights of one entry sum to 100.
        public var to: [(locality: String, weight: Int)]
        public var location: SourceLocation

        public init(from: String, to: [(locality: String, weight: Int)], location: SourceLocation) {
            self.from = from
            self.to = to
            self.location = location
        }

        public static func == (lhs: Distribute, rhs: Distribute) -> Bool {
            lhs.from == rhs.from && lhs.location == rhs.location && lhs.to.elementsEqual(rhs.to) { $0.locality == $1.locality && $0.weight == $1.weight }
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(from)
            hasher.combine(location)
            for entry in to {
                hasher.combine(entry.locality)
                hasher.combine(entry.weight)
            }
        }
    }

    public struct Failover: Sendable, Hashable {
        /// Regions.
        public var from: String
        public var to: String
        public var location: SourceLocation

        public init(from: String, to: String, location: SourceLocation) {
            self.from = from
            self.to = to
            self.location = location
        }
    }

    /// nil when not written. Istio: locality load balancing is on by default, but takes
    /// effect only with outlier detection.
    public var enabled: Bool?
    public var distribute: [Distribute]
    public var failover: [Failover]
    /// Label keys, in priority order (`topology.kubernetes.io/region`, `…/zone`, …).
    public var failoverPriority: [String]
    public var location: SourceLocation

    public init(
        enabled: Bool? = nil, distribute: [Distribute] = [], failover: [Failover] = [], failoverPriority: [String] = [],
        location: SourceLocation
    ) {
        self.enabled = enabled
        self.distribute = distribute
        self.failover = failover
        self.failoverPriority = failoverPriority
        self.location = location
    }
}
