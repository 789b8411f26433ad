import Engine
import Scenario
import Testing
@testable import Reports

/// The mesh cost estimate in compare.csv and under `meshsim compare`'s table.
@Suite struct CompareMeshCostTests {
    private static let minute: Nanoseconds = 60_000_000_000

    /// One total and one client row, the same in every setup, so only the estimate differs.
    private static func run(mesh: MeshUsage?) -> RunResult {
        let counts = ScopeCounts(requests: 100, ok: 99, errors: 1)
        let latency = LatencySummary(p50: 2_000_000, p90: 0, p95: 0, p99: 9_000_000, p999: 0, max: 0, mean: 0)
        return RunResult(
            scenarioName: "s", seed: 1, endTime: minute,
            summary: [
                ScopeSummary(scope: .total, name: "all", counts: counts, latency: latency),
                ScopeSummary(scope: .client, name: "web", counts: counts, latency: nil),
            ],
            timeseries: [], events: [], responses: [], mesh: mesh)
    }

    /// 12 proxies, 144,000 passes in 60 s = 2400/s; 60 s added over 60,000 requests = 1 ms each.
    private static let busy = MeshUsage(
        proxies: 12, sidecarPasses: 144_000, addedLatency: 60_000_000_000, clientRequests: 60_000, duration: minute)

    @Test func csvAppendsTheEstimateToTheTotalRowOfMeshSetups() {
        let setups = [
            CompareSetup(name: "gateway-only", result: Self.run(mesh: nil), proxyCost: Mesh.ProxyCost()),
            // 2.4 × 0.35 = 0.84 vCPU; 2.4 × 60 = 144 MB.
            CompareSetup(name: "mesh", result: Self.run(mesh: Self.busy), proxyCost: Mesh.ProxyCost(cpu: 0.35, memory: 60)),
        ]
        let expected = [
            "variant,scope,name,requests,ok,errors,error_rate,rate_limited,p50_ms,p99_ms,retries,ejections,proxies,proxy_rps,proxy_vcpu,proxy_memory_mb,sidecar_ms",
            "gateway-only,total,all,100,99,1,0.010000,0,2.000,9.000,0,0,,,,,",
            "gateway-only,client,web,100,99,1,0.010000,0,,,0,0,,,,,",
            "mesh,total,all,100,99,1,0.010000,0,2.000,9.000,0,0,12,2400.000,0.840,144.000,1.000",
            "mesh,client,web,100,99,1,0.010000,0,,,0,0,,,,,",
        ].map { $0 + "\n" }.joined()
        #expect(CompareReport.csv(setups) == expected)
    }

    @Test func csvRoundsToThreeDecimals() {
        // 100,000 passes in 60 s = 1666.666…/s; × 0.2 / 1000 = 0.333… vCPU; × 60 / 1000 = 100 MB.
        // 1 s added over 3 requests = 333.333… ms.
        let usage = MeshUsage(proxies: 5, sidecarPasses: 100_000, addedLatency: 1_000_000_000, clientRequests: 3, duration: Self.minute)
        let csv = CompareReport.csv([CompareSetup(name: "m", result: Self.run(mesh: usage), proxyCost: Mesh.ProxyCost())])
        let total = csv.split(separator: "\n")[1]
        #expect(total.hasSuffix(",5,1666.667,0.333,100.000,333.333"))
    }

    @Test func tableAddsOneCostLinePerSetupAfterABlankLine() {
        let setups = [
            CompareSetup(name: "gateway-only", result: Self.run(mesh: nil), proxyCost: Mesh.ProxyCost()),
            CompareSetup(name: "mesh", result: Self.run(mesh: Self.busy), proxyCost: Mesh.ProxyCost(cpu: 0.35, memory: 60)),
        ]
        // "mesh cost (gateway-only):" is 25 characters; the shorter label is padded to it.
        let block = [
            "mesh cost (gateway-only): none (mesh disabled)",
            "mesh cost (mesh):         12 proxies, 2400 req/s through proxies ≈ 0.84 vCPU, 144 MB; sidecars add 1.000 ms per request",
        ].map { $0 + "\n" }.joined()
        // Widths: scope 6, name 4, setup 12, then the numbers right-aligned under their headers.
        let table = [
            "scope   name  setup         requests  ok  errors  error %  rate-limited  p50 ms  p99 ms  retries",
            "total   all   gateway-only       100  99       1     1.00             0   2.000   9.000        0",
            "total   all   mesh               100  99       1     1.00             0   2.000   9.000        0",
            "client  web   gateway-only       100  99       1     1.00             0       -       -        0",
            "client  web   mesh               100  99       1     1.00             0       -       -        0",
        ].map { $0 + "\n" }.joined()
        #expect(CompareTable.render(setups) == table + "\n" + block)
    }

    @Test func costNumbersLineUpAcrossSetups() {
        // 1 proxy, 600 passes in 60 s = 10/s: 0.002 vCPU and 0.6 MB; 75 ms over 300 requests = 0.25 ms.
        let small = MeshUsage(proxies: 1, sidecarPasses: 600, addedLatency: 75_000_000, clientRequests: 300, duration: Self.minute)
        let setups = [
            CompareSetup(name: "small", result: Self.run(mesh: small), proxyCost: Mesh.ProxyCost()),
            CompareSetup(name: "large", result: Self.run(mesh: Self.busy), proxyCost: Mesh.ProxyCost()),
        ]
        let block = [
            "mesh cost (small):  1 proxy,     10 req/s through proxies ≈ 0.002 vCPU, 0.6 MB; sidecars add 0.250 ms per request",
            "mesh cost (large): 12 proxies, 2400 req/s through proxies ≈  0.48 vCPU, 144 MB; sidecars add 1.000 ms per request",
        ].map { $0 + "\n" }.joined()
        #expect(CompareTable.render(setups).hasSuffix("\n\n" + block))
    }

    @Test func noMeshNoCostBlock() {
        let setups = ["a", "b"].map { CompareSetup(name: $0, result: Self.run(mesh: nil), proxyCost: Mesh.ProxyCost()) }
        let text = CompareTable.render(setups)
        #expect(!text.contains("mesh cost"))
        #expect(!text.contains("\n\n"))
        #expect(text.split(separator: "\n").count == 5)
    }
}
