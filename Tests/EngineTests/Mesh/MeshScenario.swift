import Engine
import Scenario
import Testing

/// Mesh scenarios for the engine tests, written in YAML as users write them.
enum MeshScenario {
    static func load(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Scenario? {
        let loaded = ScenarioLoader.load(text: yaml, file: "mesh.yaml")
        #expect(loaded.errors.isEmpty, "\(loaded.errors.map(\.description))", sourceLocation: sourceLocation)
        return loaded.scenario
    }

    static func run(_ yaml: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> RunResult {
        let scenario = try #require(load(yaml, sourceLocation: sourceLocation), sourceLocation: sourceLocation)
        return try Simulator.run(scenario)
    }

    static func count(_ result: RunResult, _ scope: ScopeKind, _ name: String, code: Int, flag: String) -> Int {
        result.responses.first { $0.scope == scope && $0.name == name && $0.code == code && $0.flag == flag }?.count ?? 0
    }
}
