import Policy

/// What the route's plugins decided about a request so far.
enum PluginResult {
    /// Every plugin let it through: it goes upstream.
    case passed
    /// A plugin answered it.
    case answer(Outcome)
    /// A transformer's work holds it; `proceedAtGateway` resumes at the job's `pluginStep`.
    case paused
}

/// The transformers' work on a gateway replica: the worker stays held while it lasts, as
/// Kong's worker runs the plugin code. The request-transformer's comes after the plugins
/// before it have passed; the response-transformer's before every answer of its route
/// leaves, a plugin's own answer included (Kong runs header_filter on those too).
extension Simulation {
    /// Draws the request-transformer's work; true when the job now waits for it.
    mutating func pauseForRequestWork(_ job: Int32, resumingAt step: Int) -> Bool {
        let server = Int(jobs[job].server)
        let route = Int(jobs[job].attribution.route)
        let latency = world.routes[route].requestWork?.sample(&servers[server].rng) ?? 0
        guard latency > 0 else { return false }
        jobs[job].pluginStep = Int32(clamping: step)
        jobs[job].phase = .gatewayWork
        queue.push(.jobReady(job: job, token: jobs[job].token), at: now.plusSaturating(latency))
        return true
    }

    /// Draws the response-transformer's work on an answer the gateway is about to send; true
    /// when the answer now waits for it (it leaves through `jobReady` in `.answering`).
    mutating func delayForResponseWork(_ job: Int32, outcome: Outcome) -> Bool {
        let route = Int(jobs[job].attribution.route)
        guard route >= 0, !jobs[job].responseWorkDone, world.routes[route].responseWork != nil else { return false }
        let server = Int(jobs[job].server)
        jobs[job].responseWorkDone = true
        let latency = world.routes[route].responseWork?.sample(&servers[server].rng) ?? 0
        guard latency > 0 else { return false }
        jobs[job].phase = .answering
        jobs[job].outcome = outcome
        queue.push(.jobReady(job: job, token: jobs[job].token), at: now.plusSaturating(latency))
        return true
    }
}
