import Policy
import Scenario

/// The reports behind `RunTelemetry`, made where the engine already decides: a hop's end
/// (Istio's source reporter), an attempt's end at a pod (its destination reporter), a gateway
/// replica's answer (Kong's metrics). Called only when `recordsTelemetry`; they read the
/// simulation and draw nothing, so a run with metrics is the same run.
///
/// Only requests sent after the warmup count, as in every other report.
extension Simulation {
    /// Samples every series at the interval's end, and stops the run once metrics.om would
    /// outgrow `RunLimits.metricsBytes` with the series known now: typically at the first
    /// interval of a run with a short interval over a long duration.
    mutating func sampleTelemetry(at end: Nanoseconds) {
        telemetry?.sample(at: end)
        guard abort == nil, let telemetry, world.interval > 0 else { return }
        let samples = Int(clamping: world.duration / world.interval + (world.duration % world.interval == 0 ? 0 : 1))
        let bytes = telemetry.projectedBytes(samples: samples)
        if bytes > limits.metricsBytes {
            abort = .tooLargeMetrics(at: end, series: telemetry.series, samples: max(samples, telemetry.sampleTimes.count), bytes: bytes)
        }
    }

    /// The caller's sidecar reports the hop's final answer, once per request its application
    /// sent (a mirrored copy is not one), with the time since the hop started.
    mutating func reportSource(_ call: Int32, _ outcome: Outcome) {
        guard calls[call].attribution.counted, !hops[call].mirror, case .service(let service) = calls[call].target,
              let start = telemetry?.hopStart(call), start >= 0
        else { return }
        // The host of the hop's last attempt, if it sent one (Istio's `unknown` otherwise).
        var version: Int32 = -1
        if !hops[call].tried.isEmpty, let answered = world.servers[Int(calls[call].server)].version { version = Int32(answered) }
        let key = MeshTelemetryRecorder.Key(
            destinationReporter: false, source: sourceWorkload(caller: hops[call].caller), service: service, version: version,
            status: outcome.status, flag: outcome.flag)
        telemetry?.recordMesh(key, latency: now - start)
    }

    /// The destination's sidecar reports an attempt that reached its pod, with the time since
    /// it arrived there. Every attempt in flight ends here, so the arrival is always cleared.
    mutating func reportDestination(_ call: Int32, _ outcome: Outcome) {
        guard let arrived = telemetry?.takeArrival(call), arrived >= 0, calls[call].attribution.counted,
              let version = world.servers[Int(calls[call].server)].version
        else { return }
        let key = MeshTelemetryRecorder.Key(
            destinationReporter: true, source: sourceWorkload(caller: hops[call].caller),
            service: Int32(world.versions[version].service), version: Int32(version), status: outcome.status, flag: outcome.flag)
        telemetry?.recordMesh(key, latency: now - arrived)
    }

    /// Kong's metrics for a request a gateway replica answered. Kong answered it itself
    /// (`source="kong"`) unless the answer is the upstream's: without the mesh, any answer
    /// with a flag is Kong's (a refused connection, a reset, its timeout); with it, Kong
    /// talks to its sidecar, whose answers are upstream ones, except when Kong's own timeout
    /// fired. A composed route's answer is always Kong's.
    mutating func reportGateway(_ job: JobRecord, slot: Int32, outcome: Outcome) {
        guard let upstream = telemetry?.upstream(slot), job.attribution.counted else { return }
        let proxied = upstream.start >= 0
        // A composed answer is written by Kong itself (a plugin's `kong.response.exit`).
        let ownAnswer = !proxied || composes(slot) || (world.mesh == nil ? outcome.flag != .none : upstream.kongTimedOut)
        let key = GatewayTelemetryRecorder.Key(route: job.attribution.route, status: outcome.status, answeredByGateway: ownAnswer)
        telemetry?.recordGateway(key, total: now - job.arrival, upstream: proxied ? now - upstream.start : nil)
    }

    /// See `TelemetryRecorder`: a client is itself, every gateway replica the gateway, an
    /// instance its version.
    private func sourceWorkload(caller: Int32) -> Int32 {
        let clients = Int32(world.clients.count)
        guard caller >= clients else { return caller }
        guard let version = world.servers[Int(caller - clients)].version else { return clients }
        return clients + 1 + Int32(version)
    }

    func runTelemetry() -> RunTelemetry? {
        telemetry?.telemetry(world)
    }
}
