import Scenario

/// A Flagger Canary (`flagger.app/v1beta1`) as the scenario's rollout. Flagger runs the
/// target Deployment's pods as `<name>-primary` (scaled to the target's replicas) and
/// `<name>-canary`, behind the ClusterIP Service `<name>` it generates (`spec.service.name`,
/// else the target's name), and routes that host with a VirtualService of one rule: primary
/// 100, canary 0, with the Canary's `timeout`, `retries` and `match`. meshsim runs them as the
/// versions `primary` and `canary` of that service, and Flagger's `analysis` as `rollout.analysis`.
enum FlaggerCanaryTranslator {
    static let groups: Set<String> = ["flagger.app"]
    static let versions = ["primary", "canary"]

    /// Keys of `spec` read here, or naming where Flagger finds its metrics or how it cleans up:
    /// nothing a simulation changes.
    static let specRead: Set<String> = ["targetRef", "service", "analysis", "canaryAnalysis", "provider", "metricsServer", "revertOnDeletion"]
    /// Keys of `spec.service` read here, or naming ports and metadata of the generated objects.
    static let serviceRead: Set<String> = [
        "name", "port", "portName", "targetPort", "appProtocol", "portDiscovery", "apex", "primary", "canary",
        "unmanagedMetadata", "trafficPolicy",
    ]
    /// Keys of `spec.service` Flagger copies into its VirtualService rule, in Flagger's order.
    static let ruleKeys = ["match", "rewrite", "timeout", "retries", "corsPolicy", "headers"]

    static func register(_ canary: ManifestObject, _ translation: inout ManifestTranslation) {
        guard let targetNode = canary.spec?["targetRef", "name"], let targetName = targetNode.text else {
            translation.fragment.error("Canary \(canary.name): spec.targetRef.name is required (the Deployment Flagger rolls out)", at: canary.location)
            return
        }
        let kind = canary.spec?["targetRef", "kind"]?.text ?? "Deployment"
        guard kind == "Deployment" else {
            translation.fragment.warning("ignored: Canary \(canary.name) targets a \(kind); meshsim simulates Flagger canaries of Deployments only, so no rollout is simulated", at: canary.spec?["targetRef", "kind"]?.location ?? canary.location)
            return
        }
        let deployments = translation.directory.workloads.filter {
            $0.object.isKind("Deployment", in: ["apps"]) && $0.object.namespace == canary.namespace
        }
        guard let target = deployments.first(where: { $0.object.name == targetName }) else {
            let names = deployments.map(\.object.name)
            let hint = Suggestion.closest(to: targetName, among: names).map { "did you mean '\($0)'?" }
                ?? (names.isEmpty ? "no Deployment is defined in namespace \(canary.namespace)" : "Deployments: \(Suggestion.listing(names))")
            translation.fragment.error("Canary \(canary.name): spec.targetRef names the Deployment '\(Diagnostic.excerpt(targetName))', which the manifests do not define in namespace \(canary.namespace); \(hint)", at: targetNode.location)
            return
        }
        let apex = canary.spec?["service", "name"]?.text ?? targetName
        let service = translation.directory.scenarioName(apex, in: canary.namespace)
        if translation.directory.service(named: service) == nil {
            translation.directory.addGenerated(canary, selector: target.podLabels, name: apex)
        }
        translation.rolloutVersions[service] = .init(names: versions, workload: target, location: canary.location)
        guard isIstio(canary) else { return }
        // Flagger overwrites the spec of the VirtualService named after the service with its
        // own, and routes to the hosts `<name>-primary` and `<name>-canary`, which its own
        // DestinationRules configure: a DestinationRule for the service's host is never used.
        let directory = translation.directory
        let istio: Set<String> = ["networking.istio.io"]
        let replaced = translation.objects.filter { object in
            if object.isKind("VirtualService", in: istio) { return object.name == apex && object.namespace == canary.namespace }
            guard object.isKind("DestinationRule", in: istio), let host = object.spec?["host"]?.text else { return false }
            return directory.resolve(host: host, from: object.namespace) == service
        }
        for object in replaced {
            let effect = object.kind == "VirtualService"
                ? "replaced by the one Flagger generates for Canary \(canary.name) at \(canary.location) (Flagger overwrites the spec of the VirtualService named after the service)"
                : "not used: Flagger routes \(apex)'s traffic to \(apex)-primary and \(apex)-canary, whose DestinationRules it generates from Canary \(canary.name)'s spec.service.trafficPolicy"
            translation.fragment.warning("\(object.kind) \(object.name): \(effect)", at: object.location)
        }
        translation.objects.removeAll { object in replaced.contains { $0.location == object.location } }
    }

