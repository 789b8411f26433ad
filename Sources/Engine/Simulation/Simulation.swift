import Policy
import Scenario

/// The discrete-event core: a virtual clock, an event queue ordered by (time, sequence),
/// and the world's mutable state. Handlers live in the extensions beside this file.
///
/// A non-mutating helper that a handler calls per request is `@inline(__always)`: called out
/// of line from a mutating method, Swift copies the whole simulation (over 1 KB) onto the
/// stack to lend it, which cost more than the helper's work.
struct Simulation: ~Copyable {
    let world: World
    let scopes: ScopeLayout
    var queue = EventQueue<SimEvent>(reservingCapacity: 4096)
    var now: Nanoseconds = 0

    var requests = Slab<RequestRecord>()
    var calls = Slab<CallRecord>()
    /// Per call slot, the call's progress through the caller's sidecar; used with the mesh
    /// only. Kept beside `calls`, not in it: a call without the mesh copies and clears less.
    var hops = DenseTable<MeshHop>()
    var jobs = Slab<JobRecord>()
    var servers: DenseTable<ServerState>
    var clientRNG: DenseTable<RandomStream>
    /// Per gateway route, keyed "route:NAME": which backend each request goes to. Drawn only
    /// by a route with two backends or more, so the other routes' runs are as they were.
    var routeRNG: DenseTable<RandomStream>
    /// Per caller (clients, then servers), keyed "egress:NAME": where its calls go (an
    /// instance, or the sidecar's every decision) and, for a client, when it retries. Kept
    /// apart from the streams of arrivals and service times, so that setups that fail
    /// differently still see the same arrivals and service draws (common random numbers).
    var egress: DenseTable<RandomStream>
    var arrivals: DenseTable<ArrivalProcess?>
    /// Per client, the next source address (round-robin).
    var nextAddress: DenseTable<Int>
    /// The gateway's rate-limit counters and token buckets (`World.gatewayCounters` as they
    /// stand at t = 0). Tables, not arrays: through the arrays, every request made one unique
    /// (an empty array allocates a buffer to become so).
    var limiters: DenseTable<RateLimitingPolicy>
    var buckets: DenseTable<LocalRateLimitPolicy>
    var addressIdentities: AddressIdentities
    /// Per gateway replica, its proxy-cache (empty, and free, without the plugin).
    var caches: DenseTable<ProxyCache>
    /// Per report scope, answers served from a proxy-cache (summary.csv `cache_hits`).
    var cacheHits: DenseTable<Int>
    var nextGatewayReplica = 0
    /// Per service, its slot in each gateway replica's `cursors`; -1 for a service no route targets.
    let cursorSlots: [Int]
    /// Active partitions, each as `(from + 1) * services + to` where from −1 is the gateway,
    /// listed once per fault in force: a few at most, where a matrix of every pair of
    /// services would cost services² whether or not a partition ever starts.
    var partitions: [Int] = []
    /// Per server, its service time: the gateway's latency for a replica, its version's for an
    /// instance. `serviceKernel` holds the same law when it is not a mixture, as a plain value:
    /// before drawing, Swift copies a sampler (retaining its component list), not a kernel.
    let serviceTime: DenseTable<Sampler>
    let serviceKernel: DenseTable<SamplerKernel?>
    let faultLatency: DenseTable<Sampler>

    var stats: DenseTable<ScopeStatistics>
    var latencies: IntervalLatencies
    var timeseries: [TimeseriesRow] = []
    var events: [EventRecord] = []
    var lastTick: Nanoseconds = 0
    /// Why the run stopped early, if it did (see `run`).
    var abort: RunAbort?
    /// Client requests sent so far, against `RunLimits.requests`.
    var sent = 0
    let limits: RunLimits
    var mesh: MeshRuntime
    /// Per (service, caller zone + 1, host zone + 1), counted attempts (zone 0: none); empty
    /// when no zone is written.
    var localityAttempts = DenseTable<Int>()
    var rollout: RolloutRuntime?
    /// Kong upstreams' balancer and health-checker state; empty without upstreams.
    var kong: KongUpstreamRuntime
    /// The run as Prometheus series (`metrics:`); nil without. `recordsTelemetry` says the
    /// same as a plain flag, so that a run without metrics pays one branch per report.
    var telemetry: TelemetryRecorder?
    let recordsTelemetry: Bool
    /// The rollout's service and canary version, -1 without a rollout: every request asks, and
    /// these ints answer without copying `world.rollout` out of its optional.
    let rolloutService: Int
    let rolloutCanary: Int

