@testable import Engine
import Policy
import Scenario
import Testing

/// The mesh's look-ups that must not grow with the world: a caller's sidecar state by
/// cluster, and the rule of a host whose VirtualService cannot look at the request.
@Suite struct MeshRuntimeTests {
    @Test func sidecarStatesAreFoundByClusterWhateverOrderTheyWereMadeIn() {
        var runtime = MeshRuntime()
        runtime.callerSidecars = ContiguousArray(repeating: [], count: 3)
        // Caller 1 meets clusters 7, 2, 9, 0, 5 in that order (states 0...4); caller 2 meets 2.
        for (state, cluster) in [7, 2, 9, 0, 5].enumerated() { runtime.addSidecar(Int32(state), caller: 1, cluster: cluster) }
        runtime.addSidecar(5, caller: 2, cluster: 2)
        #expect([0, 2, 5, 7, 9].map { runtime.sidecar(caller: 1, cluster: $0) } == [3, 1, 4, 0, 2])
        #expect([1, 3, 6, 8, 10].allSatisfy { runtime.sidecar(caller: 1, cluster: $0) == nil })
        #expect(runtime.sidecar(caller: 2, cluster: 2) == 5)
        #expect(runtime.sidecar(caller: 2, cluster: 7) == nil)
        #expect(runtime.sidecar(caller: 0, cluster: 2) == nil)
    }

    @Test func sidecarStatesOfLargeClusterNumbersKeepTheirCluster() {
        var runtime = MeshRuntime()
        runtime.callerSidecars = [[]]
        runtime.addSidecar(Int32.max, caller: 0, cluster: 1 << 30)
        runtime.addSidecar(0, caller: 0, cluster: (1 << 30) + 1)
        #expect(runtime.sidecar(caller: 0, cluster: 1 << 30) == Int32.max)
        #expect(runtime.sidecar(caller: 0, cluster: (1 << 30) + 1) == 0)
        #expect(runtime.sidecar(caller: 0, cluster: (1 << 30) - 1) == nil)
    }

    private let here = SourceLocation(file: "test", line: 1, column: 1)

    private func host(_ routes: [HTTPRoute]?) -> MeshModel.Host {
        MeshModel.Host(router: VirtualServiceRouter(host: "a", routes: routes), rules: [], firstCluster: 0)
    }

    private func route(matching path: String?) -> HTTPRoute {
        HTTPRoute(
            match: path.map { [HTTPMatch(uri: .prefix($0), location: here)] } ?? [],
            route: [RouteDestination(destination: Destination(host: "a"), location: here)], location: here)
    }

    /// Istio: the first rule without `match` takes every request; a VirtualService without
    /// rules routes nothing (404 NR); a `match` first makes the rule depend on the request.
    @Test func aHostsRuleIsFixedUnlessItsFirstRuleMatches() {
        #expect(host(nil).fixedRule == 0)
        #expect(host([]).fixedRule == -1)
        #expect(host([route(matching: nil), route(matching: "/a")]).fixedRule == 0)
        #expect(host([route(matching: "/a"), route(matching: nil)]).fixedRule == MeshRuntime.unknownRule)
    }
}
