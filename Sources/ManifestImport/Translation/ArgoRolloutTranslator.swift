import Scenario

/// An Argo Rollout (`argoproj.io/v1alpha1`) with a canary strategy as the scenario's rollout.
/// The Rollout is itself the workload; its stable and canary pods become two versions of its
/// service, named after the DestinationRule subsets Argo labels
/// (`trafficRouting.istio.destinationRule`), else `stable` and `canary`. The steps become
/// `rollout.steps`. Argo's analysis runs AnalysisTemplates (queries to a metrics provider)
/// that meshsim cannot run, so the scenario writes `rollout.analysis` itself.
enum ArgoRolloutTranslator {
    static let groups: Set<String> = ["argoproj.io"]

    /// Keys of `spec.strategy.canary` read here, or shaping how pods are created and labelled:
    /// nothing a simulation changes (both versions run `spec.replicas` ready pods).
    static let canaryRead: Set<String> = [
        "canaryService", "stableService", "steps", "trafficRouting", "analysis", "maxSurge", "maxUnavailable",
        "antiAffinity", "canaryMetadata", "stableMetadata", "scaleDownDelaySeconds", "scaleDownDelayRevisionLimit",
        "abortScaleDownDelaySeconds", "minPodsPerReplicaSet",
    ]

    static func warnOtherStrategies(_ translation: inout ManifestTranslation) {
        for rollout in translation.objects("Rollout", in: groups) where rollout.spec?["strategy", "canary"] == nil {
            if let blueGreen = rollout.spec?["strategy"]?.entry("blueGreen") {
                translation.fragment.warning("ignored: Rollout \(rollout.name) spec.strategy.blueGreen is not modelled; meshsim simulates canary rollouts, so the Rollout runs as a plain workload", at: blueGreen.keyLocation)
            }
        }
    }

    static func register(_ rollout: ManifestObject, _ translation: inout ManifestTranslation) {
        if let reference = rollout.spec?.entry("workloadRef") {
            translation.fragment.warning("ignored: Rollout \(rollout.name) spec.workloadRef is not modelled: meshsim reads the pods (labels, replicas) from the Rollout's own spec.template", at: reference.keyLocation)
        }
        guard let workload = translation.directory.workloads.first(where: { $0.object.location == rollout.location }),
              let service = service(of: rollout, workload, &translation)
        else { return }
        let subsets = rollout.spec?["strategy", "canary", "trafficRouting", "istio", "destinationRule"]
        let names = [subsets?["stableSubsetName"]?.text ?? "stable", subsets?["canarySubsetName"]?.text ?? "canary"]
        translation.rolloutVersions[service] = .init(names: names, workload: workload, location: rollout.location)
    }

    /// The service whose traffic the Rollout moves: `stableService`, else the host of the
    /// DestinationRule whose subsets it labels, else the one Service selecting its pods.
    static func service(of rollout: ManifestObject, _ workload: ServiceDirectory.Workload, _ translation: inout ManifestTranslation) -> String? {
        let canary = rollout.spec?["strategy", "canary"]
        let directory = translation.directory
        if let node = canary?["stableService"], let name = node.text {
            guard let service = directory.resolve(host: name, from: rollout.namespace) else {
                translation.fragment.error(translation.unknownHost(name, from: rollout), at: node.location)
                return nil
            }
            if canary?["canaryService"] != nil, canary?["trafficRouting", "istio", "destinationRule"] == nil {
                translation.fragment.warning("Rollout \(rollout.name): host-level traffic splitting (stableService and canaryService) is simulated as the versions stable and canary of service \(service)", at: node.location)
            }
            return service
        }
        if let node = canary?["trafficRouting", "istio", "destinationRule", "name"], let name = node.text {
            let rule = translation.objects("DestinationRule", in: ["networking.istio.io"]).first { $0.name == name && $0.namespace == rollout.namespace }
            if let host = rule?.spec?["host"]?.text, let service = directory.resolve(host: host, from: rollout.namespace) {
                return service
            }
            translation.fragment.warning("Rollout \(rollout.name): trafficRouting.istio.destinationRule names '\(Diagnostic.excerpt(name))', which the manifests do not define for a known service in namespace \(rollout.namespace); Argo cannot label its subsets", at: node.location)
        }
        let selecting = directory.services.filter { service in
            directory.workloads(of: service).contains { $0.object.location == rollout.location }
        }
        guard let first = selecting.first else {
            let labels = workload.podLabels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            translation.fragment.error("Rollout \(rollout.name): no Service selects its pods (labels: \(labels.isEmpty ? "none" : labels)); add the Service, or name it in spec.strategy.canary.stableService", at: rollout.location)
            return nil
        }
        if selecting.count > 1 {
            translation.fragment.warning("Rollout \(rollout.name): Services \(Suggestion.listing(selecting.map(\.scenarioName))) select its pods; the rollout moves \(first.scenarioName)'s traffic (name one in spec.strategy.canary.stableService)", at: rollout.location)
        }
        return first.scenarioName
    }

