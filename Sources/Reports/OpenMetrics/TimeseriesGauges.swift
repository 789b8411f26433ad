import Engine
import Scenario

/// The families of metrics.om that timeseries.csv already holds, one sample per interval end:
/// Envoy's outlier ejections per version, Flagger's canary weight and meshsim's rate-limited count.
enum TimeseriesGauges {
    static func write(_ r: RunResult, start: EpochTime, _ out: inout OpenMetricsWriter) {
        if r.mesh != nil {
            let versions = series(r, kind: .version) { $0.ejected.map(Double.init) }
            if !versions.isEmpty {
                out.family("envoy_cluster_outlier_detection_ejections_active", type: "gauge",
                           help: "Instances of the cluster ejected now by outlier detection (Envoy), simulated by meshsim.")
                for (name, points) in versions {
                    write("envoy_cluster_outlier_detection_ejections_active", labels: "cluster_name=\"\(OpenMetricsText.escaped(clusterName(name, namespace: r.namespace)))\"",
                          points: points, start: start, &out)
                }
            }
        }
        if let rollout = r.rollout {
            let names = ["\(rollout.service)/\(rollout.stable)", "\(rollout.service)/\(rollout.canary)"]
            let weights = series(r, kind: .version) { $0.weight }.filter { names.contains($0.name) }
            if !weights.isEmpty {
                out.family("flagger_canary_weight", type: "gauge", help: "The virtual service destination weight current value (Flagger), simulated by meshsim.")
                for (name, points) in weights {
                    let workload = "\(rollout.service)-\(name == names[0] ? rollout.stable : rollout.canary)"
                    let labels = "workload=\"\(OpenMetricsText.escaped(workload))\",namespace=\"\(OpenMetricsText.escaped(r.namespace))\""
                    write("flagger_canary_weight", labels: labels, points: points, start: start, &out) { NumberFormat.compact($0, places: 3) }
                }
            }
        }
        let clients = series(r, kind: .client) { Double($0.rateLimited) }
        let routes = series(r, kind: .route) { Double($0.rateLimited) }
        guard !clients.isEmpty || !routes.isEmpty else { return }
        out.family("meshsim_rate_limited", type: "counter", help: "Requests answered 429 by a rate limit, per client and per route.")
        for (label, all) in [("client", clients), ("route", routes)] {
            for (name, points) in all {
                var total = 0.0
                let cumulative = points.map { point in
                    total += point.value
                    return (end: point.end, value: total)
                }
                write("meshsim_rate_limited_total", labels: "\(label)=\"\(OpenMetricsText.escaped(name))\"", points: cumulative, start: start, &out)
            }
        }
    }

    /// Each row name of `kind` with its values by interval end, in the order rows first name
    /// them; a row whose `value` is nil is left out.
    private static func series(_ r: RunResult, kind: ScopeKind, _ value: (TimeseriesRow) -> Double?) -> [(name: String, points: [(end: Nanoseconds, value: Double)])] {
        var order: [String] = []
        var points: [String: [(end: Nanoseconds, value: Double)]] = [:]
        for row in r.timeseries where row.scope == kind {
            guard let value = value(row) else { continue }
            if points[row.name] == nil { order.append(row.name) }
            points[row.name, default: []].append((row.end, value))
        }
        return order.map { ($0, points[$0] ?? []) }
    }

    private static func write(
        _ name: String, labels: String, points: [(end: Nanoseconds, value: Double)], start: EpochTime, _ out: inout OpenMetricsWriter,
        format: (Double) -> String = OpenMetricsText.number
    ) {
        for point in points {
            out.sample(name, labels: labels, value: format(point.value), timestamp: start.timestampText(after: point.end))
        }
    }

    /// Envoy's name of the cluster a version's instances form in every caller's sidecar,
    /// `outbound|PORT|SUBSET|HOST` (Istio's `BuildSubsetKey`), port 80 for every service.
    /// A service without versions runs as the version `default` and has no subset.
    static func clusterName(_ version: String, namespace: String) -> String {
        let parts = version.split(separator: "/", maxSplits: 1).map(String.init)
        let service = parts.first ?? version
        let subset = parts.count == 2 ? IstioLabels.declared(parts[1]) ?? "" : ""
        return "outbound|80|\(subset)|\(IstioLabels.serviceHost(service, namespace: namespace))"
    }
}
