import Scenario

/// Envoy's cluster circuit breakers as Istio's `connectionPool` sets them, for one calling
/// sidecar and one destination cluster (the limits are not per host).
///
/// The upstream speaks HTTP/1.1, as Istio's outbound HTTP clusters do unless upgraded, so a
/// connection carries one request at a time (Envoy `conn_pool_base.cc`, `newStream` and
/// `attachStreamToClient`):
/// - a request that finds a free connection, or room to open one under `maxConnections`, is
///   sent if fewer than `http2MaxRequests` requests are in flight, else it overflows;
/// - otherwise it waits as pending if fewer than `http1MaxPendingRequests` are pending, else
///   it overflows;
/// - when a request finishes, its connection is handed to the oldest pending request.
///
/// So at most min(`http2MaxRequests`, `maxConnections`) requests are in flight, and requests
/// queue only when `maxConnections` ≤ `http2MaxRequests`.
///
/// Simplifications, both about Envoy keeping one connection pool per host: connections are
/// treated as one pool shared by the cluster's hosts (Envoy's idle connection to host A
/// cannot carry a request to host B), and Envoy's rule that a host with no connection at all
/// may always open one, even over `maxConnections`, is not modelled. With a single host both
/// models agree.
public struct CircuitBreaker: Sendable {
    /// Istio's default for every limit (`getDefaultCircuitBreakerThresholds` in
    /// `cluster_traffic_policy.go`): effectively unlimited.
    public static let unlimited = 4_294_967_295

    /// `tcp.maxConnections`.
    public let maxConnections: Int
    /// `http.http1MaxPendingRequests`.
    public let maxPendingRequests: Int
    /// `http.http2MaxRequests` (Envoy's `max_requests`, applied to HTTP/1.1 upstreams too).
    public let maxRequests: Int
    /// `http.maxRetries`: retries in flight to the cluster from this sidecar.
    public let maxRetries: Int

    /// Requests holding a connection.
    public private(set) var inFlight = 0
    /// Requests waiting for a connection.
    public private(set) var pending = 0
    /// Retries admitted and not yet released.
    public private(set) var retriesInFlight = 0

    /// Istio applies a limit only when it is above 0 (proto3 cannot tell 0 from unset), so nil,
    /// 0 and negative limits all mean `unlimited`.
    public init(_ pool: ConnectionPool?) {
        maxConnections = Self.limit(pool?.maxConnections)
        maxPendingRequests = Self.limit(pool?.http1MaxPendingRequests)
        maxRequests = Self.limit(pool?.http2MaxRequests)
        maxRetries = Self.limit(pool?.maxRetries)
    }

    private static func limit(_ value: Int?) -> Int {
        guard let value, value > 0 else { return unlimited }
        return value
    }

    /// Admission of a new request (a first attempt or a retry's attempt).
    public mutating func admit() -> CircuitBreakerAction {
        if inFlight < maxConnections {
            guard inFlight < maxRequests else { return .overflow }
            inFlight += 1
            return .send
        }
        guard pending < maxPendingRequests else { return .overflow }
        pending += 1
        return .queue
    }

    /// A sent request finished (answered, reset or cancelled). Returns true when its connection
    /// passes to the oldest pending request, which the caller now sends; `inFlight` is then
    /// unchanged. A pending request always fits `maxRequests` here: in flight never exceeds it.
    public mutating func release() -> Bool {
        guard inFlight > 0 else { return false }
        if pending > 0 {
            pending -= 1
            return true
        }
        inFlight -= 1
        return false
    }

    /// A pending request gave up before it got a connection (its route timeout fired).
    public mutating func cancelPending() {
        if pending > 0 { pending -= 1 }
    }

    /// A retry asks for room under `maxRetries`; false means it is refused and the caller
    /// returns the original failure with flag `UO`.
    public mutating func admitRetry() -> Bool {
        guard retriesInFlight < maxRetries else { return false }
        retriesInFlight += 1
        return true
    }

    /// An admitted retry is over (its attempt ended, or the request ended during its backoff).
    public mutating func releaseRetry() {
        if retriesInFlight > 0 { retriesInFlight -= 1 }
    }
}
