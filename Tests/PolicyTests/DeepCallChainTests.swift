import Policy
import Scenario
import Testing
import struct Scenario.SourceLocation

/// Call chains as deep as the services allow, and deeper: the lint walks them without
/// recursion, so 10,000 services in a row end in a result, not a stack overflow.
@Suite struct DeepCallChainTests {
    private static func at(_ line: Int) -> SourceLocation {
        SourceLocation(file: "t.yaml", line: line, column: 3)
    }

    /// s0 → s1 → … → s9999 under the mesh, each hop retrying 5xx once when `retrying`.
    private static func chain(_ length: Int, retrying: Bool = false) -> Scenario {
        Scenario(
            name: "t", duration: 1_000_000_000,
            clients: [Client(name: "c", target: .service("s0"), arrival: .rate(1, .poisson), location: at(4))],
            mesh: Mesh(enabled: true, location: at(6)),
            services: (0..<length).map { index in
                let calls = index + 1 < length ? [CallStep.call(DownstreamCall(service: "s\(index + 1)", location: at(10 + index)))] : []
                let http = retrying
                    ? [HTTPRoute(
                        route: [RouteDestination(destination: Destination(host: "s\(index)"), location: at(10 + index))],
                        retries: HTTPRetry(attempts: 1, retryOn: "5xx", location: at(10 + index)), location: at(10 + index))]
                    : nil
                return Service(
                    name: "s\(index)", versions: [ServiceVersion(name: "default", calls: calls, location: at(10 + index))], http: http,
                    location: at(10 + index))
            })
    }

    /// The lint does not rely on validation's bound on services (10,000) to end; one request
    /// down 20,000 services makes 19,999 calls, past the fan-out lint's 10,000.
    @Test func aChainOfTwentyThousandServicesIsLinted() {
        #expect(PolicyLint.diagnostics(Self.chain(20_000)).map(\.message) == [
            "client \"c\": one request to s0 can make up to 19,999 calls between services, more than 10,000: calls repeated at several "
                + "levels of the call graph multiply, and a run cannot keep up; call each service fewer times, or flatten the chain",
        ])
    }

    @Test func aChainOfTenThousandServicesValidates() {
        #expect(ScenarioValidator.validate(Self.chain(10_000)) == [])
    }

    /// Every hop doubles the tries of a failure: 2^9999 saturates, and the message names the
    /// eight outermost hops and counts the rest rather than listing 10,000.
    @Test func retriesAtEveryHopOfALongChainSaturate() {
        let found = PolicyLint.diagnostics(Self.chain(10_000, retrying: true))
        #expect(found.count == 1)
        let message = found.first?.message ?? ""
        #expect(message.contains("= 9223372036854775807 attempts per request reach s9999"), "\(message)")
        #expect(message.contains("mesh retries 1 at s0, at s1, at s2, at s3, at s4, at s5, at s6, at s7 and at 9,992 hops further down"), "\(message)")
    }
}
