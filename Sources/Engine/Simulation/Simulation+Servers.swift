import Policy
import Scenario

/// Servers: gateway replicas and instances take jobs into workers or their queue, process
/// them, make the version's downstream calls step by step, and answer.
///
/// A worker (or concurrency slot) is held from the start of processing until the answer
/// leaves, downstream calls included, as in a thread-per-request server: that is how a
/// slow dependency exhausts its callers.
extension Simulation {
    /// Inlined: every attempt that reaches a server passes here.
    @inline(__always)
    mutating func admit(call: Int32, token: UInt32, at server: Int) {
        var job = JobRecord()
        job.server = Int32(server)
        job.call = call
        job.callToken = token
        job.arrival = now
        job.attribution = calls[call].attribution
        if servers[server].active < world.servers[server].capacity {
            servers[server].active += 1
            let index = jobs.insert(job)
            checkInFlight()
            startProcessing(index)
        } else if servers[server].queued < world.servers[server].queueLimit {
            let index = jobs.insert(job)
            checkInFlight()
            if servers[server].queueTail >= 0 {
                jobs[servers[server].queueTail].nextInQueue = index
            } else {
                servers[server].queueHead = index
            }
            servers[server].queueTail = index
            servers[server].queued += 1
        } else {
            queue.push(.attemptFailed(call: call, token: token, failure: .overflow), at: now)
        }
    }

    private mutating func startProcessing(_ job: Int32) {
        let server = Int(jobs[job].server)
        var latency = serviceKernel[server]?.sample(&servers[server].rng) ?? serviceTime[server].sample(&servers[server].rng)
        for fault in servers[server].latencyFaults {
            latency = latency.plusSaturating(faultLatency[Int(fault)].sample(&servers[server].rng))
        }
        jobs[job].phase = .processing
        // A constant service time is a timer of one delay: it can have a lane of its own.
        if servers[server].latencyFaults.isEmpty, case .constant? = serviceKernel[server] {
            queue.push(.jobReady(job: job, token: jobs[job].token), after: latency, from: now)
        } else {
            queue.push(.jobReady(job: job, token: jobs[job].token), at: now.plusSaturating(latency))
        }
    }

    /// Goes on with a job whose processing ended, or that a hang held. Inlined into the event
    /// loop, its one caller.
    @inline(__always)
    mutating func jobReady(_ job: Int32) {
        let server = Int(jobs[job].server)
        if servers[server].hung > 0 {
            jobs[job].parked = true
            return
        }
        switch jobs[job].phase {
        case .queued:
            break
        case .processing:
            if world.servers[server].version == nil {
                routeAtGateway(job)
            } else {
                jobs[job].phase = .calling
                runSteps(job)
            }
        case .calling:
            if jobs[job].pending == 0 { continueAfterStep(job) }
        case .answering:
            answer(job, outcome: jobs[job].outcome)
        case .gatewayWork:
            proceedAtGateway(job)
        }
    }

    /// Launches the next step that makes at least one call, or answers when none is left.
    /// Inlined: every job of an instance passes here once its processing ends.
    @inline(__always)
    private mutating func runSteps(_ job: Int32) {
        let server = Int(jobs[job].server)
        guard let version = world.servers[server].version else {
            runRouteSteps(job)
            return
        }
        // The steps are read in place, by index: bound to a local, a step list or call list
        // was retained and released on every job.
        while Int(jobs[job].step) < world.versions[version].steps.count {
            let step = Int(jobs[job].step)
            jobs[job].step += 1
            var launched: Int32 = 0
            for index in world.versions[version].steps[step].calls.indices {
                let downstream = world.versions[version].steps[step].calls[index]
                guard downstream.percent >= 1 || servers[server].rng.nextUnit() < downstream.percent else { continue }
                launched += 1
                launchCall(from: job, to: downstream)
            }
            if launched > 0 {
                jobs[job].pending = launched
                return
            }
        }
        answerOwn(job)
    }

