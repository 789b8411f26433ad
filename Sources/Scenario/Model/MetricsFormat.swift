/// The formats `metrics:` and `--metrics` accept for the run as Prometheus series.
public enum MetricsFormat: String, Sendable, Hashable, CaseIterable {
    /// The OpenMetrics text format, written as metrics.om.
    case openmetrics

    /// The gateway's workload name in the mesh series (`source_workload`): the Kong Ingress
    /// Controller's Deployment.
    public static let gatewayWorkload = "kong"

    /// Under `gateway.kind: istio`: the Deployment of Istio's ingress gateway chart.
    public static let istioGatewayWorkload = "istio-ingressgateway"

    public static func gatewayWorkload(_ kind: Gateway.Kind) -> String {
        kind == .istio ? istioGatewayWorkload : gatewayWorkload
    }
}
