/// The formats `metrics:` and `--metrics` accept for the run as Prometheus series.
public enum MetricsFormat: String, Sendable, Hashable, CaseIterable {
    /// The OpenMetrics text format, written as metrics.om.
    case openmetrics
}
