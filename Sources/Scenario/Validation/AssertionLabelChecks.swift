/// Assertion labels name clients, routes, services and versions that exist, so that an
/// assertion never passes vacuously on a misspelled name.
enum AssertionLabelChecks {
    static func diagnostics(_ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for assertion in scenario.assertions {
            for label in assertion.labels {
                if let problem = problem(label, names, hasGateway: scenario.gateway != nil) {
                    diagnostics.append(.error("assertion \(assertion.text): \(problem)", at: assertion.location))
                }
            }
        }
        return diagnostics
    }

    private static func problem(_ label: Assertion.LabelValue, _ names: NameIndex, hasGateway: Bool) -> String? {
        let name = label.value
        switch label.label {
        case .client:
            return names.clients.contains(name) ? nil : NameIndex.unknown("client", name, among: names.clients)
        case .route:
            if !hasGateway { return "route=\(name) needs a gateway, and the scenario has none" }
            return names.routes.contains(name) ? nil : NameIndex.unknown("route", name, among: names.routes)
        case .service:
            return names.serviceProblem(name)
        case .version:
            guard let slash = name.firstIndex(of: "/") else {
                return "write version=SERVICE/VERSION (versions: \(names.qualifiedVersions.joined(separator: ", ")))"
            }
            let service = String(name[..<slash])
            let version = String(name[name.index(after: slash)...])
            return names.serviceProblem(service) ?? names.versionProblem(version, of: service)
        }
    }
}
