import Scenario

/// Warnings about what the gateway and mesh policies will make of a scenario: settings that
/// are valid one by one but do something surprising together, and load that a run cannot
/// keep up with. They ask the policies themselves (`RetryPolicy`, `KongRouter`,
/// `VirtualServiceRouter`), which the Scenario target's `ScenarioValidator` cannot see, so
/// they are a pass of their own.
public enum PolicyLint {
    /// Warnings, in file order. Meant for a scenario that `ScenarioValidator` accepts (as
    /// `ScenarioLoader` hands it out); on one it rejects, the warnings may be incomplete,
    /// but the checks always end and never trap.
    public static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        let traffic = CallTraffic(scenario)
        let found = RetryAmplificationLint.diagnostics(scenario) + SubsetTrafficLint.diagnostics(scenario)
            + OfferedLoadLint.diagnostics(scenario, traffic) + FanOutLint.diagnostics(scenario, traffic)
            + LocalityLint.diagnostics(scenario)
        let security = MeshSecurity(mesh: scenario.mesh, defaultNamespace: scenario.namespace)
        let secured = PeerAuthenticationLint.diagnostics(scenario, security) + AuthorizationPolicyLint.diagnostics(scenario, security)
        return (found + secured).inFileOrder()
    }
}
