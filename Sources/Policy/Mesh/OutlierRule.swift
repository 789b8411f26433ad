/// The consecutive-error detector that ejected a host, named as Envoy's outlier event log
/// names it (`envoy.data.cluster.v3.OutlierEjectionType`, lower-cased).
public enum OutlierRule: String, Sendable {
    /// `consecutive5xxErrors`: any 5xx, connect failures (503) and timeouts (504) included.
    case consecutive5xx = "consecutive_5xx"
    /// `consecutiveGatewayErrors`: 502, 503 and 504 only.
    case consecutiveGatewayErrors = "consecutive_gateway_failure"
}
