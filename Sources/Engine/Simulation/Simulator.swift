import Scenario

/// Runs scenarios. The one public door into the engine.
public enum Simulator {
    /// Simulates `scenario` to the end and returns what it measured, with a verdict per
    /// assertion. Throws when the run cannot end, or reaches a limit of `limits`.
    /// `progress`, if given, hears how far the run has got now and then; it changes nothing
    /// in the result. `building`, if given, hears (services built, services in all) while the
    /// world is built, a few hundred services apart, and (all, all) once it is.
    public static func run(
        _ scenario: Scenario, limits: RunLimits = RunLimits(), progress: ((RunProgress) -> Void)? = nil,
        building: ((Int, Int) -> Void)? = nil
    ) throws(DiagnosticList) -> RunResult {
        var limits = limits
        limits.senders = scenario.clients.reduce(0) { senders, client in
            if case .users(let users, _) = client.arrival { return senders + users }
            return senders + 1
        }
        let world = WorldBuilder.build(scenario, progress: building)
        // Istio's auto mTLS makes sidecar-to-sidecar traffic mutual TLS unless it is disabled.
        let telemetry = scenario.metrics.map { _ in
            TelemetryRecorder(routes: world.routes.count, mutualTLS: scenario.mesh.mtls != .disable)
        }
        var simulation = Simulation(world: world, seed: scenario.seed, limits: limits, telemetry: telemetry)
        building?(scenario.services.count, scenario.services.count)
        simulation.run(progress: progress ?? { _ in })
        if let abort = simulation.abort {
            let closedLoop = scenario.clients.first { if case .users = $0.arrival { return true } else { return false } }
            var location = closedLoop?.location ?? scenario.clients[0].location
            let message: String
            switch abort {
            case .stalled(let time):
                message = "the run makes no progress: more than \(limits.eventsPerInstant) events at t = \(Double(time) / 1e9) s without time moving on; give closed-loop users a thinkTime or the services a latency"
            case .tooManyRequests:
                message = "the run sends more than \(limits.requests) requests; shorten the duration, or give closed-loop users a thinkTime"
            case .tooManyInFlight(let time):
                let congestion = simulation.congestion()
                message = InFlightMessage.text(inFlight: simulation.inFlight, limit: limits.inFlight, at: time, congestion: congestion)
                if congestion?.name == "the gateway", let gateway = scenario.gateway {
                    location = gateway.location
                } else if let service = scenario.services.first(where: { $0.name == congestion?.name }) {
                    location = service.location
                }
            case .tooLargeMetrics(let time, let series, let samples, let bytes):
                // The interval sets the samples; the series are known only once traffic flows.
                location = scenario.sectionLocations["interval"] ?? scenario.sectionLocations["metrics"] ?? location
                message = "metrics: openmetrics: by t = \(InFlightMessage.seconds(time)) s the run has \(CountText.grouped(series)) series, "
                    + "each sampled at every interval end: \(CountText.grouped(series)) × \(CountText.grouped(samples)) samples (interval "
                    + "\(DurationText.format(scenario.interval)) over duration \(DurationText.format(scenario.duration))) make metrics.om at least "
                    + "\(CountText.grouped(Int((bytes / 1e6).rounded()))) MB, more than the \(CountText.grouped(Int((limits.metricsBytes / 1e6).rounded()))) MB meshsim writes for this run (1 GiB, shared by the setups of a compare); "
                    + "use a longer interval or a shorter duration"
            case .tooManyEvents(let time, let pending):
                message = "\(CountText.grouped(pending)) events waiting at t = \(InFlightMessage.seconds(time)) s, more than "
                    + "\(CountText.grouped(limits.pendingEvents)) (2 × --max-in-flight + one per client and user): most are timers that outlive the requests "
                    + "they time, such as a client timeout armed on every request; shorten the timeout, lower the rate or raise --max-in-flight"
            }
            throw DiagnosticList([.error(message, at: location)])
        }
        var result = simulation.result(scenarioName: scenario.name, seed: scenario.seed)
        result.duration = scenario.duration
        result.warmup = scenario.warmup
        result.namespace = scenario.namespace
        result.interval = scenario.interval
        result.telemetry = simulation.runTelemetry()
        let counted = scenario.countedDuration
        result.assertions = AssertionEvaluator.evaluate(scenario.assertions, result: result, countedDuration: counted)
        return result
    }
}
