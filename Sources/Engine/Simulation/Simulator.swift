import Scenario

/// Runs scenarios. The one public door into the engine.
public enum Simulator {
    /// Simulates `scenario` to the end and returns what it measured. Throws the sections
    /// the engine does not simulate yet, so that nothing written is silently ignored.
    public static func run(_ scenario: Scenario) throws(DiagnosticList) -> RunResult {
        try run(scenario, limits: RunLimits())
    }

    /// Tests lower the limits to reach them quickly.
    static func run(_ scenario: Scenario, limits: RunLimits) throws(DiagnosticList) -> RunResult {
        let unsupported = notSimulatedYet(scenario)
        if !unsupported.isEmpty { throw DiagnosticList(unsupported) }
        var simulation = Simulation(world: WorldBuilder.build(scenario), seed: scenario.seed, limits: limits)
        simulation.run()
        if let abort = simulation.abort {
            let closedLoop = scenario.clients.first { if case .users = $0.arrival { return true } else { return false } }
            let location = closedLoop?.location ?? scenario.clients[0].location
            let message: String
            switch abort {
            case .stalled(let time):
                message = "the run makes no progress: more than \(limits.eventsPerInstant) events at t = \(Double(time) / 1e9) s without time moving on; give closed-loop users a thinkTime or the services a latency"
            case .tooManyRequests:
                message = "the run sends more than \(limits.requests) requests; shorten the duration, or give closed-loop users a thinkTime"
            }
            throw DiagnosticList([.error(message, at: location)])
        }
        return simulation.result(scenarioName: scenario.name, seed: scenario.seed)
    }

    /// One error per section that is decoded and validated but not simulated yet.
    public static func notSimulatedYet(_ scenario: Scenario) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func refuse(_ what: String, at location: SourceLocation?) {
            let location = location ?? SourceLocation(file: scenario.name, line: 1, column: 1)
            found.append(.error("\(what) is not simulated yet; remove it to run this scenario", at: location))
        }
        for assertion in scenario.assertions { refuse("assertion '\(assertion.text)'", at: assertion.location) }
        return found
    }
}
