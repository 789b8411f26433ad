import Testing
@testable import Scenario
import struct Scenario.SourceLocation

/// Every assertion string starts at line 7, column 5 of the file.
private let start = SourceLocation(file: "t.yaml", line: 7, column: 5)

private func expected(
    _ text: String, _ metric: Assertion.Metric, _ op: Assertion.Operator, _ value: Assertion.Value,
    labels: [(Assertion.Label, String)] = []
) -> Assertion {
    Assertion(
        text: text, metric: metric, labels: labels.map { Assertion.LabelValue(label: $0.0, value: $0.1) }, op: op,
        value: value, location: start)
}

struct AssertionParserTests {
    // MARK: - The forms of the spec

    @Test func specExamplesParseToTheModel() throws {
        #expect(try AssertionParser.parse("p99 < 300ms", at: start) == expected("p99 < 300ms", .p99, .less, .duration(300_000_000)))
        #expect(try AssertionParser.parse("p99{client=web} < 250ms", at: start)
            == expected("p99{client=web} < 250ms", .p99, .less, .duration(250_000_000), labels: [(.client, "web")]))
        #expect(try AssertionParser.parse("error_rate < 1%", at: start) == expected("error_rate < 1%", .errorRate, .less, .fraction(0.01)))
        #expect(try AssertionParser.parse("rate_limited{client=partner} > 0", at: start)
            == expected("rate_limited{client=partner} > 0", .rateLimited, .greater, .number(0), labels: [(.client, "partner")]))
        #expect(try AssertionParser.parse("ejections{service=orders} >= 1", at: start)
            == expected("ejections{service=orders} >= 1", .ejections, .greaterOrEqual, .number(1), labels: [(.service, "orders")]))
        #expect(try AssertionParser.parse("rollout == promoted", at: start)
            == expected("rollout == promoted", .rollout, .equal, .rolloutResult("promoted")))
    }

    @Test func whitespaceIsOptionalAndTextIsTrimmed() throws {
        #expect(try AssertionParser.parse("p50<=1.5s", at: start) == expected("p50<=1.5s", .p50, .lessOrEqual, .duration(1_500_000_000)))
        #expect(try AssertionParser.parse("  p99 { service = orders , version=orders/v2 }  <  1s ", at: start)
            == expected(
                "p99 { service = orders , version=orders/v2 }  <  1s", .p99, .less, .duration(1_000_000_000),
                labels: [(.service, "orders"), (.version, "orders/v2")]))
    }

    @Test func durationsInEveryUnit() throws {
        let cases: [(String, Nanoseconds)] = [
            ("mean != 250us", 250_000), ("max > 2m", 120_000_000_000), ("p999 < 1h", 3_600_000_000_000),
            ("p90 < 1.1s", 1_100_000_000), ("p95 < 0.5ms", 500_000), ("p50 < 40ns", 40), ("p99 < 0s", 0),
        ]
        for (text, nanoseconds) in cases {
            #expect(try AssertionParser.parse(text, at: start).value == .duration(nanoseconds), "\(text)")
        }
    }

    @Test func operatorsAllParse() throws {
        let cases: [(String, Assertion.Operator)] = [("<", .less), ("<=", .lessOrEqual), (">", .greater), (">=", .greaterOrEqual), ("==", .equal), ("!=", .notEqual)]
        for (symbol, op) in cases {
            #expect(try AssertionParser.parse("requests \(symbol) 10", at: start).op == op)
        }
    }

    @Test func ratesTakePercentOrFractionAndCountsTakeNumbers() throws {
        #expect(try AssertionParser.parse("success_rate >= 0.99", at: start).value == .fraction(0.99))
        #expect(try AssertionParser.parse("success_rate >= 99.5%", at: start).value == .fraction(0.995))
        #expect(try AssertionParser.parse("error_rate == 0", at: start).value == .fraction(0))
        #expect(try AssertionParser.parse("rps > 100.5", at: start).value == .number(100.5))
        #expect(try AssertionParser.parse("timeouts == 0", at: start).value == .number(0))
        #expect(try AssertionParser.parse("rollout != rolled-back", at: start)
            == expected("rollout != rolled-back", .rollout, .notEqual, .rolloutResult("rolled-back")))
        #expect(try AssertionParser.parse("rollout == incomplete", at: start).value == .rolloutResult("incomplete"))
    }

    // MARK: - Errors, at the column of the offending part (the string starts at column 5)

    @Test(arguments: [
        ("", 5, "empty assertion: write METRIC OP VALUE, for example p99 < 300ms"),
        ("eror_rate < 1%", 5, "unknown metric \"eror_rate\"; did you mean \"error_rate\"?"),
        ("latency < 1s", 5,
         "unknown metric \"latency\" (metrics: p50 p90 p95 p99 p999 mean max requests ok errors error_rate success_rate rate_limited unauthorized timeouts overflows retries ejections rps rollout)"),
        ("< 1s", 5, "expected a metric name such as p99 or error_rate, found '<'"),
        ("p99 < 300", 11, "p99 takes a duration: write 300ms, not a bare number"),
        ("p99 < 3sec", 11, "write 3s, not '3sec' (the units are ns, us, ms, s, m, h)"),
        ("p99 < 3lightyears", 11, "unknown duration unit \"lightyears\" in 3lightyears (units: ns us ms s m h)"),
        ("p99 < 300 ms", 11, "write 300ms without a space"),
        ("p99 < -5ms", 11, "p99 takes a duration such as 300ms, found \"-5ms\""),
        ("p99{clinet=web} < 1s", 9, "unknown label \"clinet\"; did you mean \"client\"?"),
        ("p99{client=web,client=api} < 1s", 20, "label client is given twice"),
        ("p99{client=web < 1s", 8, "'{' is never closed with '}'"),
        ("p99{} < 1s", 9, "expected a label (client, route, service, version), found '}'"),
        ("p99{client} < 1s", 15, "expected '=' after label client, as in client=NAME"),
        ("p99{client=} < 1s", 16, "missing value for label client"),
        ("p99 = 300ms", 9, "write == to compare for equality"),
        ("p99 300ms", 9, "expected an operator (< <= > >= == !=) after p99"),
        ("p99 <", 10, "missing value after <"),
        ("rollout < promoted", 13, "rollout can only be compared with == or !=, not <"),
        ("rollout == promotd", 16, "unknown rollout result \"promotd\"; did you mean \"promoted\"?"),
        ("rollout{client=web} == promoted", 12, "rollout takes no labels: it is the result of the scenario's one rollout"),
        ("error_rate < 5", 18, "error_rate as a fraction is at most 1: write 5% for 5 percent"),
        ("error_rate < 150%", 18, "error_rate is at most 100%, found 150%"),
        ("error_rate < high", 18, "error_rate takes a percent (1%) or a fraction from 0 to 1, found \"high\""),
        ("requests > 10ms", 16, "requests takes a plain number, found \"10ms\""),
        ("rps > 1e3", 11, "rps takes a plain number, found \"1e3\""),
        ("  p99 < 300", 13, "p99 takes a duration: write 300ms, not a bare number"),
    ])
    func errorsPointAtTheOffendingPart(text: String, column: Int, message: String) {
        #expect(throws: Diagnostic.error(message, at: SourceLocation(file: "t.yaml", line: 7, column: column))) {
            try AssertionParser.parse(text, at: start)
        }
    }
}
