import Scenario

/// Which services the manifests and the scenario define, and how a host names one of them.
///
/// A service is a Kubernetes `v1` Service (its `selector` ties it to workloads), a service
/// written in the scenario, or one a Flagger Canary generates. Its scenario name is its
/// Kubernetes name in the scenario's namespace and `name.namespace` in another, so two
/// namespaces' `reviews` stay apart. Hosts resolve as Istio resolves them: `reviews`,
/// `reviews.shop`, `reviews.shop.svc` and `reviews.shop.svc.cluster.local` are one service
/// when the object that names them is in namespace `shop`.
struct ServiceDirectory {
    /// A Deployment, StatefulSet or Argo Rollout: what runs a service's instances.
    struct Workload {
        var object: ManifestObject
        /// `spec.replicas`; Kubernetes' default 1 when absent.
        var replicas: Int
        /// The `spec.replicas` node, for locations; nil when defaulted.
        var replicasNode: YAMLNode?
        /// `spec.template.metadata.labels`: what Service selectors and subset labels match.
        var podLabels: [String: String]
        /// `spec.template.spec.serviceAccountName`: the identity mesh security checks (nil: `default`).
        var serviceAccountName: String?
        /// `sidecar.istio.io/inject` on the pod template: the label, else the annotation (Istio
        /// reads the label first); nil when neither is written.
        var sidecarInject: String?
    }

    struct KubeService {
        var object: ManifestObject
        var selector: [String: String]
        /// The name in the scenario's tree.
        var scenarioName: String
    }

    /// The scenario's default namespace (`namespace:`, default `default`).
    let namespace: String
    private(set) var workloads: [Workload] = []
    private(set) var services: [KubeService] = []
    /// Services written in the scenario, by name (they live in the default namespace).
    private(set) var scenarioServices: [String] = []
    /// scenario name → index in `services`.
    private var byName: [String: Int] = [:]
    /// Indices into `workloads` (ascending) by `namespace/key=value` of each pod label, so that
    /// a selector looks only at the workloads carrying its labels: a cluster's thousands of
    /// Services would otherwise each test every workload.
    private var workloadsByLabel: [String: [Int]] = [:]
    /// `v1` Namespace objects' labels by namespace name (for `istio-injection`).
    private(set) var namespaceLabels: [String: [String: String]] = [:]

    static let workloadKinds: [(kind: String, groups: Set<String>)] = [
        ("Deployment", ["apps"]), ("StatefulSet", ["apps"]), ("Rollout", ["argoproj.io"]),
    ]

    init(objects: [ManifestObject], scenarioServices: [String], namespace: String, diagnostics: inout [Diagnostic]) {
        self.namespace = namespace
        self.scenarioServices = scenarioServices
        for object in objects {
            if Self.workloadKinds.contains(where: { object.isKind($0.kind, in: $0.groups) }) {
                workloads.append(Self.workload(object, diagnostics: &diagnostics))
            } else if object.kind == "Namespace" && object.group.isEmpty {
                namespaceLabels[object.name] = object.labels
            } else if object.kind == "Service" && object.group.isEmpty {
                let name = scenarioName(object.name, in: object.namespace)
                if let first = byName[name] {
                    diagnostics.append(.error("Service \(object.name) in namespace \(object.namespace) is defined twice: here and at \(services[first].object.location)", at: object.location))
                    continue
                }
                byName[name] = services.count
                services.append(KubeService(object: object, selector: object.spec?["selector"]?.stringMap ?? [:], scenarioName: name))
            }
        }
        for (index, workload) in workloads.enumerated() {
            for label in workload.podLabels {
                workloadsByLabel[Self.labelKey(label.key, label.value, in: workload.object.namespace), default: []].append(index)
            }
        }
    }

    private static func labelKey(_ key: String, _ value: String, in namespace: String) -> String {
        "\(namespace)/\(key)=\(value)"
    }

    private static func workload(_ object: ManifestObject, diagnostics: inout [Diagnostic]) -> Workload {
        var replicas = 1
        let node = object.spec?["replicas"]
        if let node {
            if let text = node.text, let count = Int(text), count >= 0 {
                replicas = count
            } else {
                diagnostics.append(.error("\(object.kind) \(object.name): spec.replicas must be a whole number ≥ 0, not '\(Diagnostic.excerpt(node.text ?? "a collection"))'", at: node.location))
            }
        }
        let template = object.spec?["template"]
        let labels = template?["metadata", "labels"]?.stringMap ?? [:]
        let inject = labels["sidecar.istio.io/inject"] ?? template?["metadata", "annotations"]?.stringMap["sidecar.istio.io/inject"]
        return Workload(
            object: object, replicas: replicas, replicasNode: node, podLabels: labels,
            serviceAccountName: template?["spec", "serviceAccountName"]?.text, sidecarInject: inject)
    }