    static func translate(_ rollout: ManifestObject, service: String, versions: ManifestTranslation.RolloutVersions, _ translation: inout ManifestTranslation) {
        let location = rollout.location
        let canary = rollout.spec?["strategy", "canary"]
        let subsets = canary?["trafficRouting", "istio", "destinationRule"]
        let here = canary?.location ?? location
        let strategyKey = rollout.spec?["strategy"]?.entry("canary")?.keyLocation ?? location
        // Without steps Argo goes straight to full weight once the canary is ready.
        let steps = canary?["steps"] ?? YAMLNode(.sequence([.mapping([("setWeight", .scalar("100", at: here))], at: here)]), at: here)
        let rolloutNode = YAMLNode.mapping([
            ("service", .scalar(service, at: canary?["stableService"]?.location ?? location)),
            ("stable", .scalar(versions.names[0], at: subsets?["stableSubsetName"]?.location ?? location)),
            ("canary", .scalar(versions.names[1], at: subsets?["canarySubsetName"]?.location ?? location)),
            ("steps", steps),
        ], at: location)
        translation.fragment.set(["rollout"], rolloutNode, from: location)
        let templates = Set((canary?["analysis", "templates"]?.items ?? []).compactMap { $0["templateName"]?.text }).sorted()
        let running = templates.isEmpty ? "" : " (the Rollout's analysis runs \(Suggestion.listing(templates)))"
        let analysed = canary?["analysis"] != nil || (canary?["steps"]?.items ?? []).contains { $0["analysis"] != nil }
        if RolloutTranslator.scenarioAnalysis(translation) == nil, !analysed {
            translation.fragment.error(
                "Rollout \(rollout.name) has no analysis (Argo then promotes through its steps unchecked); meshsim simulates a canary analysis, so write one in the scenario beside the manifests, e.g. \(RolloutTranslator.analysisExample)",
                at: strategyKey)
        } else if RolloutTranslator.scenarioAnalysis(translation) == nil {
            translation.fragment.error(
                "Rollout \(rollout.name): meshsim cannot run Argo AnalysisTemplates, which query a metrics provider\(running); write the analysis in the scenario beside the manifests, e.g. \(RolloutTranslator.analysisExample) (threshold is Argo's failureLimit)",
                at: strategyKey)
        } else if let analysis = canary?.entry("analysis") {
            translation.fragment.warning("ignored: Rollout \(rollout.name) spec.strategy.canary.analysis\(running): the scenario's rollout.analysis judges the canary instead", at: analysis.keyLocation)
        }
        checkVirtualServices(rollout, service: service, &translation)
        for entry in canary?.entries ?? [] where !canaryRead.contains(entry.key) {
            translation.fragment.warning("ignored: Rollout \(rollout.name) spec.strategy.canary.\(entry.key) is not modelled", at: entry.keyLocation)
        }
        for entry in canary?["trafficRouting"]?.entries ?? [] where entry.key != "istio" {
            translation.fragment.warning("ignored: Rollout \(rollout.name) spec.strategy.canary.trafficRouting.\(entry.key) is not modelled; meshsim moves the weights as Istio would", at: entry.keyLocation)
        }
    }

    /// The VirtualServices Argo edits should route the rollout's service, and the routes it
    /// names should be the one meshsim moves (the service's last rule without a match).
    static func checkVirtualServices(_ rollout: ManifestObject, service: String, _ translation: inout ManifestTranslation) {
        let istio = rollout.spec?["strategy", "canary", "trafficRouting", "istio"]
        let references = (istio?["virtualService"].map { [$0] } ?? []) + (istio?["virtualServices"]?.items ?? [])
        for reference in references {
            guard let node = reference["name"], let written = node.text else { continue }
            // Argo splits the reference at its dots: the first field is the name, the second
            // (if any) the namespace, the rest ignored (istio.GetVirtualServiceNamespaceName).
            let fields = written.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let name = fields.first ?? written
            let namespace = fields.count > 1 && !fields[1].isEmpty ? fields[1] : rollout.namespace
            guard let virtualService = translation.objects("VirtualService", in: ["networking.istio.io"]).first(where: { $0.name == name && $0.namespace == namespace }) else {
                translation.fragment.warning("Rollout \(rollout.name): trafficRouting.istio names the VirtualService '\(Diagnostic.excerpt(written))', which the manifests do not define; Argo cannot move its weights in the cluster", at: node.location)
                continue
            }
            let hosts = (virtualService.spec?["hosts"]?.items ?? []).compactMap(\.text)
            guard hosts.contains(where: { translation.directory.resolve(host: $0, from: namespace) == service }) else {
                translation.fragment.warning("Rollout \(rollout.name): VirtualService \(written) routes \(Suggestion.listing(hosts)), not service \(service), whose weights the rollout moves", at: node.location)
                continue
            }
            let rules = virtualService.spec?["http"]?.items ?? []
            let moved = rules.lastIndex { $0["match"] == nil }.flatMap { rules[$0]["name"]?.text }
            for route in reference["routes"]?.items ?? [] {
                if let routeName = route.text, routeName != moved {
                    translation.fragment.warning("Rollout \(rollout.name): Argo moves the weights of route '\(Diagnostic.excerpt(routeName))'; meshsim moves those of the last http rule without a match of VirtualService \(written)", at: route.location)
                }
            }
        }
    }
}
