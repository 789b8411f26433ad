/// Gateway routes have unique names and lead to services that exist.
enum GatewayChecks {
    static func diagnostics(_ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        guard let gateway = scenario.gateway else { return [] }
        var diagnostics: [Diagnostic] = []
        var firstByName: [String: SourceLocation] = [:]
        for route in gateway.routes {
            if let first = firstByName[route.name] {
                diagnostics.append(.error("route name \"\(route.name)\" is already used at line \(first.line)", at: route.location))
            } else {
                firstByName[route.name] = route.location
            }
            if let problem = names.serviceProblem(route.service) {
                diagnostics.append(.error("route \"\(route.name)\": \(problem)", at: route.location))
            }
        }
        return diagnostics
    }
}