    /// Why Istio's injector would clearly leave `workload` without a sidecar, or nil (istio.io
    /// "Controlling the injection policy"): either label disabled wins (`sidecar.istio.io/inject:
    /// "false"` on the pod template, also as an annotation; `istio-injection: disabled` on its
    /// Namespace); else a Namespace of the manifests with neither `istio-injection: enabled` nor
    /// `istio.io/rev`, and a pod without `sidecar.istio.io/inject: "true"` or `istio.io/rev`
    /// labels, is outside every injection webhook's selectors. A Namespace the manifests do not
    /// hold was labelled out of sight (`kubectl label namespace default istio-injection=enabled`,
    /// as Istio's samples ask), so its workloads keep their sidecars.
    func withoutSidecarReason(_ workload: Workload) -> String? {
        if workload.sidecarInject == "false" { return "its pod template sets sidecar.istio.io/inject: \"false\"" }
        guard let labels = namespaceLabels[workload.object.namespace] else { return nil }
        let namespace = workload.object.namespace
        if labels["istio-injection"] == "disabled" { return "its Namespace \(namespace) sets istio-injection: disabled" }
        if labels["istio-injection"] == "enabled" || labels["istio.io/rev"] != nil { return nil }
        if workload.podLabels["sidecar.istio.io/inject"] == "true" || workload.podLabels["istio.io/rev"] != nil { return nil }
        return "its Namespace \(namespace) has neither istio-injection: enabled nor istio.io/rev"
    }

    /// A Kubernetes name as the scenario names it: plain in the default namespace, `name.namespace` elsewhere.
    func scenarioName(_ name: String, in namespace: String) -> String {
        namespace == self.namespace ? name : "\(name).\(namespace)"
    }

    /// The scenario name of the service `host` names, seen from an object in `namespace`;
    /// nil when no Service, Canary or scenario service has that name.
    func resolve(host: String, from namespace: String) -> String? {
        guard let (name, hostNamespace) = Self.split(host: host, defaultNamespace: namespace) else { return nil }
        let candidate = scenarioName(name, in: hostNamespace)
        if byName[candidate] != nil || scenarioServices.contains(candidate) { return candidate }
        return nil
    }

    /// `reviews.shop.svc.cluster.local` → (reviews, shop); nil for a host that cannot be a
    /// cluster service (a wildcard, an external name such as `api.example.com`).
    static func split(host: String, defaultNamespace: String) -> (String, String)? {
        var parts = host.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 5, parts[2] == "svc", parts[3] == "cluster", parts[4] == "local" { parts.removeLast(2) }
        if parts.count == 3, parts[2] == "svc" { parts.removeLast() }
        guard parts.allSatisfy({ !$0.isEmpty && !$0.contains("*") }) else { return nil }
        switch parts.count {
        case 1: return (parts[0], defaultNamespace)
        case 2: return (parts[0], parts[1])
        default: return nil
        }
    }

    /// Every service name a host may resolve to, for "did you mean".
    var knownNames: [String] { scenarioServices + services.map(\.scenarioName).filter { !scenarioServices.contains($0) } }

    func service(named name: String) -> KubeService? {
        byName[name].map { services[$0] }
    }

    /// The workloads a Service selects: same namespace, and every selector label on the pods.
    func workloads(of service: KubeService) -> [Workload] {
        let namespace = service.object.namespace
        // Any one label's list holds every match, in file order; the shortest is the quickest to check.
        let candidates = service.selector.map { workloadsByLabel[Self.labelKey($0.key, $0.value, in: namespace)] ?? [] }
        guard let shortest = candidates.min(by: { $0.count < $1.count }) else { return [] }
        return shortest.map { workloads[$0] }.filter { workload in
            workload.object.namespace == namespace && service.selector.allSatisfy { workload.podLabels[$0.key] == $0.value }
        }
    }

    /// Adds a service that no Kubernetes Service object defines (a Flagger Canary generates its own).
    mutating func addGenerated(_ object: ManifestObject, selector: [String: String], name: String) {
        let scenarioName = scenarioName(name, in: object.namespace)
        guard byName[scenarioName] == nil else { return }
        byName[scenarioName] = services.count
        services.append(KubeService(object: object, selector: selector, scenarioName: scenarioName))
    }
}
