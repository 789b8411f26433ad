/// A step between overrides and decoding that adds to a scenario's tree what other files
/// hold: the manifests a scenario names (the ManifestImport target implements it). The
/// Scenario target knows only this seam, so the scenario format stays readable without it.
public protocol ScenarioExpansion: Sendable {
    /// Top-level keys the expansion reads and removes from the tree (`manifests`,
    /// `namespace`). Overrides of these paths are applied before it runs and every other
    /// override after it, so that `--set` and variants can change a field a manifest gave.
    var keys: [String] { get }

    /// The tree with the other files' content merged in. `root` is nil when there is any error.
    func expand(_ root: YAMLNode) -> ExpandedTree
}

public struct ExpandedTree: Sendable {
    public var root: YAMLNode?
    public var diagnostics: [Diagnostic]
    /// The files whose content was merged in. In them an unknown or unsimulated key is a
    /// warning, not an error: a cluster accepts the field, so a folder of real manifests must
    /// load (see `DecodeContext.isLenient`).
    public var files: Set<String>
    /// How many objects those files held, for `validate`'s `read 42 objects from 7 … files`.
    public var objects: Int
    /// The scenario's `namespace:` (default `default`): the namespace of the workloads the
    /// run's Prometheus series name.
    public var namespace: String

    public init(root: YAMLNode?, diagnostics: [Diagnostic], files: Set<String>, objects: Int = 0, namespace: String = "default") {
        self.root = root
        self.diagnostics = diagnostics
        self.files = files
        self.objects = objects
        self.namespace = namespace
    }
}
