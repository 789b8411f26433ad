import Engine
import Scenario
import Testing

/// A VirtualService from a manifest that routes to a subset no DestinationRule defines:
/// Kubernetes accepts it, `istioctl analyze` reports IST0101, and Envoy, which was never sent
/// that subset's cluster, answers the route 503 with flag NC ("no cluster found").
@Suite struct UndefinedSubsetTests {
    /// Stands in for the manifest reader: parses `http` from its own file and puts it under
    /// a service of the scenario, so that the routes' locations are in that file.
    private struct ManifestHTTP: ScenarioExpansion {
        let service: String
        let file: String
        let http: String

        var keys: [String] { [] }

        func expand(_ root: YAMLNode) -> ExpandedTree {
            guard let parsed = try? YAMLParser.parse(http, file: file), let merged = Self.set(parsed, at: ["services", service, "http"], in: root)
            else { return ExpandedTree(root: nil, diagnostics: [], files: []) }
            return ExpandedTree(root: merged, diagnostics: [], files: [file])
        }

        private static func set(_ value: YAMLNode, at path: [String], in node: YAMLNode) -> YAMLNode? {
            guard let key = path.first, case .mapping(var entries) = node.value else { return nil }
            if path.count == 1 {
                entries.append(YAMLEntry(key: key, keyLocation: value.location, value: value))
            } else {
                guard let index = entries.firstIndex(where: { $0.key == key }),
                      let child = set(value, at: Array(path.dropFirst()), in: entries[index].value)
                else { return nil }
                entries[index].value = child
            }
            return YAMLNode(.mapping(entries), at: node.location)
        }
    }

    /// `old` sends 100 requests without a header (rule 1: v1, mirrored to v3); `new` sends
    /// 100 with `x-v: 3` (rule 0: subset v3, which reviews does not have).
    private let scenario = """
        name: undefined-subset
        duration: 10s
        clients:
          - { name: old, target: reviews, rate: 10/s, arrival: uniform }
          - { name: new, target: reviews, rate: 10/s, arrival: uniform, requests: [{ path: /, headers: { x-v: "3" } }] }
        mesh: { enabled: true }
        services:
          reviews:
            latency: 1ms
            versions: { v1: {}, v2: {} }
        """

    private let http = """
        - match: [{ headers: { x-v: { exact: "3" } } }]
          route: [{ destination: { host: reviews, subset: v3 } }]
        - route: [{ destination: { host: reviews, subset: v1 } }]
          mirror: { host: reviews, subset: v3 }
        """

    @Test func aManifestRouteToAnUndefinedSubsetWarnsAndAnswers503NC() throws {
        let loaded = ScenarioLoader.load(
            text: scenario, file: "scenario.yaml", expansion: ManifestHTTP(service: "reviews", file: "k8s/reviews.yaml", http: http))
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.warnings.map(\.description).filter { $0.contains("IST0101") } == [
            "k8s/reviews.yaml:2:11: warning: destination of services.reviews.http: ReferencedResourceNotFound (IST0101): subset v3 "
                + "of reviews is not defined by any DestinationRule; Istio answers 503 NC (no cluster found) for this route; "
                + "did you mean \"v1\"?",
            "k8s/reviews.yaml:3:3: warning: mirror of services.reviews.http: ReferencedResourceNotFound (IST0101): subset v3 "
                + "of reviews is not defined by any DestinationRule; Istio mirrors nothing to it; did you mean \"v1\"?",
        ])
        let result = try Simulator.run(try #require(loaded.scenario))
        // The sidecar answers before any cluster: counted on the service, an error for the client.
        #expect(MeshScenario.count(result, .service, "reviews", code: 503, flag: "NC") == 100)
        #expect(MeshScenario.count(result, .total, "all", code: 503, flag: "NC") == 100)
        #expect(TestScenarios.row(result, .client, "new")?.counts.errors == 100)
        // The mirror to v3 copies nothing: v1 serves old's 100 and nothing else, v2 none.
        #expect(MeshScenario.count(result, .version, "reviews/v1", code: 200, flag: "-") == 100)
        #expect(TestScenarios.row(result, .version, "reviews/v1")?.counts.requests == 100)
        #expect(TestScenarios.row(result, .version, "reviews/v2")?.counts.requests == 0)
        #expect(TestScenarios.row(result, .client, "old")?.counts.errors == 0)
    }

    @Test func theSameRouteWrittenInTheScenarioIsAnError() {
        let inline = scenario + "\n    http:\n" + http.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n") + "\n"
        let loaded = ScenarioLoader.load(text: inline, file: "scenario.yaml")
        #expect(loaded.scenario == nil)
        #expect(loaded.errors.map(\.description) == [
            "scenario.yaml:13:17: error: destination of services.reviews.http: service \"reviews\" has no version \"v3\"; did you mean \"v1\"?",
            "scenario.yaml:14:9: error: mirror of services.reviews.http: service \"reviews\" has no version \"v3\"; did you mean \"v1\"?",
        ])
    }

    @Test func aManifestRouteToAHostNoServiceBacksStaysAnError() {
        let typo = http.replacingOccurrences(of: "host: reviews, subset: v1", with: "host: reviewz")
        let loaded = ScenarioLoader.load(
            text: scenario, file: "scenario.yaml", expansion: ManifestHTTP(service: "reviews", file: "k8s/reviews.yaml", http: typo))
        #expect(loaded.scenario == nil)
        #expect(loaded.errors.map(\.description) == [
            "k8s/reviews.yaml:3:11: error: destination of services.reviews.http: no service named \"reviewz\"; did you mean \"reviews\"?",
        ])
    }
}
