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
        func value(_ label: Assertion.Label) -> String? { assertion.labels.first { $0.label == label }?.value }
        if let version = value(.version) {
            return versionProblem(version, service: value(.service), names)
        }
        if let service = value(.service) { return names.serviceProblem(service) }
        if let route = value(.route) {
            guard scenario.gateway != nil else { return "route=\(route) needs a gateway, and the scenario has none" }
            return names.routes.contains(route) ? nil : NameIndex.unknown("route", route, among: names.routes)
        }
        if let client = value(.client) {
            return names.clients.contains(client) ? nil : NameIndex.unknown("client", client, among: names.clients)
        }
        return nil
    }

    /// `version=S/V`, or `version=V` next to `service=S` (the parser has checked that the two agree).
    private static func versionProblem(_ version: String, service label: String?, _ names: NameIndex) -> String? {
        if let slash = version.firstIndex(of: "/") {
            let service = String(version[..<slash])
            return names.serviceProblem(service) ?? names.versionProblem(String(version[version.index(after: slash)...]), of: service)
        }
        guard let service = label else {
            return "write version=SERVICE/VERSION (versions: \(names.qualifiedVersions.joined(separator: ", ")))"
        }
        return names.serviceProblem(service) ?? names.versionProblem(version, of: service)
    }
}
