import Testing
@testable import Scenario

/// Labels pick one summary row: which may go together (refused while parsing, at the label's
/// column), which row they read, and that the names they give exist (validation).
struct AssertionLabelTests {
    /// Every assertion string starts at line 7, column 5.
    private let start = SourceLocation(file: "t.yaml", line: 7, column: 5)

    @Test(arguments: [
        ("p99{client=web, route=api} < 1s", 21, "label route cannot go with client: an assertion reads one row of the summary, so it takes one of client, route, service, version, or service with version"),
        ("p99{service=a, client=web} < 1s", 20, "label client cannot go with service: an assertion reads one row of the summary, so it takes one of client, route, service, version, or service with version"),
        ("p99{route=r, version=a/v1} < 1s", 18, "label version cannot go with route: an assertion reads one row of the summary, so it takes one of client, route, service, version, or service with version"),
        ("p99{service=a, version=v1, client=web} < 1s", 32, "label client cannot go with service: an assertion reads one row of the summary, so it takes one of client, route, service, version, or service with version"),
        ("p99{service=pay, version=orders/v2} < 1s", 30, "version=orders/v2 is not a version of service=pay; next to service= give the version alone, as in version=v2"),
        ("p99{version=orders/v2, service=pay} < 1s", 36, "version=orders/v2 is not a version of service=pay; next to service= give the version alone, as in version=v2"),
        ("ejections{client=web} > 0", 15, "ejections counts instances ejected by outlier detection, so it takes service= or version=, or no label for all of them; not client="),
        ("ejections{route=r} > 0", 15, "ejections counts instances ejected by outlier detection, so it takes service= or version=, or no label for all of them; not route="),
    ])
    func labelsThatDoNotNameOneRowAreRefusedAtTheLabel(text: String, column: Int, message: String) {
        #expect(throws: Diagnostic.error(message, at: SourceLocation(file: "t.yaml", line: 7, column: column))) {
            try AssertionParser.parse(text, at: start)
        }
    }

    @Test func rowsTheLabelsPick() throws {
        func row(_ text: String) throws -> Assertion.Row { try AssertionParser.parse(text, at: start).row }
        #expect(try row("p99 < 1s") == Assertion.Row(label: nil, name: "all"))
        #expect(try row("p99{client=web} < 1s") == Assertion.Row(label: .client, name: "web"))
        #expect(try row("p99{route=api} < 1s") == Assertion.Row(label: .route, name: "api"))
        #expect(try row("p99{service=orders} < 1s") == Assertion.Row(label: .service, name: "orders"))
        #expect(try row("p99{version=orders/v2} < 1s") == Assertion.Row(label: .version, name: "orders/v2"))
        #expect(try row("p99{service=orders, version=v2} < 1s") == Assertion.Row(label: .version, name: "orders/v2"))
        #expect(try row("p99{version=v2, service=orders} < 1s") == Assertion.Row(label: .version, name: "orders/v2"))
        #expect(try row("p99{service=orders, version=orders/v2} < 1s") == Assertion.Row(label: .version, name: "orders/v2"))
        #expect(try row("ejections{service=orders} > 0") == Assertion.Row(label: .service, name: "orders"))
    }

    @Test func percentsAreReadAsOneDecimal() throws {
        // 0.7 / 100 is 0.006999999999999999 in binary; the written 0.7% is the double nearest 0.007.
        #expect(try AssertionParser.parse("error_rate <= 0.7%", at: start).value == .fraction(0.007))
        #expect(try AssertionParser.parse("error_rate < 0.35%", at: start).value == .fraction(0.0035))
        #expect(try AssertionParser.parse("success_rate > 100%", at: start).value == .fraction(1))
    }

    // MARK: - Validation: names that exist, and a rollout to read

    private func scenario(_ assertions: [String], rollout: Bool = false) throws -> Scenario {
        let here = SourceLocation(file: "t.yaml", line: 1, column: 1)
        let version = { (name: String) in ServiceVersion(name: name, replicas: 1, location: here) }
        return Scenario(
            name: "t", duration: 10_000_000_000,
            clients: [Client(name: "web", target: .service("orders"), arrival: .rate(10, .poisson), location: here)],
            services: [Service(name: "orders", versions: [version("v1"), version("v2")], location: here)],
            rollout: rollout ? Rollout(service: "orders", stable: "v1", canary: "v2", analysis: .init(threshold: 5, stepWeight: 10, maxWeight: 50), location: here) : nil,
            assertions: try assertions.enumerated().map { index, text in
                try AssertionParser.parse(text, at: SourceLocation(file: "t.yaml", line: 20 + index, column: 5))
            })
    }

    @Test(arguments: [
        ("p99{service=orders, version=v3} < 1s", "service \"orders\" has no version \"v3\"; did you mean \"v1\"?"),
        ("p99{version=v2, service=ordres} < 1s", "no service named \"ordres\"; did you mean \"orders\"?"),
        ("p99{client=wbe} < 1s", "no client named \"wbe\"; did you mean \"web\"?"),
        ("rollout == promoted", "the scenario has no rollout section, so there is no rollout result to compare"),
    ])
    func namesThatDoNotExistAreErrorsAtTheAssertion(text: String, problem: String) throws {
        #expect(ScenarioValidator.validate(try scenario([text])) == [
            .error("assertion \(text): \(problem)", at: SourceLocation(file: "t.yaml", line: 20, column: 5)),
        ])
    }

    @Test func validAssertionsPass() throws {
        let texts = [
            "p99{service=orders, version=v2} < 1s", "p99{version=orders/v1} < 1s", "rollout != rolled-back", "ejections >= 0",
            "rps{client=web} > 5",
        ]
        #expect(ScenarioValidator.validate(try scenario(texts, rollout: true)) == [])
    }
}
