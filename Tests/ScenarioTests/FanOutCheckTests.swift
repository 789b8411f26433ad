import Testing
@testable import Scenario
import struct Scenario.SourceLocation

/// Calls that multiply down a call graph are refused past a million per request (issue 16:
/// 30 services each calling the next twice made a run that never ended).
@Suite struct FanOutCheckTests {
    private func at(_ line: Int, _ column: Int = 3) -> SourceLocation {
        SourceLocation(file: "t.yaml", line: line, column: column)
    }

    /// `count` services, each calling the next `times` times with that percent.
    private func chain(_ count: Int, times: Int, percent: Double = 1) -> Scenario {
        let services = (0..<count).map { index in
            let calls = index + 1 < count
                ? Array(repeating: CallStep.call(DownstreamCall(service: "s\(index + 1)", percent: percent, location: at(8 + index, 9))), count: times)
                : []
            return Service(name: "s\(index)", versions: [ServiceVersion(name: "default", calls: calls, location: at(8 + index))], location: at(8 + index))
        }
        return Scenario(
            name: "t", duration: 1_000_000_000,
            clients: [Client(name: "c", target: .service("s0"), arrival: .rate(1, .poisson), location: at(4, 5))],
            services: services, sectionLocations: ["duration": at(2, 1), "services": at(7, 1)])
    }

    private func errors(_ scenario: Scenario) -> [Diagnostic] {
        ScenarioValidator.validate(scenario).filter { $0.severity == .error }
    }

    @Test func thirtyServicesEachCallingTheNextTwiceAreRefused() {
        // s29 makes no call; s(k) makes 2 × (1 + what s(k+1) makes): s0 makes 2^30 − 2.
        #expect(errors(chain(30, times: 2)) == [.error(
            "services.s0: one request to s0 makes about 1,073,741,822 calls between services (each call weighted by its percent, "
                + "with the calls it makes), more than the 1,000,000 meshsim simulates per request: calls repeated at several levels "
                + "of the call graph multiply; call each service fewer times, or flatten the chain",
            at: at(8))])
    }

    @Test func theBoundLiesBetweenNineteenAndTwentyLevels() {
        // 2^19 − 2 = 524,286 calls pass; 2^20 − 2 = 1,048,574 do not.
        #expect(FanOutChecks.expectedCallsBelow(chain(19, times: 2))["s0"] == 524_286)
        #expect(errors(chain(19, times: 2)) == [])
        #expect(errors(chain(20, times: 2)).count == 1)
    }

    @Test func percentsWeighTheCalls() {
        // Two calls at 50% are one call on average at each level: s0 makes 29.
        #expect(FanOutChecks.expectedCallsBelow(chain(30, times: 2, percent: 0.5))["s0"] == 29)
        #expect(errors(chain(30, times: 2, percent: 0.5)) == [])
    }

    @Test func aCountBeyondAnyNumberIsStillRefused() {
        // 2,000 services calling the next 50 times (99,950 calls, within the bounds) make
        // 50^1999 calls, infinite as a Double; the message shows Int's maximum.
        let found = errors(chain(2_000, times: 50))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("services.s0: one request to s0 makes about 9,223,372,036,854,775,807 calls") == true)
    }

    @Test func aLongChainIsWalkedWithoutRecursion() {
        // The services bound is 10,000; the walk itself takes any depth.
        #expect(FanOutChecks.expectedCallsBelow(chain(20_000, times: 1))["s0"] == 19_999)
    }
}
