/// Istio DestinationRule `trafficPolicy`. Absent fields are nil; Istio's defaults are applied
/// by the policy engine, not here, so that `validate` can tell written from defaulted.
public struct TrafficPolicy: Sendable, Hashable {
    public enum LoadBalancer: Sendable, Hashable {
        case roundRobin
        case leastRequest
        case random
        case consistentHashHeader(String)
    }

    public var loadBalancer: LoadBalancer?
    public var connectionPool: ConnectionPool?
    public var outlierDetection: OutlierDetection?
    /// `loadBalancer.localityLbSetting`; part of the `loadBalancer` group when subsets merge.
    public var localityLbSetting: LocalityLbSetting?
    public var location: SourceLocation

    public init(
        loadBalancer: LoadBalancer? = nil, connectionPool: ConnectionPool? = nil,
        outlierDetection: OutlierDetection? = nil, localityLbSetting: LocalityLbSetting? = nil, location: SourceLocation
    ) {
        self.localityLbSetting = localityLbSetting
        self.loadBalancer = loadBalancer
        self.connectionPool = connectionPool
        self.outlierDetection = outlierDetection
        self.location = location
    }

    /// A DestinationRule subset's policy over the top-level one, as Istio merges them
    /// (`MergeTrafficPolicy`, pilot/pkg/networking/core/v1alpha3/cluster_builder.go; now
    /// `MergeSubsetTrafficPolicy` in pilot/pkg/networking/util/util.go): each group the
    /// subset sets (loadBalancer, connectionPool, outlierDetection) replaces the top-level
    /// group whole; a group it leaves out is the top-level one. Fields within a group are not
    /// merged: a subset's `connectionPool` without `http` has Istio's default http limits, and
    /// a subset's `loadBalancer` without `localityLbSetting` has none (Istio's proto holds both
    /// in one `LoadBalancerSettings`, replaced whole).
    public static func merged(_ top: TrafficPolicy?, subset: TrafficPolicy?) -> TrafficPolicy? {
        guard let subset else { return top }
        guard let top else { return subset }
        let subsetBalances = subset.loadBalancer != nil || subset.localityLbSetting != nil
        return TrafficPolicy(
            loadBalancer: subsetBalances ? subset.loadBalancer : top.loadBalancer, connectionPool: subset.connectionPool ?? top.connectionPool,
            outlierDetection: subset.outlierDetection ?? top.outlierDetection,
            localityLbSetting: subsetBalances ? subset.localityLbSetting : top.localityLbSetting, location: subset.location)
    }
}

public struct ConnectionPool: Sendable, Hashable {
    public var maxConnections: Int?
    public var http1MaxPendingRequests: Int?
    public var http2MaxRequests: Int?
    public var maxRetries: Int?

    public init(maxConnections: Int? = nil, http1MaxPendingRequests: Int? = nil, http2MaxRequests: Int? = nil, maxRetries: Int? = nil) {
        self.maxConnections = maxConnections
        self.http1MaxPendingRequests = http1MaxPendingRequests
        self.http2MaxRequests = http2MaxRequests
        self.maxRetries = maxRetries
    }
}

public struct OutlierDetection: Sendable, Hashable {
    public var consecutive5xxErrors: Int?
    public var consecutiveGatewayErrors: Int?
    public var interval: Nanoseconds?
    public var baseEjectionTime: Nanoseconds?
    /// Percent, 0…100.
    public var maxEjectionPercent: Int?
    /// Percent, 0…100.
    public var minHealthPercent: Int?
    public var location: SourceLocation

    public init(
        consecutive5xxErrors: Int? = nil, consecutiveGatewayErrors: Int? = nil, interval: Nanoseconds? = nil,
        baseEjectionTime: Nanoseconds? = nil, maxEjectionPercent: Int? = nil, minHealthPercent: Int? = nil,
        location: SourceLocation
    ) {
        self.consecutive5xxErrors = consecutive5xxErrors
        self.consecutiveGatewayErrors = consecutiveGatewayErrors
        self.interval = interval
        self.baseEjectionTime = baseEjectionTime
        self.maxEjectionPercent = maxEjectionPercent
        self.minHealthPercent = minHealthPercent
        self.location = location
    }
}
