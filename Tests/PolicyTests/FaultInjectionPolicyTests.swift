import Policy
import Scenario
import Testing

/// Envoy's fault filter as Istio configures it (policy-semantics.md "Fault injection"; Envoy
/// fault_filter.cc: the delay is decided in decodeHeaders, the abort after it with its own draw).
@Suite struct FaultInjectionPolicyTests {
    let twoSeconds: Nanoseconds = 2_000_000_000

    func policy(delay: Double? = nil, abort: Double? = nil, status: Int = 503) -> FaultInjectionPolicy {
        FaultInjectionPolicy(HTTPFault(
            delay: delay.map { HTTPFault.Delay(fraction: $0, fixedDelay: twoSeconds) },
            abort: abort.map { HTTPFault.Abort(fraction: $0, httpStatus: status) }
        ))
    }

    @Test func aHundredPercentDelayAndAbortGiveDelayThenAbort() {
        var rng = MeshSplitMix64(seed: 1)
        #expect(policy(delay: 1, abort: 1, status: 503).decide(&rng) == .delayThenAbort(twoSeconds, status: 503))
    }

    @Test func theDelayIsDrawnFirstThenTheAbortWithItsOwnDraw() {
        let fault = policy(delay: 0.1, abort: 0.6)
        var both = MeshScriptedRandom(units: [0.05, 0.5])
        #expect(fault.decide(&both) == .delayThenAbort(twoSeconds, status: 503))
        var delayOnly = MeshScriptedRandom(units: [0.05, 0.7])
        #expect(fault.decide(&delayOnly) == .delay(twoSeconds))
        var abortOnly = MeshScriptedRandom(units: [0.5, 0.5])
        #expect(fault.decide(&abortOnly) == .abort(status: 503))
        var neither = MeshScriptedRandom(units: [0.1, 0.6])
        #expect(fault.decide(&neither) == .none)
        #expect(neither.unitDraws == 2)
    }

    @Test func independentDrawsMakeEachCombinationAQuarterAtFiftyFifty() {
        let fault = policy(delay: 0.5, abort: 0.5)
        var rng = MeshSplitMix64(seed: 7)
        let draws = 20_000
        var both = 0, delays = 0, aborts = 0
        for _ in 0..<draws {
            switch fault.decide(&rng) {
            case .delayThenAbort: both += 1
            case .delay: delays += 1
            case .abort: aborts += 1
            case .none: break
            }
        }
        for count in [both, delays, aborts] {
            MeshStatistics.expectBinomial(count, draws: draws, probability: 0.25)
        }
    }

    @Test func aZeroPercentageNeverFires() {
        let fault = policy(delay: 0, abort: 0)
        var rng = MeshSplitMix64(seed: 9)
        #expect((0..<1_000).allSatisfy { _ in fault.decide(&rng) == .none })
    }

    @Test func noFaultDrawsNothing() {
        var rng = MeshScriptedRandom()
        #expect(FaultInjectionPolicy(nil).decide(&rng) == .none)
        #expect(!FaultInjectionPolicy(nil).isActive)
        #expect(rng.unitDraws == 0)
    }

    @Test func anAbortAloneUsesOneDrawAndKeepsItsStatus() {
        var rng = MeshScriptedRandom(units: [0.2])
        #expect(policy(abort: 0.25, status: 418).decide(&rng) == .abort(status: 418))
        #expect(rng.unitDraws == 1)
    }
}
