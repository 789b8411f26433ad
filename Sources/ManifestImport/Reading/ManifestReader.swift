import Scenario

/// Reads manifest files into objects: multi-document YAML (`---`) or JSON, `kind: List`
/// (and `…List` kinds such as `DeploymentList`) unwrapped into their `items`, and a Kong decK
/// file (`_format_version`) as one object of kind `decK`. A file that does not parse is an
/// error (the cluster would reject it); a document that is no object is a warning.
enum ManifestReader {
    /// Objects in all; far above a cluster's configuration, low enough to keep tables small.
    static let maxObjects = 100_000

    struct Result: Sendable {
        var objects: [ManifestObject] = []
        var diagnostics: [Diagnostic] = []
        /// The files read (their content is what `ExpandedTree.files` makes lenient).
        var files: [String] = []
    }

    static func read(_ files: [String], namespace: String) -> Result {
        var result = Result()
        for file in files {
            switch ScenarioFile.read(file, as: .manifest) {
            case .success(let text):
                guard read(text: text, file: file, namespace: namespace, into: &result) else { return result }
            case .failure(let error):
                result.files.append(file)
                result.diagnostics.append(error)
            }
        }
        return result
    }

    /// Reads one file's text; false once the objects are over the bound (stop reading).
    static func read(text: String, file: String, namespace: String, into result: inout Result) -> Bool {
        result.files.append(file)
        let documents: [YAMLNode]
        do {
            documents = try YAMLParser.parseStream(text, file: file)
        } catch {
            var error = error
            // `{{ … }}` is a Helm chart's (or another Go template's) unrendered text, which
            // the cluster never sees: it gets the output of `helm template`.
            if text.contains("{{"), text.contains("}}") {
                error.message += " (the file holds '{{ … }}', a Helm or Go template: meshsim reads rendered manifests; render it first, e.g. helm template RELEASE CHART > manifests.yaml)"
            }
            result.diagnostics.append(error)
            return true
        }
        if documents.isEmpty {
            result.diagnostics.append(.warning("holds no objects", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        for document in documents {
            add(document, namespace: namespace, to: &result)
            if result.objects.count > maxObjects {
                result.diagnostics.append(.error("the manifests hold more than \(CountText.grouped(maxObjects)) objects, more than meshsim reads", at: document.location))
                return false
            }
        }
        return true
    }

    static func add(_ document: YAMLNode, namespace: String, to result: inout Result) {
        guard document.isMapping else {
            result.diagnostics.append(.warning("ignored: this document is not a Kubernetes object or a Kong decK file (it is not a mapping)", at: document.location))
            return
        }
        if document["_format_version"] != nil {
            result.objects.append(ManifestObject(apiVersion: "_format_version", kind: "decK", name: "", namespace: namespace, node: document))
            return
        }
        guard let apiVersion = document["apiVersion"]?.text, let kind = document["kind"]?.text else {
            // decK reads such a file as format 1.1 and refuses to apply it to Kong 3 (cmd/common.go).
            if document["apiVersion"] == nil, document["kind"] == nil, ["services", "routes", "consumers", "plugins", "upstreams"].contains(where: { document.entry($0) != nil }) {
                result.diagnostics.append(.warning("ignored: this looks like a Kong decK file without _format_version, which decK reads as format 1.1 and refuses to apply to Kong 3; add _format_version: \"3.0\" at its top", at: document.location))
                return
            }
            let missing = document["kind"] == nil ? "kind" : "apiVersion"
            result.diagnostics.append(.warning("ignored: this document has no \(missing), so it is neither a Kubernetes object nor a Kong decK file (which starts with _format_version)", at: document.location))
            return
        }
        // A List has no name of its own (a named kind ending in List without items is some
        // other object); its `items` are what kubectl applies.
        if kind.hasSuffix("List"), document["metadata", "name"] == nil || document["items"] != nil {
            let items = document["items"]
            switch items?.value {
            case .sequence(let list)?:
                for item in list { add(item, namespace: namespace, to: &result) }
                if list.isEmpty { fallthrough }
            case nil:
                result.diagnostics.append(.warning("this \(kind) holds no objects", at: document.entry("kind")?.keyLocation ?? document.location))
            default:
                result.diagnostics.append(.error("\(kind).items must be a list of objects", at: items?.location ?? document.location))
            }
            return
        }
        guard let name = document["metadata", "name"]?.text, !name.isEmpty else {
            result.diagnostics.append(.error("\(kind) has no metadata.name; the cluster rejects an object without a name", at: document.entry("kind")?.keyLocation ?? document.location))
            return
        }
        let objectNamespace = document["metadata", "namespace"]?.text ?? namespace
        result.objects.append(ManifestObject(apiVersion: apiVersion, kind: kind, name: name, namespace: objectNamespace, node: document))
    }
}
