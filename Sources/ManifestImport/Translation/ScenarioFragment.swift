import Scenario

/// The part of a scenario's tree that the manifests write, built value by value: each value
/// keeps its manifest location (so the decoders' messages point into the manifest), and a
/// value written twice is an error naming both objects.
///
/// Mappings are held in an index while values are written, so a write costs the length of
/// its path, not the size of the tree: a cluster's thousands of Services each write a few
/// values under `services`.
struct ScenarioFragment {
    private final class Mapping {
        let location: SourceLocation
        var keys: [(key: String, location: SourceLocation)] = []
        var children: [String: Child] = [:]

        init(at location: SourceLocation) { self.location = location }

        var node: YAMLNode {
            YAMLNode(.mapping(keys.compactMap { key, location in
                guard let child = children[key] else { return nil }
                return YAMLEntry(key: key, keyLocation: location, value: child.node)
            }), at: self.location)
        }
    }

    private enum Child {
        case mapping(Mapping)
        case value(YAMLNode)

        var node: YAMLNode {
            switch self {
            case .mapping(let mapping): mapping.node
            case .value(let node): node
            }
        }
    }

    private let top: Mapping
    var diagnostics: [Diagnostic] = []

    init(at location: SourceLocation) {
        top = Mapping(at: location)
    }

    /// The tree written so far.
    var root: YAMLNode { top.node }

    /// Writes `node` at `path` (`["services", "reviews", "trafficPolicy"]`); the mappings
    /// along the path are created at `location` (the object that writes them).
    mutating func set(_ path: [String], _ node: YAMLNode, from location: SourceLocation) {
        guard let last = path.last else { return }
        var mapping = top
        var walked: [String] = []
        for key in path.dropLast() {
            walked.append(key)
            switch mapping.children[key] {
            case .mapping(let child)?:
                mapping = child
            case .value(let existing)?:
                // A whole mapping written earlier (a VirtualService's rule): merge below it.
                let rest = Array(path[walked.count...])
                mapping.children[key] = .value(merged(existing, Self.wrap(node, in: rest, at: location), path: walked))
                return
            case nil:
                let child = Mapping(at: location)
                mapping.keys.append((key, location))
                mapping.children[key] = .mapping(child)
                mapping = child
            }
        }
        switch mapping.children[last] {
        case nil:
            mapping.keys.append((last, node.location))
            mapping.children[last] = .value(node)
        case .value(let existing)?:
            mapping.children[last] = .value(merged(existing, node, path: path))
        case .mapping(let existing)?:
            mapping.children[last] = .value(merged(existing.node, node, path: path))
        }
    }

    private mutating func merged(_ existing: YAMLNode, _ node: YAMLNode, path: [String]) -> YAMLNode {
        // TreeMerge names the conflict by its path below `path`; give it the whole path.
        TreeMerge.merge(
            Self.wrap(existing, in: path, at: existing.location), Self.wrap(node, in: path, at: node.location),
            diagnostics: &diagnostics
        )[path: path] ?? existing
    }

    private static func wrap(_ node: YAMLNode, in path: [String], at location: SourceLocation) -> YAMLNode {
        var tree = node
        for key in path.reversed() {
            tree = YAMLNode(.mapping([YAMLEntry(key: key, keyLocation: location, value: tree)]), at: location)
        }
        return tree
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        diagnostics.append(.warning(message, at: location))
    }
}