    init(world: World, seed: UInt64, limits: RunLimits, telemetry: TelemetryRecorder? = nil) {
        self.world = world
        self.limits = limits
        self.telemetry = telemetry
        recordsTelemetry = telemetry != nil
        scopes = ScopeLayout(world: world)
        servers = DenseTable(world.servers.map { ServerState(rng: RandomStream(seed: seed, key: "server:\($0.name)")) })
        clientRNG = DenseTable(world.clients.map { RandomStream(seed: seed, key: "client:\($0.name)") })
        routeRNG = DenseTable(world.routes.map { RandomStream(seed: seed, key: "route:\($0.name)") })
        egress = DenseTable((0..<world.callerCount).map { RandomStream(seed: seed, key: "egress:\(world.callerName($0))") })
        arrivals = DenseTable(world.clients.map(\.arrival))
        nextAddress = DenseTable(repeatElement(0, count: world.clients.count))
        limiters = DenseTable(world.gatewayCounters.limiters)
        buckets = DenseTable(world.gatewayCounters.buckets)
        addressIdentities = AddressIdentities(world.gatewayCounters)
        caches = DenseTable(repeatElement(ProxyCache(), count: world.gatewayReplicas))
        serviceTime = DenseTable(world.servers.map { server in
            server.version.map { world.versions[$0].latency } ?? world.gatewayLatency
        })
        serviceKernel = DenseTable(world.servers.map { server in
            (server.version.map { world.versions[$0].latency } ?? world.gatewayLatency).kernel
        })
        faultLatency = DenseTable(world.faults.map { fault in
            if case .latency(let add) = fault.kind { return Sampler(add) }
            return Sampler(.zero)
        })
        stats = DenseTable(repeatElement(ScopeStatistics(), count: scopes.count))
        latencies = IntervalLatencies(scopes: scopes.count)
        cacheHits = DenseTable(repeatElement(0, count: scopes.count))
        if let model = world.mesh {
            mesh = MeshRuntime(world: world, model: model)
        } else {
            mesh = MeshRuntime()
            if !world.kongUpstreams.isEmpty { mesh.countEjections(world) }
        }
        if let locality = world.locality {
            let zones = locality.zones.count + 1
            localityAttempts = DenseTable(repeatElement(0, count: world.services.count * zones * zones))
        }
        kong = KongUpstreamRuntime(world: world, seed: seed)
        rollout = world.rollout.map(RolloutRuntime.init)
        rolloutService = world.rollout?.service ?? -1
        rolloutCanary = world.rollout?.canary ?? -1
        var routed = [Int](repeating: -1, count: world.services.count)
        var slots = 0
        for service in world.routes.flatMap(\.backends) where routed[service] < 0 {
            routed[service] = slots
            slots += 1
        }
        cursorSlots = routed
        for replica in 0..<world.gatewayReplicas {
            // A draw for every service, kept for the routed ones: the replica's stream then
            // goes on as it always has, and a replica holds no cursor per service of the file.
            var cursors = [Int](repeating: 0, count: slots)
            for (service, slot) in routed.enumerated() {
                let start = servers[replica].rng.nextInt(below: max(world.services[service].instances.count, 1))
                if slot >= 0 { cursors[slot] = start }
            }
            servers[replica].cursors = cursors
            // An upstream's round-robin starts where the plain cursor does.
            for (upstream, model) in world.kongUpstreams.enumerated() where routed[model.service] >= 0 {
                kong.cursors[upstream * world.gatewayReplicas + replica] = cursors[routed[model.service]]
            }
        }
    }

    /// Runs to the end: clients send until `duration`, then everything in flight drains.
    /// Once nothing is in flight after `duration`, what is left in the queue can only be
    /// stale timers, ticks and faults with nothing to act on, so the run stops there.
    ///
    /// A scenario can loop without time moving on (closed-loop users with no think time on a
    /// path with no latency), or almost so (1 ns of latency), or pile up work faster than it
    /// ends (an overloaded queue without a limit): past the run's limits it stops and `abort`
    /// says why.
    ///
    /// Every `progressEvents` events `progress` hears how far the run has got, and the events
    /// waiting are checked against `RunLimits.pendingEvents`: a counter and a compare per
    /// event. Nothing the run does depends on `progress`.
    mutating func run(progress: (RunProgress) -> Void) {
        start()
        var atThisInstant = 0
        var handled: UInt = 0
        while let (time, event) = queue.popMin() {
            atThisInstant = time == now ? atThisInstant + 1 : 0
            if atThisInstant > limits.eventsPerInstant {
                abort = .stalled(at: time)
                return
            }
            if abort != nil { return }
            now = time
            handle(event)
            if now >= world.duration && isIdle { break }
            handled &+= 1
            if handled & (Self.progressEvents - 1) == 0 {
                // Timers outlive what they time: a client timeout armed on every request stays
                // queued after the answer, so rate × timeout of them wait, in flight or not.
                if queue.count > limits.pendingEvents {
                    abort = .tooManyEvents(at: now, pending: queue.count)
                    return
                }
                progress(RunProgress(simulatedTime: now, duration: world.duration, requests: sent))
            }
        }
        finish()
    }

