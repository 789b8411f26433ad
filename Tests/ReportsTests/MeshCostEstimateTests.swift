import Engine
import Scenario
import Testing
@testable import Reports

/// The mesh cost estimate's arithmetic, worked by hand from the per-1000-requests/s figures.
@Suite struct MeshCostEstimateTests {
    private let minute: Nanoseconds = 60_000_000_000

    private func close(_ value: Double, _ expected: Double) -> Bool {
        abs(value - expected) < 1e-9
    }

    @Test func istioDefaultsScaleWithProxyPasses() {
        // 120,000 passes in 60 s = 2000/s; 2000/1000 × 0.2 vCPU = 0.4 vCPU and × 60 MB = 120 MB.
        // 45 s of added latency over 30,000 requests = 1.5 ms each.
        let usage = MeshUsage(proxies: 8, sidecarPasses: 120_000, addedLatency: 45_000_000_000, clientRequests: 30_000, duration: minute)
        let estimate = MeshCostEstimate(usage: usage, cost: Mesh.ProxyCost(cpu: 0.2, memory: 60))
        #expect(estimate.proxies == 8)
        #expect(close(estimate.proxyRequestRate, 2000))
        #expect(close(estimate.vCPU, 0.4))
        #expect(close(estimate.memoryMB, 120))
        #expect(close(estimate.addedMillisecondsPerRequest, 1.5))
    }

    @Test func overriddenFiguresReplaceIstios() {
        let usage = MeshUsage(proxies: 8, sidecarPasses: 120_000, addedLatency: 0, clientRequests: 30_000, duration: minute)
        // 2 × 0.35 = 0.7 vCPU; 2 × 25 = 50 MB.
        let estimate = MeshCostEstimate(usage: usage, cost: Mesh.ProxyCost(cpu: 0.35, memory: 25))
        #expect(close(estimate.vCPU, 0.7))
        #expect(close(estimate.memoryMB, 50))
        #expect(estimate.addedMillisecondsPerRequest == 0)
    }

    @Test func aRunWithoutTimeOrRequestsCostsNothing() {
        let usage = MeshUsage(proxies: 3, sidecarPasses: 0, addedLatency: 0, clientRequests: 0, duration: 0)
        let estimate = MeshCostEstimate(usage: usage, cost: Mesh.ProxyCost())
        #expect(estimate.proxies == 3)
        #expect(estimate.proxyRequestRate == 0 && estimate.vCPU == 0 && estimate.memoryMB == 0)
        #expect(estimate.addedMillisecondsPerRequest == 0)
    }

    @Test func compareSetupEstimatesOnlyWithAMesh() {
        let usage = MeshUsage(proxies: 2, sidecarPasses: 600, addedLatency: 0, clientRequests: 300, duration: minute)
        let base = RunResult(scenarioName: "s", seed: 1, endTime: minute, summary: [], timeseries: [], events: [], responses: [])
        var meshed = base
        meshed.mesh = usage
        let cost = Mesh.ProxyCost(cpu: 0.5, memory: 10)
        #expect(CompareSetup(name: "off", result: base, proxyCost: cost).meshCost == nil)
        // 600 passes in 60 s = 10/s: 0.01 × 0.5 = 0.005 vCPU, 0.01 × 10 = 0.1 MB.
        let estimate = CompareSetup(name: "on", result: meshed, proxyCost: cost).meshCost
        #expect(estimate.map { close($0.vCPU, 0.005) && close($0.memoryMB, 0.1) } == true)
    }
}
