/// The rollout moves traffic between two different versions of an existing service.
enum RolloutChecks {
    static func diagnostics(_ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        guard let rollout = scenario.rollout else { return [] }
        if let problem = names.serviceProblem(rollout.service) {
            return [.error("rollout: \(problem)", at: rollout.location)]
        }
        var diagnostics: [Diagnostic] = []
        for (role, version) in [("stable", rollout.stable), ("canary", rollout.canary)] {
            if let problem = names.versionProblem(version, of: rollout.service) {
                diagnostics.append(.error("rollout \(role): \(problem)", at: rollout.location))
            }
        }
        if rollout.stable == rollout.canary {
            diagnostics.append(.error(
                "rollout stable and canary are both \"\(rollout.stable)\": a canary rollout needs two different versions", at: rollout.location))
        }
        return diagnostics
    }
}
