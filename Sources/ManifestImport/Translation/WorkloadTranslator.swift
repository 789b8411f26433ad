import Scenario

/// Each service's instances: the replicas of the Deployments, StatefulSets and Argo Rollouts its
/// Service selects. A DestinationRule's subsets are the service's versions, each backed by the
/// one workload whose pod labels carry the subset's `labels`; a workload in no subset still
/// serves the service (Istio's service-wide cluster holds every endpoint) and becomes a version
/// of its own. Without subsets one workload gives `replicas`, several give versions.
enum WorkloadTranslator {
    typealias Workload = ServiceDirectory.Workload

    static func translate(_ translation: inout ManifestTranslation) {
        DestinationRuleIndex.build(&translation)
        var selected: Set<SourceLocation> = []
        var names = translation.directory.services.map(\.scenarioName)
        names += translation.rolloutVersions.keys.sorted().filter { !names.contains($0) }
        for name in names {
            let service = translation.directory.service(named: name)
            let workloads = service.map(translation.directory.workloads(of:)) ?? []
            selected.formUnion(workloads.map(\.object.location))
            if let rollout = translation.rolloutVersions[name] { selected.insert(rollout.workload.object.location) }
            let location = service?.object.location ?? translation.rolloutVersions[name]?.location ?? translation.fragment.root.location
            translate(name, at: location, workloads: workloads, &translation)
        }
        for workload in translation.directory.workloads where !selected.contains(workload.object.location) {
            translation.fragment.warning("no Service selects \(workload.object.kind) \(workload.object.name); no traffic reaches it", at: workload.object.location)
        }
    }

    private static func translate(_ name: String, at location: SourceLocation, workloads: [Workload], _ translation: inout ManifestTranslation) {
        let rollout = translation.rolloutVersions[name]
        let subsets = DestinationRuleIndex.subsets(of: name, in: translation)
        if workloads.isEmpty && rollout == nil {
            // A service the scenario defines and no workload backs runs outside the manifests.
            guard !translation.directory.scenarioServices.contains(name) else { return }
            translation.fragment.warning("Service \(name) selects no Deployment, StatefulSet or Rollout; calls to it fail as with no endpoints", at: location)
            let zero = YAMLNode.scalar("0", at: location)
            let versions = subsets.compactMap { $0.subset["name"]?.text }
            if versions.isEmpty { translation.fragment.set(["services", name, "replicas"], zero, from: location) }
            for version in versions { translation.fragment.set(["services", name, "versions", version, "replicas"], zero, from: location) }
            return
        }
        if let service = translation.directory.service(named: name) { WorkloadIdentityTranslator.write(service, &translation) }
        var backing: Set<SourceLocation> = []
        if let rollout { backing.insert(rollout.workload.object.location) }
        let candidates = workloads.filter { !backing.contains($0.object.location) }
        for (rule, subset) in subsets {
            // The index keeps only rules whose subsets all have names.
            guard let version = subset["name"]?.text else { continue }
            let path = ["services", name, "versions", version, "replicas"]
            if let rollout, rollout.names.contains(version) {
                // Argo adds the pod-template-hash labels its subsets select at run time.
                translation.fragment.set(path, replicas(rollout.workload), from: rule.location)
                WorkloadIdentityTranslator.write(rollout.workload, at: Array(path.dropLast()), podLabels: false, &translation)
                continue
            }
            let labels = subset["labels"]?.stringMap ?? [:]
            let matching = candidates.filter { workload in labels.allSatisfy { workload.podLabels[$0.key] == $0.value } }
            backing.formUnion(matching.map(\.object.location))
            let described = labels.isEmpty ? "no labels" : "labels " + labels.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            switch matching.count {
            case 0:
                translation.fragment.warning("DestinationRule \(rule.name): subset '\(version)' (\(described)) matches no Deployment, StatefulSet or Rollout of service \(name); Istio accepts it, and calls routed to it fail with 503 (no healthy upstream)", at: subset.location)
                translation.fragment.set(path, .scalar("0", at: subset.location), from: rule.location)
            case 1:
                translation.fragment.set(path, replicas(matching[0]), from: rule.location)
                WorkloadIdentityTranslator.write(matching[0], at: Array(path.dropLast()), &translation)
            default:
                let named = matching.map { "\($0.object.kind) \($0.object.name) at \($0.object.location)" }.joined(separator: " and ")
                translation.fragment.error("DestinationRule \(rule.name): subset '\(version)' (\(described)) matches \(named); a version is one workload: give each its own labels", at: subset.location)
            }
        }
        if subsets.isEmpty, let rollout {
            for version in rollout.names {
                translation.fragment.set(["services", name, "versions", version, "replicas"], replicas(rollout.workload), from: rollout.location)
                WorkloadIdentityTranslator.write(rollout.workload, at: ["services", name, "versions", version], podLabels: false, &translation)
            }
        }
        let rest = candidates.filter { !backing.contains($0.object.location) }
        if subsets.isEmpty, rollout == nil, rest.count == 1 {
            translation.fragment.set(["services", name, "replicas"], replicas(rest[0]), from: location)
            WorkloadIdentityTranslator.write(rest[0], at: ["services", name], &translation)
            return
        }
        for workload in rest {
            let version = workload.podLabels["version"] ?? workload.object.name
            translation.fragment.set(["services", name, "versions", version, "replicas"], replicas(workload), from: workload.object.location)
            WorkloadIdentityTranslator.write(workload, at: ["services", name, "versions", version], &translation)
        }
    }

    /// `spec.replicas` where it is written (so messages about it point there), else the
    /// Kubernetes default 1 at the workload.
    private static func replicas(_ workload: Workload) -> YAMLNode {
        .scalar(String(workload.replicas), at: workload.replicasNode?.location ?? workload.object.location)
    }
}
