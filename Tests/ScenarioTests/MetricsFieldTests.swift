import Foundation
import Testing
@testable import Scenario

/// `metrics: openmetrics` (issue 19): decoded like the other top-level fields, and overridable
/// with `--set` as `--metrics` does.
@Suite struct MetricsFieldTests {
    static let base = "name: t\nduration: 10s\nclients: [{ name: web, rate: 10/s, target: orders }]\nservices: { orders: {} }\n"

    static func errors(_ text: String) -> [String] {
        ScenarioLoader.load(text: text, file: "s.yaml").errors.map(\.description)
    }

    @Test func withoutTheFieldNoMetricsAreWritten() throws {
        let scenario = try #require(ScenarioLoader.load(text: Self.base, file: "s.yaml").scenario)
        #expect(scenario.metrics == nil)
    }

    @Test func openmetricsIsTheOneFormat() throws {
        let scenario = try #require(ScenarioLoader.load(text: Self.base + "metrics: openmetrics\n", file: "s.yaml").scenario)
        #expect(scenario.metrics == .openmetrics)
    }

    @Test func anUnknownFormatNamesTheAcceptedOnesAndTheClosest() {
        #expect(Self.errors(Self.base + "metrics: openmetric\n") == [
            "s.yaml:5:10: error: metrics must be one of openmetrics, not 'openmetric'; did you mean 'openmetrics'?",
        ])
        #expect(Self.errors(Self.base + "metrics: csv\n") == ["s.yaml:5:10: error: metrics must be one of openmetrics, not 'csv'"])
        #expect(Self.errors(Self.base + "metrics: [openmetrics]\n").count == 1)
    }

    @Test func setTurnsMetricsOnAndAnUnknownValueFailsAtTheSetsLocation() throws {
        let on = try Overrides.parseAssignment("metrics=openmetrics")
        let scenario = try #require(ScenarioLoader.load(text: Self.base, file: "s.yaml", overrides: [on]).scenario)
        #expect(scenario.metrics == .openmetrics)
        let bad = try Overrides.parseAssignment("metrics=prometheus")
        let errors = ScenarioLoader.load(text: Self.base, file: "s.yaml", overrides: [bad]).errors.map(\.message)
        #expect(errors == ["metrics must be one of openmetrics, not 'prometheus'"])
    }

    /// A client `kong` calling through its own sidecar, next to the gateway, and a client
    /// `orders` next to the service `orders` without versions: each pair would share every
    /// Istio label. Without metrics, or with the mesh off, the names are fine.
    @Test func aClientNamedLikeAnotherWorkloadIsAnErrorWithMetrics() {
        let text = """
            name: t
            duration: 10s
            metrics: openmetrics
            mesh: { enabled: true }
            gateway: { routes: [{ name: all, paths: [/], service: orders }] }
            clients:
              - { name: kong, rate: 10/s, target: orders }
              - { name: orders, rate: 10/s, target: stock }
              - { name: web, rate: 10/s }
            services:
              orders: { calls: [{ service: stock }] }
              stock: { versions: { v1: {} } }

            """
        #expect(Self.errors(text) == [
            "s.yaml:7:5: error: client kong: metrics.om names it source_workload=\"kong\", as it names the gateway, so their Istio series would be one; rename the client",
            "s.yaml:8:5: error: client orders: metrics.om names it source_workload=\"orders\", as it names service orders, so their Istio series would be one; rename the client",
        ])
        #expect(Self.errors(text.replacingOccurrences(of: "metrics: openmetrics\n", with: "")).isEmpty)
        #expect(Self.errors(text.replacingOccurrences(of: "enabled: true", with: "enabled: false")).isEmpty)
    }
}
