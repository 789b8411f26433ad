import Scenario

/// Runs scenarios. The one public door into the engine.
public enum Simulator {
    /// Simulates `scenario` to the end and returns what it measured. Throws the sections
    /// the engine does not simulate yet, so that nothing written is silently ignored.
    public static func run(_ scenario: Scenario) throws(DiagnosticList) -> RunResult {
        try run(scenario, eventsPerInstant: 50_000_000)
    }

    /// `eventsPerInstant` bounds how long simulated time may stand still before the run is
    /// declared stuck; tests lower it.
    static func run(_ scenario: Scenario, eventsPerInstant: Int) throws(DiagnosticList) -> RunResult {
        let unsupported = notSimulatedYet(scenario)
        if !unsupported.isEmpty { throw DiagnosticList(unsupported) }
        var simulation = Simulation(world: WorldBuilder.build(scenario), seed: scenario.seed)
        simulation.run(eventsPerInstant: eventsPerInstant)
        if let time = simulation.stalledAt {
            let closedLoop = scenario.clients.first { if case .users = $0.arrival { return true } else { return false } }
            let location = closedLoop?.location ?? scenario.clients[0].location
            throw DiagnosticList([.error(
                "the run makes no progress: more than \(eventsPerInstant) events at t = \(Double(time) / 1e9) s without time moving on; give closed-loop users a thinkTime or the services a latency",
                at: location)])
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
        if scenario.mesh.enabled { refuse("the service mesh (mesh.enabled: true)", at: scenario.mesh.location) }
        if let rollout = scenario.rollout { refuse("rollout", at: rollout.location) }
        for assertion in scenario.assertions { refuse("assertion '\(assertion.text)'", at: assertion.location) }
        return found
    }
}
