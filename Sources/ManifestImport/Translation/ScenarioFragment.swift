import Scenario

/// The part of a scenario's tree that the manifests write, built value by value: each value
/// keeps its manifest location (so the decoders' messages point into the manifest), and a
/// value written twice is an error naming both objects.
struct ScenarioFragment {
    private(set) var root: YAMLNode
    var diagnostics: [Diagnostic] = []

    init(at location: SourceLocation) {
        root = YAMLNode(.mapping([]), at: location)
    }

    /// Writes `node` at `path` (`["services", "reviews", "trafficPolicy"]`); the mappings
    /// along the path are created at `location` (the object that writes them).
    mutating func set(_ path: [String], _ node: YAMLNode, from location: SourceLocation) {
        var tree = node
        for key in path.reversed() {
            tree = YAMLNode(.mapping([YAMLEntry(key: key, keyLocation: location, value: tree)]), at: location)
        }
        root = TreeMerge.merge(root, tree, diagnostics: &diagnostics)
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }
}
