import Foundation
@testable import ManifestImport
import Scenario

/// A scenario and its manifests written to a fresh temporary folder, loaded as `meshsim`
/// loads them. Files are named relative to the folder; `scenario.yaml` is the scenario.
struct ManifestFixture {
    let folder: String

    init(_ files: [String: String]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("manifests-\(UUID().uuidString)").path
        for (name, text) in files {
            let path = folder + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    var scenarioPath: String { folder + "/scenario.yaml" }

    /// Loads `scenario.yaml` with its `manifests:` and `extra` manifest paths (relative to the folder).
    func load(extra: [String] = [], overrides: [Override] = []) -> ScenarioLoader.Loaded {
        let expansion = ManifestExpansion(scenarioFile: scenarioPath, extraManifests: extra.map { folder + "/" + $0 })
        return ScenarioLoader.load(path: scenarioPath, overrides: overrides, expansion: expansion)
    }

    /// Diagnostics as printed, with the folder taken out of file names (`k8s/dr.yaml:3:5: error: …`).
    func messages(_ loaded: ScenarioLoader.Loaded) -> [String] {
        loaded.diagnostics.map { $0.description.replacingOccurrences(of: folder + "/", with: "") }
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// The objects of `text`, read as the expansion reads a manifest file named `file`.
    static func objects(_ text: String, file: String) throws -> [ManifestObject] {
        var result = ManifestReader.Result()
        for document in try YAMLParser.parseStream(text, file: file) {
            ManifestReader.add(document, namespace: "default", to: &result)
        }
        return result.objects
    }

    /// A translation of `objects` that no step has run on yet, for the tests of one step;
    /// `scenario` is the scenario's own tree (empty when not given).
    static func translation(_ objects: [ManifestObject], scenario: YAMLNode? = nil) -> ManifestTranslation {
        let location = objects.first?.location ?? SourceLocation(file: "m.yaml", line: 1, column: 1)
        var ignored: [Diagnostic] = []
        let directory = ServiceDirectory(objects: objects, scenarioServices: [], namespace: "default", diagnostics: &ignored)
        return ManifestTranslation(
            objects: objects, directory: directory, fragment: ScenarioFragment(at: location),
            scenario: scenario ?? YAMLNode(.mapping([]), at: location))
    }

    /// Writes `files`, loads them (see `load`) and removes them: what most tests need.
    static func loaded(_ files: [String: String], extra: [String] = [], overrides: [Override] = []) throws -> (ScenarioLoader.Loaded, messages: [String]) {
        let fixture = try ManifestFixture(files)
        defer { fixture.remove() }
        let loaded = fixture.load(extra: extra, overrides: overrides)
        return (loaded, fixture.messages(loaded))
    }
}
