import Scenario

/// Tells apart, on `meshsim validate`'s command line, the scenarios and the manifests given
/// after them (`meshsim validate a.yaml k8s/ b.yaml kong.yaml`). The first argument is a
/// scenario; a later one is a scenario when it is a missing file (its loading says so) or a
/// file whose first document has `clients` or `duration` at its top, keys every scenario has
/// and no Kubernetes object or decK file has. Anything else is a manifest: a folder, a glob
/// (`'k8s/*.yaml'`, quoted past the shell), an object, a file of comments only, or one that
/// does not parse (an unrendered Helm template), whose reading then says what is wrong with
/// it. Manifests belong to the scenario before them.
public enum ManifestArguments {
    public struct Group: Equatable, Sendable {
        public var scenario: String
        public var manifests: [String]

        public init(scenario: String, manifests: [String] = []) {
            self.scenario = scenario
            self.manifests = manifests
        }
    }

    public static func group(_ paths: [String]) -> [Group] {
        var groups: [Group] = []
        for path in paths {
            if let last = groups.indices.last, isManifest(path) {
                groups[last].manifests.append(path)
            } else {
                groups.append(Group(scenario: path))
            }
        }
        return groups
    }

    public static func isManifest(_ path: String) -> Bool {
        if ManifestFiles.isDirectory(path) { return true }
        guard case .success(let text) = ScenarioFile.read(path, as: .manifest) else {
            return ManifestFiles.isGlob(path) && !ManifestFiles.expandGlob(path).isEmpty
        }
        guard let first = try? YAMLParser.parseStream(text, file: path).first else { return true }
        return !["clients", "duration"].contains { first.entry($0) != nil }
    }
}
