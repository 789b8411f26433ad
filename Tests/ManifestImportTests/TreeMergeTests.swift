import Scenario
import Testing
@testable import ManifestImport

@Suite struct TreeMergeTests {
    @Test func mappingsMergeKeyByKeyAndLeavesConflict() throws {
        let scenario = try YAMLParser.parse("services:\n  orders:\n    latency: 5ms\n    http: []\n", file: "s.yaml")
        let manifest = try YAMLParser.parse("services:\n  orders:\n    replicas: 3\n    http: [x]\n  pay:\n    replicas: 1\n", file: "m.yaml")
        var diagnostics: [Diagnostic] = []
        let merged = TreeMerge.merge(scenario, manifest, diagnostics: &diagnostics)
        #expect(merged["services", "orders"]?.entries.map(\.key) == ["latency", "http", "replicas"])
        #expect(merged["services"]?.entries.map(\.key) == ["orders", "pay"])
        #expect(diagnostics.map(\.description) == ["m.yaml:4:11: error: services.orders.http is defined twice: here and at s.yaml:4:11"])
    }
}
