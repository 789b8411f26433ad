import Scenario

/// Tells apart, on `meshsim validate`'s command line, the scenarios and the manifests given
/// after them (`meshsim validate a.yaml k8s/ b.yaml kong.yaml`). The first argument is a
/// scenario; a later one is a manifest when it is a folder, a glob that names no file as
/// written (`'k8s/*.yaml'`, quoted past the shell), or a file whose first document has
/// `apiVersion`, `kind` or `_format_version` at its top: a Kubernetes object, a `List`, or a
/// decK file, keys a scenario never has. Anything else, a missing file included, is a
/// scenario, whose loading then says what is wrong with it. Manifests belong to the
/// scenario before them.
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
        // A file that does not parse is left to the scenario reader, which locates the mistake.
        guard let first = try? YAMLParser.parseStream(text, file: path).first else { return false }
        return ["apiVersion", "kind", "_format_version"].contains { first.entry($0) != nil }
    }
}
