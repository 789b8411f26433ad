import Testing
@testable import Scenario

@Suite struct ValueSyntaxTests {
    @Test(arguments: [
        ("250us", Int64(250_000)), ("20ms", 20_000_000), ("1.5s", 1_500_000_000), ("2m", 120_000_000_000),
        ("1h", 3_600_000_000_000), ("0s", 0), ("-1s", -1_000_000_000), ("7ns", 7), ("0.1s", 100_000_000),
        ("1h30m", 5_400_000_000_000), ("2.675ms", 2_675_000), (".5s", 500_000_000), ("1µs", 1_000),
    ])
    func durations(text: String, nanoseconds: Int64) {
        #expect(ValueSyntax.duration(text) == nanoseconds)
    }

    @Test(arguments: ["5", "0", "", "s", "5 s", "5sec", "1.2.3s", "ms5", "--1s", "9999999999999h", "1e3ms"])
    func notDurations(text: String) {
        #expect(ValueSyntax.duration(text) == nil)
    }

    @Test func rates() {
        #expect(ValueSyntax.rate("800/s") == 800)
        #expect(ValueSyntax.rate("3600/h") == 1)
        // 50 per minute is 5/6 per second.
        #expect(abs((ValueSyntax.rate("50/m") ?? 0) - 0.833_333_333_333) < 1e-9)
        #expect(ValueSyntax.rate("2.5/s") == 2.5)
        for text in ["800", "800/d", "/s", "800/s/s", "abc/s", "inf/s", "1e400/s", "0x10/s"] {
            #expect(ValueSyntax.rate(text) == nil, "\(text)")
        }
    }

    @Test func percents() {
        #expect(ValueSyntax.percent("5%") == 0.05)
        #expect(ValueSyntax.percent("0.1%") == 0.001)
        #expect(ValueSyntax.percent("100%") == 1)
        for text in ["5", "0.05", "%", "five%", "5%%"] {
            #expect(ValueSyntax.percent(text) == nil, "\(text)")
        }
    }

    @Test func distributions() throws {
        let cases: [(String, Distribution)] = [
            ("20ms", .constant(20_000_000)),
            ("const(20ms)", .constant(20_000_000)),
            ("exp(1s)", .exponential(mean: 1_000_000_000)),
            ("uniform(10ms, 30ms)", .uniform(low: 10_000_000, high: 30_000_000)),
            ("normal(20ms,5ms)", .normal(mean: 20_000_000, standardDeviation: 5_000_000)),
            ("lognormal( 20ms , 120ms )", .lognormal(p50: 20_000_000, p99: 120_000_000)),
            ("mix(90%: lognormal(20ms, 80ms), 10%: 400ms)", .mixture([
                MixtureComponent(share: 0.9, distribution: .lognormal(p50: 20_000_000, p99: 80_000_000)),
                MixtureComponent(share: 0.1, distribution: .constant(400_000_000)),
            ])),
            ("mix(50%: mix(50%: 1ms, 50%: 2ms), 50%: exp(3ms))", .mixture([
                MixtureComponent(share: 0.5, distribution: .mixture([
                    MixtureComponent(share: 0.5, distribution: .constant(1_000_000)),
                    MixtureComponent(share: 0.5, distribution: .constant(2_000_000)),
                ])),
                MixtureComponent(share: 0.5, distribution: .exponential(mean: 3_000_000)),
            ])),
        ]
        for (text, expected) in cases {
            #expect(try ValueSyntax.distribution(text).get() == expected, "\(text)")
        }
    }

    /// Shares that are not exact in binary still add up to 100% within 1e-9.
    @Test func mixSharesToleratesRounding() throws {
        let distribution = try ValueSyntax.distribution("mix(33.3%: 1ms, 33.3%: 2ms, 33.4%: 3ms)").get()
        guard case .mixture(let components) = distribution else {
            Issue.record("not a mixture")
            return
        }
        let shares = components.map(\.share)
        #expect(zip(shares, [0.333, 0.333, 0.334]).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test(arguments: [
        ("20", "write 20s or 20ms, not 20 (a duration needs a unit: ns, us, ms, s, m, h)"),
        ("300 ms", "the unit must follow the number without a space: write 300ms, not '300 ms'"),
        ("exp(5min)", "write 5m, not '5min' (the units are ns, us, ms, s, m, h)"),
        ("uniform(1ms, 2 secs)", "write 2s, not '2 secs' (the units are ns, us, ms, s, m, h)"),
        ("mix(50%: 3 ms, 50%: 2ms)", "the unit must follow the number without a space: write 3ms, not '3 ms'"),
        ("lognormal(20ms, 10ms)", "lognormal(p50, p99) needs p99 greater than p50"),
        ("lognormal(20ms, 20ms)", "lognormal(p50, p99) needs p99 greater than p50"),
        ("lognormal(0s, 20ms)", "lognormal(p50, p99) needs p50 above 0s"),
        ("uniform(30ms, 10ms)", "uniform(low, high) needs low ≤ high"),
        ("normal(20ms, -5ms)", "durations in a distribution must not be negative, not -5ms"),
        ("-5ms", "durations in a distribution must not be negative, not -5ms"),
        ("lognorm(20ms, 80ms)", "unknown distribution 'lognorm'; did you mean 'lognormal'?"),
        ("gamma(1ms)", "unknown distribution 'gamma'; known distributions: const, exp, uniform, normal, lognormal, mix"),
        ("exp(1ms, 2ms)", "exp takes 1 argument (mean), not 2"),
        ("uniform(1ms)", "uniform takes 2 arguments (low, high), not 1"),
        ("mix(90%: 1ms, 5%: 2ms)", "mix shares must add up to 100%, not 95%"),
        ("mix(90: 1ms, 10: 2ms)", "mix shares are percents: write 90%, not 90"),
        ("mix(0%: 1ms, 100%: 2ms)", "a mix share must be above 0% and at most 100%, not 0%"),
        ("exp(20ms", "exp: expected ')' but the text ended"),
        ("exp(20ms))", "unexpected ')' after the distribution"),
        ("exp(20ms) 5ms", "unexpected '5ms' after the distribution"),
        ("", "expected a duration such as 20ms or a distribution such as exp(20ms)"),
    ])
    func distributionErrors(text: String, message: String) {
        #expect(ValueSyntax.distribution(text) == .failure(ValueSyntaxError(message)))
    }
}
