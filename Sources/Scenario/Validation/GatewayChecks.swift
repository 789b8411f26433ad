/// Gateway routes have unique names and lead to services that exist (a composed route: every
/// service it calls); a split whose weights are all 0 is legal but sends nothing anywhere, so
/// it gets a warning.
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
            for backend in route.backends {
                if let problem = names.serviceProblem(backend.service) {
                    diagnostics.append(.error("route \"\(route.name)\": \(problem)", at: backend.location))
                }
            }
            for call in route.composition?.steps.flatMap(\.calls) ?? [] {
                if let problem = names.serviceProblem(call.service) {
                    diagnostics.append(.error("route \"\(route.name)\" calls \(call.service): \(problem)", at: call.location))
                }
            }
            if route.composition == nil, route.backends.allSatisfy({ $0.weight == 0 }) {
                let message = "route \"\(route.name)\": every backend has weight 0, so every request the route takes "
                    + "answers 500 (as the Gateway API requires); give a backend a weight above 0"
                diagnostics.append(.warning(message, at: route.location))
            }
        }
        return diagnostics
    }
}
