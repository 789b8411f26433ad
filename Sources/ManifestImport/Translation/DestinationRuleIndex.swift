import Scenario

/// Finds the service each DestinationRule configures. Istio merges the rules of one host in one
/// namespace, but where two set a top-level `trafficPolicy` or the same subset it keeps the
/// one it processes first (the older object), which manifests cannot tell: meshsim merges the
/// rules whose union does not depend on that order and names both objects otherwise.
/// https://istio.io/latest/docs/ops/best-practices/traffic-management/#split-virtual-services
enum DestinationRuleIndex {
    static let groups: Set<String> = ["networking.istio.io"]

    static func build(_ translation: inout ManifestTranslation) {
        var noted: Set<String> = []
        for rule in translation.objects("DestinationRule", in: groups) {
            for field in ["exportTo", "workloadSelector"] {
                guard let node = rule.spec?[field], noted.insert(field).inserted else { continue }
                translation.fragment.warning("ignored: DestinationRule \(field) is not modelled; meshsim applies every DestinationRule to every caller", at: node.location)
            }
            guard let hostNode = rule.spec?["host"] else {
                translation.fragment.error("DestinationRule \(rule.name): spec.host is required (the cluster rejects the rule)", at: rule.location)
                continue
            }
            guard subsetsAreValid(rule, &translation) else { continue }
            switch IstioHost.resolve(hostNode, from: rule, &translation) {
            case .unknown: continue
            case .external:
                translation.fragment.warning("ignored: DestinationRule \(rule.name): host '\(Diagnostic.excerpt(hostNode.text ?? ""))' is a wildcard or a name outside the cluster; meshsim models the policies of cluster services only", at: hostNode.location)
            case .service(let name):
                let earlier = translation.destinationRules[name] ?? []
                if let (other, reason) = earlier.lazy.compactMap({ other in conflict(rule, other).map { (other, $0) } }).first {
                    translation.fragment.error("DestinationRule \(rule.name) configures service \(name), as does DestinationRule \(other.name) at \(other.location): \(reason); merge them into one rule", at: rule.location)
                    continue
                }
                translation.destinationRules[name] = earlier + [rule]
            }
        }
    }

    /// The subset entries of a service's rules, in file order.
    static func subsets(of service: String, in translation: ManifestTranslation) -> [(rule: ManifestObject, subset: YAMLNode)] {
        (translation.destinationRules[service] ?? []).flatMap { rule in (rule.spec?["subsets"]?.items ?? []).map { (rule, $0) } }
    }

    /// Istio's validation requires each subset's name and, since 1.22, rejects a name used twice.
    private static func subsetsAreValid(_ rule: ManifestObject, _ translation: inout ManifestTranslation) -> Bool {
        var seen: [String: SourceLocation] = [:]
        for subset in rule.spec?["subsets"]?.items ?? [] {
            guard let nameNode = subset["name"], let name = nameNode.text, !name.isEmpty else {
                translation.fragment.error("DestinationRule \(rule.name): each subset needs a name (the cluster rejects the rule)", at: subset.location)
                return false
            }
            if let first = seen[name] {
                translation.fragment.error("DestinationRule \(rule.name): subset '\(Diagnostic.excerpt(name))' is defined twice: here and at \(first) (the cluster rejects the rule)", at: nameNode.location)
                return false
            }
            seen[name] = nameNode.location
        }
        return true
    }

    /// Why `rule` cannot be merged with `other` (the same service), nil when it can.
    private static func conflict(_ rule: ManifestObject, _ other: ManifestObject) -> String? {
        if rule.namespace != other.namespace {
            return "they are in namespaces \(other.namespace) and \(rule.namespace), and Istio applies one or the other by the caller's namespace, where meshsim applies one to every caller"
        }
        let order = "and Istio keeps the one it processes first (the older object), which manifests cannot tell"
        if rule.spec?["trafficPolicy"] != nil, other.spec?["trafficPolicy"] != nil {
            return "both set a top-level trafficPolicy, \(order)"
        }
        let names = Set((other.spec?["subsets"]?.items ?? []).compactMap { $0["name"]?.text })
        if let shared = (rule.spec?["subsets"]?.items ?? []).compactMap({ $0["name"]?.text }).first(where: names.contains) {
            return "both define subset '\(shared)', \(order)"
        }
        return nil
    }
}
