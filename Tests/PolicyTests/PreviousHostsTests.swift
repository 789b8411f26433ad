import Policy
import Testing

/// Envoy's `previous_hosts` predicate with Istio's host_selection_retry_max_attempts of 5
/// (Envoy load_balancer_impl.cc `chooseHost`: up to 1 + 5 picks, the last one kept).
@Suite struct PreviousHostsTests {
    @Test func aTriedHostIsRepickedAtMostFiveTimesThenKept() {
        var calls = 0
        let host = PreviousHosts.pick(avoiding: [0]) {
            calls += 1
            return 0
        }
        #expect(calls == 6)
        #expect(host == 0)
    }

    @Test func repickingStopsAtTheFirstHostNotTried() {
        var picks = [0, 1, 2, 3][...]
        var calls = 0
        let host = PreviousHosts.pick(avoiding: [0, 1]) {
            calls += 1
            return picks.popFirst() ?? -1
        }
        #expect(host == 2)
        #expect(calls == 3)
    }

    @Test func aFreshFirstPickIsKeptWithoutRepicking() {
        var calls = 0
        let host = PreviousHosts.pick(avoiding: Set([4, 5])) {
            calls += 1
            return 1
        }
        #expect(host == 1)
        #expect(calls == 1)
    }

    @Test func zeroRepicksMeansOnePick() {
        var calls = 0
        _ = PreviousHosts.pick(avoiding: [7], maxRepicks: 0) {
            calls += 1
            return 7
        }
        #expect(calls == 1)
    }
}