    static func translate(_ canary: ManifestObject, service: String, _ translation: inout ManifestTranslation) {
        let location = canary.location
        let serviceNode = canary.spec?["service", "name"] ?? canary.spec?["targetRef", "name"]
        var rollout: [(String, YAMLNode)] = [
            ("service", .scalar(service, at: serviceNode?.location ?? location)),
            ("stable", .scalar(versions[0], at: location)),
            ("canary", .scalar(versions[1], at: location)),
        ]
        if let analysis = canary.spec?["analysis"] ?? canary.spec?["canaryAnalysis"] {
            rollout.append(("analysis", runnableAnalysis(analysis, canary, &translation)))
        } else if RolloutTranslator.scenarioAnalysis(translation) == nil {
            translation.fragment.error(
                "Canary \(canary.name) has no spec.analysis (Flagger then promotes without a canary phase); meshsim simulates a canary analysis, so write one in the scenario, e.g. rollout: { analysis: { interval: 1m, threshold: 2, stepWeight: 10, metrics: [{ name: request-success-rate, thresholdRange: { min: 99 } }] } }",
                at: location)
        }
        translation.fragment.set(["rollout"], .mapping(rollout, at: location), from: location)
        warnUnmodelled(canary, &translation)
        guard isIstio(canary) else { return }
        if let policy = canary.spec?["service", "trafficPolicy"] {
            translation.fragment.set(["services", service, "trafficPolicy"], policy, from: location)
        }
        translation.fragment.set(["services", service, "http"], YAMLNode(.sequence([rule(canary)]), at: location), from: location)
    }

    /// The rule of Flagger's VirtualService before the analysis starts: all to primary.
    static func rule(_ canary: ManifestObject) -> YAMLNode {
        let location = canary.location
        func destination(_ subset: String, _ weight: String) -> YAMLNode {
            .mapping([
                ("destination", .mapping([("subset", .scalar(subset, at: location))], at: location)),
                ("weight", .scalar(weight, at: location)),
            ], at: location)
        }
        var pairs: [(String, YAMLNode)] = []
        for key in ruleKeys {
            guard let node = canary.spec?["service", key] else { continue }
            // Flagger moves the weights of this rule whatever its match, meshsim those of the
            // last rule without one: a match that lets every request through (Flagger's own
            // example writes `uri: { prefix: / }`) is the same rule without it.
            if key == "match", node.items.contains(where: matchesEveryRequest) { continue }
            pairs.append((key, node))
        }
        pairs.append(("route", YAMLNode(.sequence([destination(versions[0], "100"), destination(versions[1], "0")]), at: location)))
        return .mapping(pairs, at: location)
    }

    /// An Istio match condition that every request passes: only `uri: { prefix: / }`, as
    /// every request path starts with '/'.
    static func matchesEveryRequest(_ condition: YAMLNode) -> Bool {
        guard condition.entries.count == 1, let uri = condition["uri"], uri.entries.count == 1 else { return false }
        return uri["prefix"]?.text == "/"
    }

