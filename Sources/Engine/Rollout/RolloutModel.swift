import Policy
import Scenario

/// A scenario's rollout resolved to indices: the service, its stable and canary versions, and
/// with the mesh the VirtualService rule whose destinations the rollout owns.
struct RolloutModel: Sendable {
    var service: Int
    var stable: Int
    var canary: Int
    /// The service's last `http` rule without a `match` (rule 0 of Istio's default route when
    /// the service has no `http`); -1 when every rule has a match (the rollout then moves no
    /// mesh traffic). Unused without the mesh.
    var rule: Int
    /// The controller as it stands at t = 0.
    var controller: RolloutController
    var start: Nanoseconds

    init?(_ scenario: Scenario, services: [World.ServiceModel], versions: [World.VersionModel]) {
        guard let rollout = scenario.rollout,
              let service = services.firstIndex(where: { $0.name == rollout.service }),
              let stable = services[service].versions.first(where: { versions[$0].name == rollout.stable }),
              let canary = services[service].versions.first(where: { versions[$0].name == rollout.canary })
        else { return nil }
        self.service = service
        self.stable = stable
        self.canary = canary
        let http = scenario.services[service].http
        rule = http.map { routes in routes.lastIndex { $0.match.isEmpty } ?? -1 } ?? 0
        controller = RolloutController(rollout)
        start = rollout.start
    }
}
