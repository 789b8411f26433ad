/// The formats `metrics:` and `--metrics` accept for the run as Prometheus series.
public enum MetricsFormat: String, Sendable, Hashable, CaseIterable {
    /// The OpenMetrics text format, written as metrics.om.
    case openmetrics

    /// The gateway's workload name in the mesh series (`source_workload`): the Kong Ingress
    /// Controller's Deployment.
    public static let gatewayWorkload = "kong"
}
