import Engine
import Scenario

/// One setup of `meshsim compare` as the reports need it: its name, what its run measured,
/// and the proxy cost figures of its scenario (a `RunResult` does not carry the scenario).
public struct CompareSetup: Sendable {
    public var name: String
    public var result: RunResult
    public var proxyCost: Mesh.ProxyCost

    public init(name: String, result: RunResult, proxyCost: Mesh.ProxyCost) {
        self.name = name
        self.result = result
        self.proxyCost = proxyCost
    }

    /// Nil when the setup ran without a mesh.
    public var meshCost: MeshCostEstimate? {
        result.mesh.map { MeshCostEstimate(usage: $0, cost: proxyCost) }
    }
}
