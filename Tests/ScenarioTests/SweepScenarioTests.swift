import Testing
@testable import Scenario
import struct Scenario.SourceLocation

/// `replications:` and `sweep:` in a scenario: decoding, the grid's bounds, and each sweep
/// value checked as the override it becomes (issue 18).
@Suite struct SweepScenarioTests {
    /// Line 5 is `sweep:`; the sweep's entries start on line 6.
    static func text(sweep: String) -> String {
        """
        name: t
        duration: 10s
        clients: [{ name: web, rate: 10/s, target: checkout }]
        services: { checkout: { replicas: 1 } }
        sweep:

        """ + sweep
    }

    static let grid = text(sweep: """
          clients[name=web].rate: [200/s, 400/s]
          services.checkout.replicas: [2, 3]
        """)

    static func errors(_ text: String) -> [String] {
        ScenarioLoader.load(text: text, file: "s.yaml").errors.map(\.description)
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: "s.yaml", line: line, column: column)
    }

    @Test func aSweepKeepsItsPathsAndValuesInFileOrder() throws {
        let scenario = try #require(ScenarioLoader.load(text: Self.grid, file: "s.yaml").scenario)
        #expect(scenario.sweep.map(\.path) == ["clients[name=web].rate", "services.checkout.replicas"])
        #expect(scenario.sweep[0].values == [
            YAMLNode(.scalar("200/s", quoted: false), at: at(6, 28)),
            YAMLNode(.scalar("400/s", quoted: false), at: at(6, 35)),
        ])
        #expect(scenario.sweep[1].values.map(\.flowText) == ["2", "3"])
        #expect(scenario.sweep.map(\.location) == [at(6, 3), at(7, 3)])
        #expect(scenario.replications == nil)
    }

    /// Point 2 of the 2 × 2 grid (first axis slowest) is (400/s, 2): applied as overrides it
    /// gives the scenario with that rate and those replicas.
    @Test func aGridPointBecomesOneOverridePerAxis() throws {
        let scenario = try #require(ScenarioLoader.load(text: Self.grid, file: "s.yaml").scenario)
        #expect(SweepGrid.pointCount(scenario.sweep) == 4)
        let overrides = SweepGrid.overrides(scenario.sweep, at: [1, 0])
        #expect(overrides.map(\.path) == ["clients[name=web].rate", "services.checkout.replicas"])
        #expect(overrides.map(\.value.flowText) == ["400/s", "2"])
        let point = try #require(ScenarioLoader.load(text: Self.grid, file: "s.yaml", overrides: overrides).scenario)
        #expect(point.clients[0].arrival == .rate(400, .poisson))
        #expect(point.services[0].versions[0].replicas == 2)
    }

    @Test func withoutASweepThereIsOnePoint() {
        #expect(SweepGrid.pointCount([]) == 1)
        #expect(SweepGrid.overrides([], at: []).isEmpty)
    }

    /// The misspelt client is reported at each value, as `--set` reports it, with the value
    /// and its index in the label.
    @Test func anUnknownEntryIsReportedAtEachValueWithASuggestion() {
        let text = Self.text(sweep: "  clients[name=wbe].rate: [200/s, 400/s]\n")
        #expect(Self.errors(text) == [
            "s.yaml:6:28: error: in sweep clients[name=wbe].rate[0] (200/s): cannot set clients[name=wbe].rate: no entry of clients is named \"wbe\"; did you mean \"web\"?",
            "s.yaml:6:35: error: in sweep clients[name=wbe].rate[1] (400/s): cannot set clients[name=wbe].rate: no entry of clients is named \"wbe\"; did you mean \"web\"?",
        ])
    }

    @Test func anUnknownKeyIsReportedAtTheValue() {
        let text = Self.text(sweep: "  services.checkout.replicsa: [2]\n")
        #expect(Self.errors(text) == [
            "s.yaml:6:32: error: in sweep services.checkout.replicsa[0] (2): unknown key 'replicsa' in services.checkout; did you mean 'replicas'?",
        ])
    }

    @Test func aValueOfTheWrongTypeIsReportedAtTheValue() {
        let text = Self.text(sweep: "  services.checkout.replicas: [2, many, [1, 2]]\n")
        #expect(Self.errors(text) == [
            "s.yaml:6:35: error: in sweep services.checkout.replicas[1] (many): services.checkout.replicas must be a whole number, not 'many'",
            "s.yaml:6:41: error: in sweep services.checkout.replicas[2] ([1, 2]): services.checkout.replicas must be a whole number, not a list",
        ])
    }

    /// An error of the scenario itself is not repeated once per sweep value.
    @Test func theBasesOwnErrorsAreNotRepeatedPerValue() {
        let text = """
            name: t
            duration: 10s
            clients: [{ name: web, rate: 10/s, target: checkout }]
            services: { checkout: { calls: [{ service: missing }] } }
            sweep: { seed: [1, 2] }
            """
        #expect(Self.errors(text) == ["s.yaml:4:33: error: checkout calls missing: no service named \"missing\" (services: checkout)"])
    }

    @Test(arguments: [
        ("  services.checkout.replicas: []\n", "s.yaml:6:31: error: sweep services.checkout.replicas must list at least one value"),
        ("  services.checkout.replicas:\n", "s.yaml:6:30: error: sweep services.checkout.replicas must list at least one value"),
        ("  services.checkout.replicas: 3\n",
         "s.yaml:6:31: error: sweep services.checkout.replicas must be a list of values such as [3, …], not '3'"),
        ("  services.checkout.replicas: { a: 1 }\n",
         "s.yaml:6:31: error: sweep services.checkout.replicas must be a list of values such as […], not a mapping"),
        ("  \"services..replicas\": [1]\n", "s.yaml:6:3: error: sweep has an invalid path \"services..replicas\": empty key before '.'"),
        ("  - services.checkout.replicas\n", "s.yaml:6:3: error: sweep must be a mapping, not a list"),
    ])
    func aSweepOfTheWrongShapeIsAnErrorAtItsPlace(sweep: String, error: String) {
        #expect(Self.errors(Self.text(sweep: sweep)) == [error])
    }

    @Test func anEmptySweepIsNoSweep() throws {
        let scenario = try #require(ScenarioLoader.load(text: Self.text(sweep: "  {}\n"), file: "s.yaml").scenario)
        #expect(scenario.sweep.isEmpty)
    }

    // MARK: - Replications

    static func replications(_ value: String) -> String {
        "name: t\nduration: 10s\nclients: [{ name: web, rate: 10/s, target: orders }]\nservices: { orders: {} }\nreplications: \(value)\n"
    }

    @Test func replicationsAreAWholeNumberFromOneToTenThousand() throws {
        #expect(ScenarioLoader.load(text: Self.replications("1"), file: "s.yaml").scenario?.replications == 1)
        #expect(ScenarioLoader.load(text: Self.replications("10000"), file: "s.yaml").scenario?.replications == 10_000)
        #expect(Self.errors(Self.replications("0")) == ["s.yaml:5:15: error: replications must be between 1 and 10000, not 0"])
        #expect(Self.errors(Self.replications("10001")) == ["s.yaml:5:15: error: replications must be between 1 and 10000, not 10001"])
        #expect(Self.errors(Self.replications("ten")) == ["s.yaml:5:15: error: replications must be a whole number, not 'ten'"])
        #expect(Self.errors(Self.replications("2.5")) == ["s.yaml:5:15: error: replications must be a whole number, not '2.5'"])
    }

    // MARK: - Bounds

    /// 100 × 100 × 101 = 1,010,000 points: each value is fine, the grid is not.
    @Test func aGridOverAMillionPointsIsAnErrorWithItsCount() {
        let seeds = (1...100).map(String.init).joined(separator: ", ")
        let replicas = (1...100).map(String.init).joined(separator: ", ")
        let rates = (1...101).map { "\($0)/s" }.joined(separator: ", ")
        let text = Self.text(sweep: "  seed: [\(seeds)]\n  services.checkout.replicas: [\(replicas)]\n  clients[0].rate: [\(rates)]\n")
        #expect(Self.errors(text) == [
            "s.yaml:5:1: error: sweep makes a grid of 1,010,000 points (100 × 100 × 101 values), more than the 1,000,000 "
                + "meshsim runs; sweep fewer values or fewer paths at once",
        ])
    }

    /// 64 axes of two values make 2^64 points, which does not fit in an Int: the count saturates.
    @Test func aGridTooLargeToCountIsStillAnError() {
        let value = YAMLNode(.scalar("1", quoted: false), at: at(6, 3))
        let axes = (0..<64).map { SweepAxis(path: "a\($0)", values: [value, value], location: at(6, 3)) }
        #expect(SweepGrid.pointCount(axes) == Int.max)
        #expect(SweepGrid.boundErrors(axes, at: at(5, 1)).map(\.description) == [
            "s.yaml:5:1: error: sweep makes a grid of more than 9,223,372,036,854,775,807 points, more than the 1,000,000 "
                + "meshsim runs; sweep fewer values or fewer paths at once",
        ])
    }

    @Test func axesAndValuesAreBounded() {
        let value = YAMLNode(.scalar("1", quoted: false), at: at(6, 3))
        let axes = (0..<101).map { SweepAxis(path: "a\($0)", values: [value], location: at(6, 3)) }
        #expect(SweepGrid.boundErrors(axes, name: "--sweep", at: at(5, 1)).map(\.message) == [
            "--sweep has 101 paths, more than the 100 a sweep may vary",
        ])
        let long = [SweepAxis(path: "seed", values: Array(repeating: value, count: 1_001), location: at(6, 3))]
        #expect(SweepGrid.boundErrors(long, at: at(5, 1)).map(\.message) == [
            "sweep lists 1,001 values in all, more than the 1,000 a sweep may try",
        ])
        let atTheBounds = [SweepAxis(path: "seed", values: Array(repeating: value, count: 1_000), location: at(6, 3))]
        #expect(SweepGrid.boundErrors(atTheBounds, at: at(5, 1)).isEmpty)
    }
}
