/// The checks that need the whole decoded scenario: cross-references between sections and
/// settings that are valid one by one but have no effect, or a surprising one, together.
/// Warnings that need a policy's own decision (retry amplification, weights that send
/// nothing) are the Policy target's `PolicyLint`.
public enum ScenarioValidator {
    /// Cross-reference and whole-scenario checks on a decoded scenario: errors and warnings,
    /// in file order.
    public static func validate(_ scenario: Scenario) -> [Diagnostic] {
        // The other checks walk lists and multiply counts that are bounded only once these pass.
        let sizes = SizeChecks.diagnostics(scenario)
        guard sizes.isEmpty else { return sizes.inFileOrder() }
        let volumes = VolumeChecks.diagnostics(scenario)
        guard volumes.isEmpty else { return volumes.inFileOrder() }
        let names = NameIndex(scenario)
        let callGraph = CallGraphChecks.diagnostics(scenario, names)
        let found = ClientChecks.diagnostics(scenario, names) + RequestKeyChecks.diagnostics(scenario)
            + GatewayChecks.diagnostics(scenario, names)
            + IstioGatewayChecks.diagnostics(scenario, names)
            + KongUpstreamChecks.diagnostics(scenario, names)
            + callGraph + (callGraph.isEmpty ? FanOutChecks.diagnostics(scenario) : [])
            + MeshPolicyChecks.diagnostics(scenario, names)
            + SecurityPolicyChecks.diagnostics(scenario)
            + RateLimitReplicaChecks.diagnostics(scenario)
            + GatewayAccessChecks.diagnostics(scenario)
            + ShadowedRouteChecks.diagnostics(scenario, names)
            + FaultChecks.diagnostics(scenario, names)
            + RolloutChecks.diagnostics(scenario, names)
            + AssertionLabelChecks.diagnostics(scenario, names)
            + TimingChecks.diagnostics(scenario)
            + MetricsNameChecks.diagnostics(scenario)
        return found.inFileOrder()
    }
}
