import Scenario

/// Turns the objects read into the part of the scenario tree they define, in an order where
/// each step finds what it needs: services and their workloads, the versions (from
/// DestinationRule subsets, or a rollout's stable and canary), the Istio traffic rules, the
/// Kong gateway or Istio's ingress gateway, the rollout, and the mesh's security policies.
struct ManifestTranslation {
    var objects: [ManifestObject]
    var directory: ServiceDirectory
    var fragment: ScenarioFragment
    /// The scenario's own tree: what it writes beside the manifests (a rollout's `analysis`).
    let scenario: YAMLNode
    /// Versions a rollout object fixes for a service (scenario name → versions and the
    /// workload that runs them): Flagger runs its target as `primary` and `canary`; Argo runs
    /// the Rollout's pods as its stable and canary subsets.
    var rolloutVersions: [String: RolloutVersions] = [:]
    /// DestinationRules by the scenario name of the service they configure, in file order:
    /// indexed once by `WorkloadTranslator` (subsets are versions) for `IstioTranslator` (policies).
    var destinationRules: [String: [ManifestObject]] = [:]
    /// Istio Gateway objects by `namespace/name`, what VirtualService `gateways` entries name.
    var istioGateways: [String: ManifestObject] = [:]

    struct RolloutVersions {
        var names: [String]
        var workload: ServiceDirectory.Workload
        var location: SourceLocation
    }

    /// `scenario` is the scenario's own tree (its services are hosts routes may name).
    static func translate(_ objects: [ManifestObject], scenario: YAMLNode, namespace: String) -> (fragment: YAMLNode, diagnostics: [Diagnostic]) {
        var diagnostics = KindCatalog.check(objects)
        let scenarioServices = scenario["services"]?.entries.map(\.key) ?? []
        let directory = ServiceDirectory(objects: objects, scenarioServices: scenarioServices, namespace: namespace, diagnostics: &diagnostics)
        var translation = ManifestTranslation(
            objects: objects, directory: directory,
            fragment: ScenarioFragment(at: objects.first?.location ?? scenario.location), scenario: scenario)
        translation.fragment.diagnostics = diagnostics
        for gateway in translation.objects("Gateway", in: IstioTranslator.groups) {
            let key = "\(gateway.namespace)/\(gateway.name)"
            if let first = translation.istioGateways[key] {
                translation.fragment.error("Gateway \(gateway.name) in namespace \(gateway.namespace) is defined twice: here and at \(first.location)", at: gateway.location)
            } else {
                translation.istioGateways[key] = gateway
            }
        }
        translation.run()
        return (translation.fragment.root, translation.fragment.diagnostics)
    }

    private mutating func run() {
        RolloutTranslator.registerServices(&self)
        WorkloadTranslator.translate(&self)
        IstioTranslator.translate(&self)
        KongTranslator.translate(&self)
        IstioGatewayTranslator.translate(&self)
        RolloutTranslator.translate(&self)
        SecurityPolicyChecks.check(&self)
        SecurityPolicyTranslator.translate(&self)
    }

    /// Objects of `kind` in one of `groups`, in file order.
    func objects(_ kind: String, in groups: Set<String>) -> [ManifestObject] {
        objects.filter { $0.isKind(kind, in: groups) }
    }

    /// The error for a host that names no service, with a did-you-mean among the known ones.
    func unknownHost(_ host: String, from object: ManifestObject) -> String {
        let names = directory.knownNames
        let hint = Suggestion.closest(to: host, among: names).map { "did you mean '\($0)'?" }
            ?? (names.isEmpty ? "no Service is defined" : "services: \(Suggestion.listing(names))")
        return "\(object.kind) \(object.name): host '\(Diagnostic.excerpt(host))' names no service that a Deployment or the scenario backs; \(hint)"
    }
}
