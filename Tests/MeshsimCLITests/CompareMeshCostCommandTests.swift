import Foundation
@testable import MeshsimCLI
import Testing

/// `meshsim compare` prices each setup's mesh with that setup's own `mesh.proxyCost`.
@Suite struct CompareMeshCostCommandTests {
    static let scenario = """
        name: meshcost
        seed: 3
        duration: 10s
        clients:
          - { name: web, rate: 200/s }
        gateway:
          routes:
            - { name: all, paths: [/], service: api }
        services:
          api: { replicas: 2, concurrency: 8, latency: 2ms }
        mesh:
          enabled: true
          sidecarLatency: 250us
        variants:
          gateway-only: { mesh.enabled: false }
          mesh: {}
          pricey: { mesh.proxyCost.cpu: 0.35, mesh.proxyCost.memory: 90 }
        """

    private func compare(_ workspace: CommandTests.Workspace) -> (code: ExitCode, out: String, csv: [[String]]) {
        var console = Console()
        let code = Meshsim.main(["compare", workspace.path("s.yaml"), "--out", workspace.path("out")], console: &console)
        let text = (try? workspace.read("out/compare.csv")) ?? ""
        let rows = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return (code, console.out, rows)
    }

    private func number(_ cell: String) -> Double {
        Double(cell) ?? -1
    }

    @Test func eachSetupIsPricedWithItsOwnFigures() throws {
        let workspace = try CommandTests.Workspace(["s.yaml": Self.scenario])
        let result = compare(workspace)
        #expect(result.code == .success)
        #expect(result.csv.first == [
            "variant", "scope", "name", "requests", "ok", "errors", "error_rate", "rate_limited", "p50_ms", "p99_ms", "retries",
            "ejections", "proxies", "proxy_rps", "proxy_vcpu", "proxy_memory_mb", "sidecar_ms",
        ])
        let totals = Dictionary(result.csv.filter { $0.count == 17 && $0[1] == "total" }.map { ($0[0], $0) }) { first, _ in first }
        let gatewayOnly = try #require(totals["gateway-only"])
        let mesh = try #require(totals["mesh"])
        let pricey = try #require(totals["pricey"])
        #expect(gatewayOnly[12...] == ["", "", "", "", ""])
        // The figures change the estimate, not the run: the same passes, proxies and latency.
        #expect(mesh[12] == pricey[12] && mesh[13] == pricey[13] && mesh[16] == pricey[16])
        #expect(number(mesh[12]) > 0 && number(mesh[13]) > 0 && number(mesh[16]) > 0)
        // vCPU and MB are the figures per 1000 requests/s times the rate, to within rounding to 3 places.
        let rate = number(mesh[13]) / 1000
        #expect(abs(number(mesh[14]) - 0.2 * rate) <= 0.0006)
        #expect(abs(number(mesh[15]) - 60 * rate) <= 0.0006 + 60 * 0.0005 / 1000)
        #expect(abs(number(pricey[14]) - 0.35 * rate) <= 0.0006)
        #expect(abs(number(pricey[15]) - 90 * rate) <= 0.0006 + 90 * 0.0005 / 1000)
        // Only the total row carries the estimate.
        for row in result.csv.dropFirst() where row[1] != "total" {
            #expect(row[12...] == ["", "", "", "", ""])
        }
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.contains("mesh cost (gateway-only): none (mesh disabled)"))
        #expect(lines.contains { $0.hasPrefix("mesh cost (pricey):       \(pricey[12]) proxies, ") && $0.hasSuffix(" ms per request") })
    }
}
