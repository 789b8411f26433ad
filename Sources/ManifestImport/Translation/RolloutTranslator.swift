import Scenario

/// The scenario's `rollout`, from a Flagger Canary or an Argo Rollout with a canary strategy.
/// A scenario simulates one rollout, so a second rollout object is an error naming both.
/// Registering runs first (the rollout fixes a service's versions before the workloads are
/// translated); writing `rollout` runs last.
enum RolloutTranslator {
    static func registerServices(_ translation: inout ManifestTranslation) {
        ArgoRolloutTranslator.warnOtherStrategies(&translation)
        let candidates = rolloutObjects(translation)
        guard let first = candidates.first else { return }
        for extra in candidates.dropFirst() {
            translation.fragment.error(
                "\(extra.kind) \(extra.name): a scenario simulates one rollout, and \(first.kind) \(first.name) at \(first.location) already defines it; point manifests: at the files of one rollout",
                at: extra.location)
        }
        if first.kind == "Canary" {
            FlaggerCanaryTranslator.register(first, &translation)
        } else {
            ArgoRolloutTranslator.register(first, &translation)
        }
    }

    static func translate(_ translation: inout ManifestTranslation) {
        // Only a rollout whose versions were registered is written: registering reported why not.
        guard let first = rolloutObjects(translation).first,
              let (service, versions) = translation.rolloutVersions.first(where: { $0.value.location == first.location })
        else { return }
        if first.kind == "Canary" {
            FlaggerCanaryTranslator.translate(first, service: service, &translation)
        } else {
            ArgoRolloutTranslator.translate(first, service: service, versions: versions, &translation)
        }
    }

    /// Flagger Canaries and Argo Rollouts with a canary strategy, in file order.
    static func rolloutObjects(_ translation: ManifestTranslation) -> [ManifestObject] {
        translation.objects.filter { object in
            object.isKind("Canary", in: FlaggerCanaryTranslator.groups)
                || (object.isKind("Rollout", in: ArgoRolloutTranslator.groups) && object.spec?["strategy", "canary"] != nil)
        }
    }

    /// The scenario's own `rollout.analysis`, written beside the manifests.
    static func scenarioAnalysis(_ translation: ManifestTranslation) -> YAMLNode? {
        translation.scenario["rollout", "analysis"]
    }

    /// What to write in the scenario when the manifests give no analysis meshsim can run.
    static let analysisExample = "rollout: { analysis: { interval: 1m, threshold: 2, metrics: [{ name: request-success-rate, thresholdRange: { min: 99 } }] } }"
}