    /// A power of two: about a hundredth of a second of a fast run between reports.
    static var progressEvents: UInt { 1 << 16 }

    private var isIdle: Bool {
        requests.liveCount == 0 && calls.liveCount == 0 && jobs.liveCount == 0
    }

    private mutating func start() {
        for client in world.clients.indices {
            if world.clients[client].arrival != nil {
                scheduleNextArrival(client: client)
            } else {
                for user in 0..<world.clients[client].users {
                    queue.push(.userSend(client: Int32(client), user: Int32(user)), at: 0)
                }
            }
        }
        for (index, fault) in world.faults.enumerated() {
            queue.push(.faultStart(Int32(index)), at: fault.at)
            if let duration = fault.duration {
                queue.push(.faultEnd(Int32(index)), at: fault.at.plusSaturating(duration))
            }
        }
        queue.push(.tick, at: world.interval)
        startOutlierTimers()
        startKongProbes()
        startRollout()
    }

    /// Inlined into the event loop, its one caller.
    @inline(__always)
    private mutating func handle(_ event: SimEvent) {
        switch event {
        case .arrival(let client):
            send(client: Int(client), user: -1)
            scheduleNextArrival(client: Int(client))
        case .userSend(let client, let user):
            send(client: Int(client), user: user)
        case .clientTimeout(let request, let token):
            clientTimedOut(request, token: token)
        case .clientRetry(let request, let token):
            if requests[request].live, requests[request].token == token { startAttempt(request) }
        case .jobReady(let job, let token):
            if jobs[job].live, jobs[job].token == token { jobReady(job) }
        case .attemptFailed(let call, let token, let failure):
            resolveAttempt(call, token: token, outcome: failure.outcome, server: calls[call].server)
        case .attemptTimeout(let call, let token):
            resolveAttempt(call, token: token, outcome: Outcome(status: 504, flag: .timeout), server: calls[call].server)
        case .meshStep(let call, let token, let step):
            guard calls[call].live, calls[call].token == token else { break }
            switch step {
            case .route: if let model = world.mesh { routeHop(call, model) }
            case .attempt: if let model = world.mesh { startMeshAttempt(call, model) }
            case .arrive: arrive(call)
            case .arriveDirect: arriveDirect(call)
            case .answer: finishHop(call, hops[call].answer)
            }
        case .hopTimeout(let call, let serial, let kong):
            hopTimedOut(call, serial: serial, kong: kong)
        case .outlierTick(let timer):
            outlierTick(Int(timer))
        case .kongProbe(let timer):
            kongProbe(Int(timer))
        case .rolloutAnalysis:
            rolloutAnalysis()
        case .rolloutStep:
            rolloutStep()
        case .faultStart(let fault):
            startFault(Int(fault))
        case .faultEnd(let fault):
            endFault(Int(fault))
        case .tick:
            closeInterval(at: now)
            if now < world.duration {
                queue.push(.tick, at: now.plusSaturating(world.interval))
            } else if let next = queue.nextTime {
                // Draining: the next tick closes the interval holding the next event, so a
                // long drain (a slow answer, a far timeout) writes no empty rows. Work held by
                // a never-ending hang has no event: once none is left, the ticks stop too.
                let (intervals, overflow) = (next / world.interval).addingReportingOverflow(1)
                let (boundary, tooFar) = intervals.multipliedReportingOverflow(by: world.interval)
                queue.push(.tick, at: overflow || tooFar ? .max : max(boundary, now.plusSaturating(world.interval)))
            }
        }
    }

    /// Requests nothing will ever end (held by a hang that outlasts the run, with no
    /// timeout on their path) are counted as client timeouts when the run stops.
    private mutating func finish() {
        for index in requests.indices where requests[index].live {
            complete(index, outcome: .clientTimeout)
        }
        if now > lastTick || stats.contains(where: { $0.interval.requests > 0 }) {
            closeInterval(at: lastTick.plusSaturating(world.interval))
        }
    }
}
