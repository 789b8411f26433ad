import Foundation
import Scenario

/// Reads the manifests a scenario names (`manifests:`, relative to the scenario file) and
/// those given after it on the command line (relative to the current folder), and merges
/// the objects into the scenario's tree, where the Scenario decoders read them as if written
/// inline. `namespace:` is the namespace of objects that name none (default `default`).
public struct ManifestExpansion: ScenarioExpansion {
    public let keys = ["manifests", "namespace"]
    let scenarioFile: String
    let extraManifests: [String]
    /// Manifests given as text (file name, text) instead of files: the fuzz target's input.
    let manifestTexts: [(file: String, text: String)]

    public init(scenarioFile: String, extraManifests: [String] = []) {
        self.scenarioFile = scenarioFile
        self.extraManifests = extraManifests
        manifestTexts = []
    }

    /// Reads `texts` as manifest files named `file` and nothing from disk: the scenario's
    /// `manifests:` entries are checked but not followed (a fuzzed `manifests: [/]` must not
    /// walk the machine).
    public init(scenarioFile: String, manifestTexts: [(file: String, text: String)]) {
        self.scenarioFile = scenarioFile
        extraManifests = []
        self.manifestTexts = manifestTexts
    }

    public func expand(_ root: YAMLNode) -> ExpandedTree {
        var diagnostics: [Diagnostic] = []
        var entries: [ManifestFiles.Entry] = []
        if let node = root["manifests"] {
            // One entry may be written without the list; a mapping is an entry that is not text.
            let items: [YAMLNode]
            if case .sequence(let list) = node.value { items = list } else { items = [node] }
            for item in items {
                guard let path = item.text, !path.isEmpty else {
                    diagnostics.append(.error("manifests: each entry is a file, folder or glob, written as text", at: item.location))
                    continue
                }
                entries.append(ManifestFiles.Entry(path: path, location: item.location))
            }
        }
        var namespace = "default"
        if let node = root["namespace"] {
            if let text = node.text, Self.isNamespaceName(text) {
                namespace = text
            } else {
                diagnostics.append(.error("namespace: '\(Diagnostic.excerpt(node.text ?? "a collection"))' is not a Kubernetes namespace name (lower-case letters, digits and '-', at most 63, starting and ending with a letter or digit)", at: node.location))
            }
        }
        let stripped = root.removing(keys)
        let base = (scenarioFile as NSString).deletingLastPathComponent
        var (files, fileDiagnostics) = manifestTexts.isEmpty ? ManifestFiles.resolve(entries, relativeTo: base) : ([], [])
        let arguments = extraManifests.map { ManifestFiles.Entry(path: $0, location: SourceLocation(file: $0, line: 1, column: 1)) }
        let (argumentFiles, argumentDiagnostics) = ManifestFiles.resolve(arguments, relativeTo: "")
        let named = Set(files.map(ManifestFiles.identity(of:)))
        files += argumentFiles.filter { !named.contains(ManifestFiles.identity(of: $0)) }
        diagnostics += fileDiagnostics + argumentDiagnostics
        guard !files.isEmpty || !manifestTexts.isEmpty else {
            let failed = diagnostics.contains { $0.severity == .error }
            return ExpandedTree(root: failed ? nil : stripped, diagnostics: diagnostics, files: [], namespace: namespace)
        }
        var read = ManifestReader.read(files, namespace: namespace)
        for (file, text) in manifestTexts {
            guard ManifestReader.read(text: text, file: file, namespace: namespace, into: &read) else { break }
        }
        diagnostics += read.diagnostics
        let (fragment, translationDiagnostics) = ManifestTranslation.translate(read.objects, scenario: stripped, namespace: namespace)
        diagnostics += translationDiagnostics
        let merged = TreeMerge.merge(stripped, fragment, diagnostics: &diagnostics)
        let failed = diagnostics.contains { $0.severity == .error }
        return ExpandedTree(
            root: failed ? nil : merged, diagnostics: diagnostics, files: Set(read.files), objects: read.objects.count, namespace: namespace)
    }

    /// RFC 1123 label, as Kubernetes requires of a namespace's name.
    static func isNamespaceName(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (1...63).contains(bytes.count) else { return false }
        func alphanumeric(_ byte: UInt8) -> Bool { (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) }
        guard let first = bytes.first, let last = bytes.last, alphanumeric(first), alphanumeric(last) else { return false }
        return bytes.allSatisfy { alphanumeric($0) || $0 == 45 }
    }
}