    /// The analysis without the metrics meshsim cannot measure. Flagger measures the builtin
    /// `request-success-rate` and `request-duration` itself; any other metric runs a query
    /// (`templateRef`, or the deprecated `query`) against the cluster's metrics server. Such a
    /// metric is left out with a warning rather than refused: the rest of the Canary still
    /// simulates, and the scenario's own `rollout.analysis.metrics` (which replace the
    /// Canary's) can stand in for it with builtin metrics.
    static func runnableAnalysis(_ analysis: YAMLNode, _ canary: ManifestObject, _ translation: inout ManifestTranslation) -> YAMLNode {
        guard let metrics = analysis["metrics"] else { return analysis }
        if RolloutTranslator.scenarioAnalysis(translation)?["metrics"] != nil {
            return analysis.removing(["metrics"])
        }
        let builtin = Rollout.Metric.Name.allCases.map(\.rawValue)
        var kept: [YAMLNode] = []
        for metric in metrics.items {
            guard let name = metric["name"]?.text, !builtin.contains(name) else {
                kept.append(metric)
                continue
            }
            let template = metric["templateRef", "name"]?.text.map { "the MetricTemplate '\(Diagnostic.excerpt($0))'" }
                ?? (metric["query"] != nil ? "an inline query" : "no builtin check")
            translation.fragment.warning(
                "Canary \(canary.name): metric '\(Diagnostic.excerpt(name))' runs \(template), which meshsim cannot measure; left out of the analysis. To stand in for it, write builtin metrics (\(builtin.joined(separator: ", "))) in the scenario's rollout.analysis.metrics, which replace the Canary's",
                at: metric["name"]?.location ?? metric.location)
        }
        guard kept.count < metrics.items.count else { return analysis }
        return kept.isEmpty ? analysis.removing(["metrics"]) : analysis.setting("metrics", to: YAMLNode(.sequence(kept), at: metrics.location))
    }

    /// Flagger's provider is the controller's `-mesh-provider` unless the Canary names one;
    /// meshsim's mesh is Istio, so a Canary naming no provider is taken to be Istio's.
    static func isIstio(_ canary: ManifestObject) -> Bool {
        (canary.spec?["provider"]?.text ?? "istio") == "istio"
    }

    /// One warning per field that changes what Flagger does but has no counterpart here.
    static func warnUnmodelled(_ canary: ManifestObject, _ translation: inout ManifestTranslation) {
        let name = "Canary \(canary.name)"
        if let provider = canary.spec?["provider"], let text = provider.text, text != "istio" {
            translation.fragment.warning("\(name): provider '\(Diagnostic.excerpt(text))' is not modelled; meshsim simulates the rollout's weights without the VirtualService Flagger generates for Istio", at: provider.location)
        }
        for entry in canary.spec?.entries ?? [] where !specRead.contains(entry.key) {
            // `false` is Flagger's default for these two: nothing is ignored.
            if ["skipAnalysis", "suspend"].contains(entry.key), entry.value.text != "true" { continue }
            let reason: String? = switch entry.key {
            case "skipAnalysis": "Flagger promotes without analysis; meshsim runs the analysis anyway"
            case "suspend": "Flagger runs no canary while suspended; meshsim runs the rollout anyway"
            case "autoscalerRef": "both versions run the Deployment's spec.replicas"
            case "progressDeadlineSeconds": "meshsim's canary pods are ready at once"
            default: nil
            }
            translation.fragment.warning("ignored: \(name) spec.\(entry.key) is not modelled\(reason.map { ": \($0)" } ?? "")", at: entry.keyLocation)
        }
        for entry in canary.spec?["service"]?.entries ?? [] where !serviceRead.contains(entry.key) && !ruleKeys.contains(entry.key) {
            let reason = entry.key == "gateways"
                ? ": meshsim applies the generated VirtualService to calls inside the mesh, whatever gateways it names"
                : ""
            translation.fragment.warning("ignored: \(name) spec.service.\(entry.key) is not modelled\(reason)", at: entry.keyLocation)
        }
    }
}
