import Scenario

/// Where a service's workloads sit in the mesh, written beside their replicas (on the service,
/// or on the version a workload runs): `sidecar: false` when Istio would not inject one,
/// `serviceAccount`, the pod `labels` that policy selectors match, and the `zone` (or `zones`)
/// the pods are scheduled in. On the service itself: its `namespace` and target `port`.
enum WorkloadIdentityTranslator {
    typealias Workload = ServiceDirectory.Workload

    /// Node labels Istio reads a pod's locality from (pilot's kube controller), the
    /// deprecated `failure-domain.beta` ones as fallback.
    static let zoneKeys = ["topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"]
    static let regionKeys = ["topology.kubernetes.io/region", "failure-domain.beta.kubernetes.io/region"]

    /// `podLabels` false: a rollout's versions, whose pods the controller relabels (Flagger's
    /// primary runs `app: NAME-primary`), take the scenario's default labels.
    static func write(_ workload: Workload, at path: [String], podLabels: Bool = true, _ translation: inout ManifestTranslation) {
        let template = workload.object.spec?["template"]
        let at = workload.object.location
        // `sidecar: false` means something only in a mesh; the scenario's own mesh.enabled decides.
        if translation.scenario["mesh", "enabled"]?.text == "true", translation.directory.withoutSidecarReason(workload) != nil {
            let inject = template?["metadata", "labels", "sidecar.istio.io/inject"] ?? template?["metadata", "annotations", "sidecar.istio.io/inject"]
            translation.fragment.set(path + ["sidecar"], YAMLNode(.scalar("false", quoted: false), at: inject?.location ?? at), from: at)
        }
        // Kubernetes runs a pod without serviceAccountName (or its old alias serviceAccount) as `default`.
        let account = template?["spec", "serviceAccountName"] ?? template?["spec", "serviceAccount"]
        translation.fragment.set(path + ["serviceAccount"], account ?? .scalar("default", at: at), from: at)
        if podLabels, let labels = template?["metadata", "labels"], labels.isMapping {
            translation.fragment.set(path + ["labels"], labels, from: at)
        }
        if let (zones, location) = zones(of: template?["spec"]) {
            let node = zones.count == 1
                ? YAMLNode.scalar(zones[0], at: location)
                : YAMLNode(.sequence(zones.map { YAMLNode.scalar($0, at: location) }), at: location)
            translation.fragment.set(path + [zones.count == 1 ? "zone" : "zones"], node, from: at)
        }
    }

    /// The Service's namespace, and the first port's `targetPort` when a number (Kubernetes
    /// defaults it to `port`): the port PeerAuthentication `portLevelMtls` names.
    static func write(_ service: ServiceDirectory.KubeService, _ translation: inout ManifestTranslation) {
        let object = service.object
        let namespace = object.node["metadata", "namespace"]?.location ?? object.location
        translation.fragment.set(["services", service.scenarioName, "namespace"], .scalar(object.namespace, at: namespace), from: object.location)
        guard object.kind == "Service", let first = object.spec?["ports"]?.items.first else { return }
        if let port = first["targetPort"] ?? first["port"], let text = port.text, Int(text) != nil {
            translation.fragment.set(["services", service.scenarioName, "port"], port, from: object.location)
        }
    }

    /// The zones a pod template's `nodeSelector` or required node affinity (one term, `In`)
    /// pins it to, as `region/zone` when the region is pinned too; nil when neither says.
    static func zones(of podSpec: YAMLNode?) -> ([String], SourceLocation)? {
        var zones: [String] = []
        var region: String?
        var location: SourceLocation?
        if let selector = podSpec?["nodeSelector"] {
            if let zone = zoneKeys.lazy.compactMap({ selector[$0] }).first, let text = zone.text {
                (zones, location) = ([text], zone.location)
            }
            region = regionKeys.lazy.compactMap { selector[$0]?.text }.first
        }
        let terms = podSpec?["affinity", "nodeAffinity", "requiredDuringSchedulingIgnoredDuringExecution", "nodeSelectorTerms"]?.items ?? []
        // Several terms are alternatives the scheduler picks among: no single place.
        if terms.count == 1 {
            for expression in terms[0]["matchExpressions"]?.items ?? [] where expression["operator"]?.text == "In" {
                guard let key = expression["key"]?.text, let values = expression["values"] else { continue }
                let texts = values.items.compactMap(\.text)
                if zoneKeys.contains(key), !texts.isEmpty, zones.isEmpty {
                    (zones, location) = (texts, values.location)
                } else if regionKeys.contains(key), texts.count == 1, region == nil {
                    region = texts[0]
                }
            }
        }
        guard let location, !zones.isEmpty else { return nil }
        return (region.map { region in zones.map { "\(region)/\($0)" } } ?? zones, location)
    }
}
