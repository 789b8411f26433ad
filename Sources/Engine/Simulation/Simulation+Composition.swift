import Policy
import Scenario

/// A composed route (`gateway.routes[*].calls`): once its plugins pass, the gateway replica
/// makes the route's calls step by step as an instance makes its version's (`runSteps`,
/// `childAnswered` and `continueAfterStep` drive both), each call being a Kong upstream call
/// like a proxied route's: the route's retries and per-attempt timeout, the replica's balancer.
extension Simulation {
    /// Whether the gateway job's route composes its answer. Inlined: every gateway answer asks.
    @inline(__always)
    func composes(_ job: Int32) -> Bool {
        let route = Int(jobs[job].attribution.route)
        return route >= 0 && !world.routes[route].steps.isEmpty
    }

    mutating func startComposition(_ job: Int32) {
        jobs[job].phase = .calling
        // Kong's upstream time, in its metrics, runs from the first call to the answer.
        if recordsTelemetry { telemetry?.upstreamStarted(job, at: now) }
        runRouteSteps(job)
    }

    /// Launches the route's next step that makes at least one call, or answers 200 when none
    /// is left: the gateway has no error rate of its own.
    mutating func runRouteSteps(_ job: Int32) {
        let route = Int(jobs[job].attribution.route)
        let replica = Int(jobs[job].server)
        while Int(jobs[job].step) < world.routes[route].steps.count {
            let step = Int(jobs[job].step)
            jobs[job].step += 1
            var launched: Int32 = 0
            for index in world.routes[route].steps[step].calls.indices {
                let upstream = world.routes[route].steps[step].calls[index]
                guard upstream.percent >= 1 || servers[replica].rng.nextUnit() < upstream.percent else { continue }
                launched += 1
                launchRouteCall(from: job, to: upstream, route: route)
            }
            if launched > 0 {
                jobs[job].pending = launched
                return
            }
        }
        answer(job, outcome: Outcome(status: 200, flag: .none))
    }

    /// The same call as a proxied route's upstream call (`routeAtGateway`), to the step's service.
    private mutating func launchRouteCall(from job: Int32, to upstream: World.Call, route: Int) {
        let record = jobs[job]
        var call = CallRecord()
        call.waiter = .job(job, token: record.token)
        call.target = .service(Int32(upstream.service))
        call.callerService = -2
        call.attribution = record.attribution
        if upstream.path >= 0 { call.attribution.path = upstream.path }
        call.retriesLeft = Int32(clamping: world.routes[route].retries)
        call.attemptTimeout = world.routes[route].timeout
        dispatchAttempt(openCall(call), pickerServer: record.server)
    }
}