    private mutating func launchCall(from job: Int32, to downstream: World.Call) {
        let record = jobs[job]
        var call = CallRecord()
        call.waiter = .job(job, token: record.token)
        call.target = .service(Int32(downstream.service))
        call.callerService = Int32(world.versions[world.servers[Int(record.server)].version ?? 0].service)
        call.attribution = record.attribution
        if downstream.path >= 0 { call.attribution.path = downstream.path }
        dispatchAttempt(openCall(call), pickerServer: record.server)
    }

    mutating func childAnswered(_ job: Int32, outcome: Outcome) {
        let server = Int(jobs[job].server)
        let failOnCallFailure: Bool
        if let version = world.servers[server].version {
            failOnCallFailure = world.versions[version].failOnCallFailure
        } else if composes(job) {
            failOnCallFailure = world.routes[Int(jobs[job].attribution.route)].failOnCallFailure
        } else {
            // The gateway relays its upstream's answer.
            jobs[job].pending = 0
            answer(job, outcome: outcome)
            return
        }
        jobs[job].pending -= 1
        if outcome.isFailure && failOnCallFailure { jobs[job].failed = true }
        guard jobs[job].pending == 0 else { return }
        if servers[server].hung > 0 {
            jobs[job].parked = true
            return
        }
        continueAfterStep(job)
    }

    private mutating func continueAfterStep(_ job: Int32) {
        if jobs[job].failed {
            answer(job, outcome: Outcome(status: 500, flag: .none))
        } else {
            runSteps(job)
        }
    }

    /// The instance's own answer: an error fault's status, its version's error rate, or 200.
    /// Inlined into its one caller: it runs on every answer.
    @inline(__always)
    private mutating func answerOwn(_ job: Int32) {
        let server = Int(jobs[job].server)
        var outcome = Outcome(status: 200, flag: .none)
        for fault in servers[server].errorFaults {
            if case .errors(let rate, let status) = world.faults[Int(fault)].kind, servers[server].rng.nextUnit() < rate {
                outcome = Outcome(status: Int32(status), flag: .none)
                break
            }
        }
        if outcome.status == 200, let version = world.servers[server].version {
            let errors = world.versions[version].errors
            if errors > 0, servers[server].rng.nextUnit() < errors {
                outcome = Outcome(status: Int32(world.versions[version].errorStatus), flag: .none)
            }
        }
        answer(job, outcome: outcome)
    }

    /// Frees the worker, starts the next queued job, and hands the answer to the caller.
    /// A hung server holds the answer until the hang ends.
    mutating func answer(_ job: Int32, outcome: Outcome) {
        let record = jobs[job]
        let server = Int(record.server)
        if servers[server].hung > 0 {
            jobs[job].phase = .answering
            jobs[job].outcome = outcome
            jobs[job].parked = true
            return
        }
        if world.servers[server].version == nil, delayForResponseWork(job, outcome: outcome) { return }
        let attribution = record.attribution
        if attribution.route >= 0, attribution.counted, world.servers[server].version == nil {
            recordAnswer(outcome, latency: now - record.arrival, scope: scopes.routes + Int(attribution.route))
        }
        if record.cacheKey >= 0 { storeInCache(job, outcome: outcome) }
        if recordsTelemetry, world.servers[server].version == nil { reportGateway(record, slot: job, outcome: outcome) }
        jobs.remove(job)
        releaseWorker(server)
        resolveAttempt(record.call, token: record.callToken, outcome: outcome, server: Int32(server))
    }

    /// Inlined into `answer`, its one caller.
    @inline(__always)
    mutating func releaseWorker(_ server: Int) {
        let next = servers[server].queueHead
        guard next >= 0 else {
            servers[server].active -= 1
            return
        }
        servers[server].queueHead = jobs[next].nextInQueue
        if servers[server].queueHead < 0 { servers[server].queueTail = -1 }
        servers[server].queued -= 1
        jobs[next].nextInQueue = -1
        startProcessing(next)
    }
}
