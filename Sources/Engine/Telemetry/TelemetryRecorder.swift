import Scenario

/// What a run with `metrics:` records for `RunTelemetry`: the mesh's and the gateway's
/// series, sampled at every interval end, and per call and job slot the times the reports
/// need (when a hop started, when an attempt reached the destination's pod, when Kong sent a
/// request upstream). The slot arrays grow with the simulation's slabs and are reused, so a
/// run in its steady state records without allocating.
///
/// Source workloads are numbered: clients first (a client that calls a service through its
/// own sidecar), then the gateway (every replica is one workload), then each version.
struct TelemetryRecorder: Sendable {
    let mutualTLS: Bool
    private(set) var sampleTimes: [Nanoseconds] = []
    /// The bytes metrics.om's lines for the samples taken so far come to (see `bytesPerSample`).
    private(set) var sampledBytes = 0.0
    private(set) var mesh = MeshTelemetryRecorder()
    private(set) var gateway: GatewayTelemetryRecorder
    /// Per call slot: when its current hop started, and when its attempt in flight reached
    /// the destination's pod (-1: it has not).
    private var hopStart: [Nanoseconds] = []
    private var arrival: [Nanoseconds] = []
    /// Per job slot of a gateway replica: when Kong sent the request upstream (-1: it did
    /// not), and whether Kong's own timeout ended the upstream hop (mesh only).
    private var upstreamStart: [Nanoseconds] = []
    private var kongTimedOut: [Bool] = []

    init(routes: Int, mutualTLS: Bool) {
        self.mutualTLS = mutualTLS
        gateway = GatewayTelemetryRecorder(routes: routes)
    }

    /// Into the interval now open, which becomes sample `sampleTimes.count`.
    mutating func recordMesh(_ key: MeshTelemetryRecorder.Key, latency: Nanoseconds) {
        mesh.record(key, latency: latency, sample: sampleTimes.count)
    }

    mutating func recordGateway(_ key: GatewayTelemetryRecorder.Key, total: Nanoseconds, upstream: Nanoseconds?) {
        gateway.record(key, total: total, upstream: upstream, sample: sampleTimes.count)
    }

    mutating func sample(at end: Nanoseconds) {
        sampleTimes.append(end)
        sampledBytes += bytesPerSample
        mesh.sample()
        gateway.sample()
    }

    mutating func hopStarted(_ call: Int32, at time: Nanoseconds) {
        Self.set(&hopStart, call, time, fill: -1)
        Self.set(&arrival, call, -1, fill: -1)
    }

    func hopStart(_ call: Int32) -> Nanoseconds {
        hopStart.indices.contains(Int(call)) ? hopStart[Int(call)] : -1
    }

    mutating func arrived(_ call: Int32, at time: Nanoseconds) {
        Self.set(&arrival, call, time, fill: -1)
    }

    /// When the call's attempt reached the destination's pod, -1 if it did not; cleared.
    mutating func takeArrival(_ call: Int32) -> Nanoseconds {
        guard arrival.indices.contains(Int(call)) else { return -1 }
        defer { arrival[Int(call)] = -1 }
        return arrival[Int(call)]
    }

    /// The gateway replica's job starts routing: nothing sent upstream yet.
    mutating func gatewayRouting(_ job: Int32) {
        Self.set(&upstreamStart, job, -1, fill: -1)
        Self.set(&kongTimedOut, job, false, fill: false)
    }

    mutating func upstreamStarted(_ job: Int32, at time: Nanoseconds) {
        Self.set(&upstreamStart, job, time, fill: -1)
    }

    mutating func kongTimedOut(_ job: Int32) {
        Self.set(&kongTimedOut, job, true, fill: false)
    }

    /// When the job sent its request upstream (-1: never) and whether Kong's timeout ended it.
    func upstream(_ job: Int32) -> (start: Nanoseconds, kongTimedOut: Bool) {
        guard upstreamStart.indices.contains(Int(job)) else { return (-1, false) }
        return (upstreamStart[Int(job)], kongTimedOut[Int(job)])
    }

    /// Slots are handed out densely from 0, so an array grows a few slots at a time.
    private static func set<Value>(_ array: inout [Value], _ slot: Int32, _ value: Value, fill: Value) {
        let slot = Int(slot)
        while array.count <= slot { array.append(fill) }
        array[slot] = value
    }
}
