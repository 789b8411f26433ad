import Foundation
import Scenario

/// `meshsim import`: a starting scenario for a set of manifests. It names them in
/// `manifests:` and adds what no manifest holds, as placeholders marked `TODO`: a client per
/// gateway route (or, with no route, per service), each service's latency, and commented
/// examples of errors, calls, faults and assertions. The draft is loaded as `validate` loads
/// it before it is handed out, so a draft is either one `validate` passes or its errors.
public struct ScenarioDraft: Sendable {
    /// The scenario's text; nil when the manifests have errors (then in `diagnostics`).
    public var text: String?
    /// The manifests' errors and warnings, as `validate` would print them for the draft.
    public var diagnostics: [Diagnostic]

    /// Placeholders, the same for every service and client: a reader replaces them.
    static let rate = "10/s"
    static let latency = "10ms"
    static let duration = "1m"

    /// `paths`: manifest files, folders and globs, relative to the current folder.
    /// `scenarioFile`: where the draft will be written, whose folder its `manifests:` entries
    /// are relative to; nil when it goes to standard output (entries as given).
    public static func make(paths: [String], scenarioFile: String?) -> ScenarioDraft {
        let entries = paths.map { ManifestFiles.Entry(path: $0, location: SourceLocation(file: $0, line: 1, column: 1)) }
        let (files, fileDiagnostics) = ManifestFiles.resolve(entries, relativeTo: "")
        if fileDiagnostics.contains(where: { $0.severity == .error }) {
            return ScenarioDraft(text: nil, diagnostics: fileDiagnostics)
        }
        let read = ManifestReader.read(files, namespace: "default")
        let namespace = commonNamespace(read.objects)
        let objects = read.objects.map { object in
            var object = object
            if object.node["metadata", "namespace"]?.text == nil { object.namespace = namespace }
            return object
        }
        let empty = YAMLNode.mapping([], at: SourceLocation(file: paths.first ?? ".", line: 1, column: 1))
        // The draft switches the mesh on for Istio objects: translate them as it will load them.
        let istio = objects.contains { $0.group.hasSuffix("istio.io") }
        let meshOn = YAMLNode.mapping([("mesh", .mapping([("enabled", .scalar("true", at: empty.location))], at: empty.location))], at: empty.location)
        // The translation's own messages come again, located, from loading the draft below.
        let (fragment, _) = ManifestTranslation.translate(objects, scenario: istio ? meshOn : empty, namespace: namespace)
        var ignored: [Diagnostic] = []
        let directory = ServiceDirectory(objects: objects, scenarioServices: [], namespace: namespace, diagnostics: &ignored)
        // Services the manifests define, then those only a gateway route names (a decK
        // service whose host no Kubernetes Service backs): a route needs its service.
        let routes = fragment["gateway", "routes"]?.items ?? []
        var services: [String] = []
        var seen: Set<String> = []
        for name in (fragment["services"]?.entries.map(\.key) ?? []) + directory.services.map(\.scenarioName)
            + routes.flatMap({ [$0["service"]?.text] + ($0["backends"]?.items ?? []).map { $0["service"]?.text } }).compactMap({ $0 })
        where seen.insert(name).inserted {
            services.append(name)
        }
        guard !services.isEmpty else {
            let message = "found no service in \(DraftWriter.counted(files.count, "manifest file")) (\(DraftWriter.counted(read.objects.count, "object"))): "
                + "a draft needs at least one Kubernetes Service (v1), Kong service or Flagger Canary; point at the folder that holds them"
            return ScenarioDraft(text: nil, diagnostics: read.diagnostics + [.error(message, at: empty.location)])
        }
        let base = scenarioFile.map { ($0 as NSString).deletingLastPathComponent } ?? ""
        var writer = DraftWriter(
            name: scenarioName(scenarioFile), manifests: paths.map { DraftWriter.relative($0, to: base) },
            namespace: namespace == "default" ? nil : namespace, counts: (files.count, read.objects.count))
        writer.mesh = istio
        let globalPlugins = fragment["gateway", "plugins"]?.items ?? []
        let consumers = fragment["gateway", "consumers"]?.items ?? []
        writer.routes = routes.compactMap { DraftWriter.Route($0, globalPlugins: globalPlugins, consumers: consumers) }
        // Istio's ingress gateway (a Gateway and its VirtualServices): a client per rule.
        writer.routes += (fragment["gateway", "http"]?.items ?? []).compactMap(DraftWriter.Route.init(istioRule:))
        writer.services = services
        let text = writer.text
        // Checked as `validate` will check it, from where it will be.
        let loaded = ScenarioLoader.load(
            text: text, file: scenarioFile ?? "<stdout>", expansion: ManifestExpansion(scenarioFile: scenarioFile ?? "<stdout>"))
        let failed = loaded.diagnostics.contains { $0.severity == .error } || loaded.omittedErrors > 0
        return ScenarioDraft(text: failed ? nil : text, diagnostics: loaded.diagnostics)
    }

    /// The namespace most objects name (the first by name on a tie), so that their services
    /// keep their plain names; `default` when none names one.
    static func commonNamespace(_ objects: [ManifestObject]) -> String {
        var counts: [String: Int] = [:]
        for object in objects {
            if let namespace = object.node["metadata", "namespace"]?.text { counts[namespace, default: 0] += 1 }
        }
        let best = counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
        return best.map(\.key).flatMap { ManifestExpansion.isNamespaceName($0) ? $0 : nil } ?? "default"
    }

    /// The file's name without its extension, when it is a valid scenario name; else `imported`.
    static func scenarioName(_ file: String?) -> String {
        let stem = file.map { (($0 as NSString).lastPathComponent as NSString).deletingPathExtension } ?? ""
        let valid = !stem.isEmpty && stem.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || ".-_".unicodeScalars.contains($0)) }
        return valid ? stem : "imported"
    }
}
