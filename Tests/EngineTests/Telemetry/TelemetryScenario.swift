import Engine
import Foundation
import Scenario
import Testing

/// Runs with `metrics: openmetrics` set on the decoded scenario, and look-ups into the series.
enum TelemetryScenario {
    static func run(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RunResult {
        var scenario = try #require(MeshScenario.load(yaml, sourceLocation: sourceLocation), sourceLocation: sourceLocation)
        scenario.metrics = .openmetrics
        return try Simulator.run(scenario)
    }

    /// A teaching scenario of Scenarios/, as the reports are made from it.
    static func teaching(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Scenario {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let loaded = ScenarioLoader.load(path: root.appendingPathComponent("Scenarios/\(name).yaml").path)
        #expect(loaded.errors.isEmpty, "\(loaded.errors.map(\.description))", sourceLocation: sourceLocation)
        return try #require(loaded.scenario, sourceLocation: sourceLocation)
    }

    /// Kong (2 ms) in front of orders (30 ms, then one call to stock, 3 ms), in the mesh with
    /// 1 ms sidecars, one client sending evenly spaced requests from t = 0.
    static func chain(duration: String, interval: String, rate: String) -> String {
        """
        name: chain
        duration: \(duration)
        interval: \(interval)
        clients:
          - { name: web, rate: \(rate), arrival: uniform }
        gateway:
          latency: 2ms
          routes: [{ name: shop, paths: [/], service: orders }]
        mesh: { enabled: true, sidecarLatency: 1ms }
        services:
          orders:
            latency: 30ms
            calls: [{ service: stock }]
            versions: { v1: {} }
          stock:
            latency: 3ms
            versions: { v1: {} }
        """
    }

    static func mesh(
        _ telemetry: RunTelemetry, _ reporter: MeshTelemetrySeries.Reporter, from source: String, to service: String
    ) -> [MeshTelemetrySeries] {
        telemetry.mesh.filter { $0.reporter == reporter && $0.sourceWorkload == source && $0.destinationService == service }
    }

    /// The series' last cumulative count.
    static func total(_ series: [MeshTelemetrySeries]) -> UInt64 {
        series.reduce(0) { $0 + ($1.points.last?.count ?? 0) }
    }
}
