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
        // With the mesh, the rollout moves the weights of the last rule without a match.
        if scenario.mesh.enabled, let http = scenario.service(named: rollout.service)?.http, !http.isEmpty,
           http.allSatisfy({ !$0.match.isEmpty }) {
            diagnostics.append(.warning(
                "every http rule of \(rollout.service) has a match, so the rollout has no default rule to move and sends the canary no traffic; add a last rule without match",
                at: rollout.location))
        }
        return diagnostics
    }
}
