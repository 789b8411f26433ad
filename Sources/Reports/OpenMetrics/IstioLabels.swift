import Engine

/// The label set Istio's proxies put on `istio_requests_total` and
/// `istio_request_duration_milliseconds` (istio.io, "Istio Standard Metrics"), built from one
/// simulated hop. A service's version runs as the Deployment `SERVICE-VERSION` with the labels
/// `app: SERVICE` and `version: VERSION` and the service account `SERVICE` (a service without
/// versions as the Deployment `SERVICE` without a version label); the gateway and clients as
/// a workload of their own name without a version.
enum IstioLabels {
    /// Istio's default cluster ID, which the dashboards' cluster variables list.
    static let cluster = "Kubernetes"

    /// `reporter="…",source_workload="…",…,connection_security_policy="…"`, escaped, without braces.
    static func text(_ series: MeshTelemetrySeries, namespace: String) -> String {
        let source = Workload(app: series.sourceWorkload, version: series.sourceVersion.flatMap(declared))
        let destination = Workload(app: series.destinationService, version: declared(series.destinationVersion))
        let security = switch series.reporter {
        case .source: "unknown"
        case .destination: series.mutualTLS ? "mutual_tls" : "none"
        }
        let pairs: [(String, String)] = [
            ("reporter", series.reporter.rawValue),
            ("source_workload", source.workload),
            ("source_workload_namespace", namespace),
            ("source_principal", source.principal(mutualTLS: series.mutualTLS, namespace: namespace)),
            ("source_app", source.app),
            ("source_version", source.version ?? "unknown"),
            ("source_canonical_service", source.app),
            ("source_canonical_revision", source.version ?? "latest"),
            ("source_cluster", cluster),
            ("destination_workload", destination.workload),
            ("destination_workload_namespace", namespace),
            ("destination_principal", destination.principal(mutualTLS: series.mutualTLS, namespace: namespace)),
            ("destination_app", destination.app),
            ("destination_version", destination.version ?? "unknown"),
            ("destination_service", serviceHost(series.destinationService, namespace: namespace)),
            ("destination_service_name", series.destinationService),
            ("destination_service_namespace", namespace),
            ("destination_canonical_service", destination.app),
            ("destination_canonical_revision", destination.version ?? "latest"),
            ("destination_cluster", cluster),
            ("request_protocol", "http"),
            ("response_code", String(series.responseCode)),
            ("response_flags", series.responseFlags),
            ("connection_security_policy", security),
        ]
        return pairs.map { "\($0.0)=\"\(OpenMetricsText.escaped($0.1))\"" }.joined(separator: ",")
    }

    /// A version the scenario declared; nil for `default`, the one version of a service
    /// written without versions, whose pods carry no `version` label (Istio's `unknown`).
    static func declared(_ version: String) -> String? {
        version == "default" ? nil : version
    }

    /// The service's cluster-local name, as `destination_service` and Envoy's cluster names carry it.
    static func serviceHost(_ service: String, namespace: String) -> String {
        "\(service).\(namespace).svc.cluster.local"
    }

    private struct Workload {
        var app: String
        var version: String?

        var workload: String { version.map { "\(app)-\($0)" } ?? app }

        /// The SPIFFE identity its certificate carries under mutual TLS; Istio's `unknown` without.
        func principal(mutualTLS: Bool, namespace: String) -> String {
            mutualTLS ? "spiffe://cluster.local/ns/\(namespace)/sa/\(app)" : "unknown"
        }
    }
}
