import Testing
@testable import Scenario

/// A duration or rate that is almost right says what to write (issue 16: `latency: 300 ms`
/// said "'300' has no unit", `duration: 5min` gave no hint).
struct UnitAdviceTests {
    private func errors(duration: String = "10s", rate: String = "10/s", latency: String = "1ms") -> [String] {
        let text = """
            name: t
            duration: \(duration)
            clients: [{ name: web, rate: \(rate), target: orders }]
            services: { orders: { latency: "\(latency)" } }
            """
        return ScenarioLoader.load(text: text, file: "s.yaml").errors.map(\.message)
    }

    @Test(arguments: [
        ("300 ms", "the unit must follow the number without a space: write 300ms, not '300 ms'"),
        ("5 s", "the unit must follow the number without a space: write 5s, not '5 s'"),
        ("5min", "write 5m, not '5min' (the units are ns, us, ms, s, m, h)"),
        ("2 minutes", "write 2m, not '2 minutes' (the units are ns, us, ms, s, m, h)"),
        ("1.5sec", "write 1.5s, not '1.5sec' (the units are ns, us, ms, s, m, h)"),
        ("1hr", "write 1h, not '1hr' (the units are ns, us, ms, s, m, h)"),
        ("250msec", "write 250ms, not '250msec' (the units are ns, us, ms, s, m, h)"),
        ("20millis", "write 20ms, not '20millis' (the units are ns, us, ms, s, m, h)"),
        ("100usec", "write 100us, not '100usec' (the units are ns, us, ms, s, m, h)"),
        ("7nsec", "write 7ns, not '7nsec' (the units are ns, us, ms, s, m, h)"),
        ("5MS", "write 5ms, not '5MS' (the units are ns, us, ms, s, m, h)"),
        ("10", "write 10s or 10ms, not 10 (a duration needs a unit: ns, us, ms, s, m, h)"),
    ])
    func durationsSayWhatToWrite(text: String, advice: String) {
        #expect(errors(duration: text) == ["duration must be a duration: \(advice)"])
        #expect(errors(latency: text) == ["services.orders.latency is not a valid distribution: \(advice)"])
    }

    @Test func aWordThatIsNoUnitGetsTheGeneralMessage() {
        #expect(errors(duration: "5 lightyears") == ["duration must be a duration such as 5s or 250ms, not '5 lightyears'"])
    }

    @Test(arguments: [
        ("800/sec", "(write 800/s)"),
        ("50/min", "(write 50/m)"),
        ("3600/hour", "(write 3600/h)"),
        ("800 rps", "(write 800/s)"),
        ("800", "(a rate needs a unit: 800/s, 800/m or 800/h)"),
    ])
    func ratesSayWhatToWrite(text: String, advice: String) {
        #expect(errors(rate: text) == ["clients[0].rate must be a rate such as 800/s, 50/m or 3600/h, not '\(text)' \(advice)"])
    }

    @Test func aSpaceBeforeTheRateUnitIsAccepted() {
        #expect(errors(rate: "800 /s").isEmpty)
    }
}
