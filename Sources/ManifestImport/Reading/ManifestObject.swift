import Scenario

/// One object read from a manifest document: a Kubernetes object (`apiVersion`, `kind`,
/// `metadata`), or a whole Kong decK declarative file (kind `decK`).
struct ManifestObject: Sendable {
    /// `networking.istio.io/v1`; `v1` for the core group; `_format_version` for decK.
    var apiVersion: String
    var kind: String
    var name: String
    /// `metadata.namespace`, else the scenario's `namespace`.
    var namespace: String
    /// The whole document.
    var node: YAMLNode
    /// Where the object starts, for messages about it as a whole.
    var location: SourceLocation { node.entry("kind")?.keyLocation ?? node.location }

    /// The API group: `networking.istio.io`; empty for the core group (`v1`).
    var group: String {
        guard let slash = apiVersion.firstIndex(of: "/") else { return "" }
        return String(apiVersion[..<slash])
    }

    var spec: YAMLNode? { node["spec"] }
    var labels: [String: String] { node["metadata", "labels"]?.stringMap ?? [:] }
    var annotations: [String: String] { node["metadata", "annotations"]?.stringMap ?? [:] }

    /// `Kind name` for messages: `VirtualService reviews.shop`.
    var reference: String { "\(kind) \(name).\(namespace)" }

    /// True for `kind` in one of `groups` (the group part of apiVersion; any version).
    func isKind(_ kind: String, in groups: Set<String>) -> Bool {
        self.kind == kind && groups.contains(group)
    }
}
