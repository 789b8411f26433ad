import Policy
import Scenario
import Testing

/// Kong's request-termination handler (kong/plugins/request-termination/handler.lua).
@Suite struct RequestTerminationPolicyTests {
    @Test func withoutATriggerEveryRequestIsAnsweredWithKongsDefaultMessage() {
        let policy = RequestTerminationPolicy(RequestTerminationConfig())
        #expect(policy.terminates(path: "/", headers: []))
        #expect(policy.status == 503)
        #expect(policy.body == "{\"message\":\"Service unavailable\"}")
    }

    @Test func aStatusWithoutADefaultMessageHasNoBodyAndAWrittenOneWins() {
        #expect(RequestTerminationPolicy(RequestTerminationConfig(statusCode: 403)).body == nil)
        #expect(RequestTerminationPolicy(RequestTerminationConfig(statusCode: 404)).body == "{\"message\":\"Not found\"}")
        #expect(RequestTerminationPolicy(RequestTerminationConfig(statusCode: 503, message: "down for maintenance")).body
            == "{\"message\":\"down for maintenance\"}")
        #expect(RequestTerminationPolicy(RequestTerminationConfig(statusCode: 200, body: "ok", contentType: "text/plain")).body == "ok")
    }

    @Test func aTriggerIsAHeaderOfAnyCaseOrAQueryArgumentWhateverItsValue() {
        let policy = RequestTerminationPolicy(RequestTerminationConfig(trigger: "x-maintenance"))
        #expect(!policy.terminates(path: "/api", headers: [Header(name: "x-other", value: "1")]))
        #expect(policy.terminates(path: "/api", headers: [Header(name: "X-Maintenance", value: "")]))
        #expect(policy.terminates(path: "/api?a=1&x-maintenance", headers: []))
        #expect(policy.terminates(path: "/api?x-maintenance=no", headers: []))
        #expect(!policy.terminates(path: "/api?X-Maintenance=1", headers: []))
        // nginx looks a header up with `_` read as `-`.
        #expect(RequestTerminationPolicy(RequestTerminationConfig(trigger: "x_maintenance")).terminates(
            path: "/", headers: [Header(name: "x-maintenance", value: "1")]))
    }
}
