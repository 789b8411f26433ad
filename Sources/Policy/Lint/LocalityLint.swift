import Scenario

/// `localityLbSetting` that does nothing in Istio: failover (written, or asked for with
/// `enabled: true`) on a cluster without outlier detection, since Istio sets the priorities
/// only with it (`ApplyLocalityLoadBalancer`: "Failover needs outlier detection, otherwise
/// Envoy will never drop down to a lower priority"); and `distribute`, whose locality weights
/// meshsim does not simulate.
enum LocalityLint {
    static func diagnostics(_ scenario: Scenario) -> [Diagnostic] {
        guard scenario.mesh.enabled else { return [] }
        var found: [Diagnostic] = []
        var seen: Set<SourceLocation> = []
        for service in scenario.services {
            let clusters = [(service.name, service.trafficPolicy)] + service.versions.compactMap { version in
                version.trafficPolicy.map { _ in ("\(service.name) subset \(version.name)", service.trafficPolicy(subset: version.name)) }
            }
            for (cluster, policy) in clusters {
                guard let setting = policy?.localityLbSetting, seen.insert(setting.location).inserted else { continue }
                if !setting.distribute.isEmpty {
                    found.append(.warning(
                        "localityLbSetting.distribute of \(cluster) is not simulated: meshsim balances over every host without locality weights",
                        at: setting.location))
                } else if policy?.outlierDetection == nil, setting.enabled != false,
                          setting.enabled == true || !setting.failover.isEmpty || !setting.failoverPriority.isEmpty {
                    found.append(.warning(
                        "localityLbSetting of \(cluster): locality failover without outlier detection has no effect "
                            + "(Istio requires outlierDetection); add trafficPolicy.outlierDetection",
                        at: setting.location))
                }
            }
        }
        return found
    }
}
