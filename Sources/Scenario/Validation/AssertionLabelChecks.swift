/// Assertion labels name clients, routes, services and versions that exist, and `rollout`
/// assertions have a rollout to read, so that an assertion never passes or fails vacuously
/// on a misspelled name. Which labels may go together is the parser's `AssertionLabelRules`.
enum AssertionLabelChecks {
    static func diagnostics(_ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        scenario.assertions.compactMap { assertion in
            problem(assertion, scenario, names).map { .error("assertion \(assertion.text): \($0)", at: assertion.location) }
        }
    }

    private static func problem(_ assertion: Assertion, _ scenario: Scenario, _ names: NameIndex) -> String? {
        if assertion.metric == .rollout, scenario.rollout == nil {
            return "the scenario has no rollout section, so there is no rollout result to compare"
        }
        // The row the assertion reads names what must exist (`service=S, version=V` reads `S/V`).
        let row = assertion.row
        switch row.label {
        case nil:
            return nil
        case .version:
            return versionProblem(row.name, names)
        case .service:
            return names.serviceProblem(row.name)
        case .route:
            guard scenario.gateway != nil else { return "route=\(row.name) needs a gateway, and the scenario has none" }
            return names.routes.contains(row.name) ? nil : NameIndex.unknown("route", row.name, among: names.routes)
        case .client:
            return names.clients.contains(row.name) ? nil : NameIndex.unknown("client", row.name, among: names.clients)
        }
    }

    /// The version row `S/V`; a version without its service cannot be found.
    private static func versionProblem(_ version: String, _ names: NameIndex) -> String? {
        guard let slash = version.firstIndex(of: "/") else {
            return "write version=SERVICE/VERSION (versions: \(Suggestion.listing(names.qualifiedVersions)))"
        }
        let service = String(version[..<slash])
        return names.serviceProblem(service) ?? names.versionProblem(String(version[version.index(after: slash)...]), of: service)
    }
}
