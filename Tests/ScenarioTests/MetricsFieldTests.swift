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
}
