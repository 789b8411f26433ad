import Foundation
import ManifestImport
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

    /// Writes `files`, loads them (see `load`) and removes them: what most tests need.
    static func loaded(_ files: [String: String], extra: [String] = [], overrides: [Override] = []) throws -> (ScenarioLoader.Loaded, messages: [String]) {
        let fixture = try ManifestFixture(files)
        defer { fixture.remove() }
        let loaded = fixture.load(extra: extra, overrides: overrides)
        return (loaded, fixture.messages(loaded))
    }
}
