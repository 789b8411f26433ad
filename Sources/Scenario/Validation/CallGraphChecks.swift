/// Downstream calls name existing services and never come back to a caller: a cycle would
/// make every request recurse without end.
enum CallGraphChecks {
    static func diagnostics(_ scenario: Scenario, _ names: NameIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var graph = CallGraph()
        for service in scenario.services {
            // Versions may call differently; a cycle through any of them is a cycle.
            for version in service.versions {
                for call in version.calls.flatMap(Self.calls) {
                    if let problem = names.serviceProblem(call.service) {
                        diagnostics.append(.error("\(service.name) calls \(call.service): \(problem)", at: call.location))
                    } else {
                        graph.addEdge(from: service.name, to: call.service, at: call.location)
                    }
                }
            }
        }
        for cycle in graph.cycles(visitingInOrder: names.services) {
            let path = cycle.services.joined(separator: " → ")
            diagnostics.append(.error("calls form a cycle: \(path)", at: cycle.location))
        }
        return diagnostics
    }

    private static func calls(_ step: CallStep) -> [DownstreamCall] {
        switch step {
        case .call(let call): return [call]
        case .parallel(let calls): return calls
        }
    }
}
