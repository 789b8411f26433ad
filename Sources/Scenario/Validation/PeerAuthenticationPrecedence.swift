/// PeerAuthentications that meet at one level: Istio keeps only the oldest (by creation time)
/// of several mesh-wide, namespace-wide or workload policies; a file has no creation times, so
/// meshsim keeps the first in file order and says so. Also a port-level mode for a port no
/// selected workload serves on, which never applies.
enum PeerAuthenticationPrecedence {
    static func diagnostics(_ mesh: Mesh, _ workloads: [SecurityPolicyChecks.Workload], namespace: String) -> [Diagnostic] {
        let root = mesh.rootNamespace
        let policies = mesh.peerAuthentications
        func name(_ policy: PeerAuthentication) -> String { "\(policy.namespace ?? namespace)/\(policy.name)" }
        var diagnostics: [Diagnostic] = []
        var firstByScope: [String: PeerAuthentication] = [:]
        for policy in policies where policy.selector == nil {
            let policyNamespace = policy.namespace ?? namespace
            let scope = policyNamespace == root ? "mesh-wide policy" : "namespace-wide policy in \(policyNamespace)"
            if let first = firstByScope[scope] {
                diagnostics.append(.warning(
                    "PeerAuthentication \(name(policy)) is a second \(scope) after \(name(first)): Istio keeps the oldest; meshsim keeps the first in the file, \(name(first))",
                    at: policy.location))
            } else {
                firstByScope[scope] = policy
            }
        }
        var reported: Set<Int> = []
        for workload in workloads {
            let selecting = policies.indices.filter { index in
                let policy = policies[index]
                return policy.selector != nil && SecurityPolicyChecks.selects(
                    namespace: policy.namespace ?? namespace, selector: policy.selector, workload.identity, root: root)
            }
            guard let first = selecting.first else { continue }
            for index in selecting.dropFirst() where reported.insert(index).inserted {
                diagnostics.append(.warning(
                    "PeerAuthentication \(name(policies[index])) selects \(workload.name), as \(name(policies[first])) does: Istio keeps the oldest; meshsim keeps the first in the file, \(name(policies[first]))",
                    at: policies[index].location))
            }
        }
        for policy in policies where !policy.portLevelModes.isEmpty {
            let ports = Set(workloads.filter {
                SecurityPolicyChecks.selects(namespace: policy.namespace ?? namespace, selector: policy.selector, $0.identity, root: root)
            }.compactMap(\.port))
            for port in policy.portLevelModes.keys.sorted() where !ports.contains(port) {
                diagnostics.append(.warning(
                    "PeerAuthentication \(name(policy)): portLevelMtls \(port) never applies: no workload it selects serves on port \(port) (set services.NAME.port)",
                    at: policy.location))
            }
        }
        return diagnostics
    }
}
