import Scenario

/// Everything a run measured, in the order the reports print it. Pure data: the report
/// writers format it, and nothing in it depends on wall-clock time or the machine.
public struct RunResult: Sendable {
    public var scenarioName: String
    public var seed: UInt64
    /// Simulated time when the last request finished (≥ the scenario's duration).
    public var endTime: Nanoseconds
    /// Rows in scope order: total, clients, routes, services, versions (each in file order).
    public var summary: [ScopeSummary]
    /// Interval by interval; within an interval, scopes in the order of `summary`.
    public var timeseries: [TimeseriesRow]
    /// By time, then by the order in which the simulation produced them.
    public var events: [EventRecord]
    /// Per scope (in summary order), then by code, then by flag.
    public var responses: [ResponseCount]
    /// Nil when the mesh is disabled.
    public var mesh: MeshUsage?
    /// Nil without a `rollout` section.
    public var rollout: RolloutOutcome?
    /// One per assertion of the scenario, in file order; empty without assertions.
    public var assertions: [AssertionVerdict]
    /// The scenario's `duration` (clients send until then) and time-series `interval`.
    public var duration: Nanoseconds = 0
    /// The scenario's `warmup`: what clients sent before it is not counted.
    public var warmup: Nanoseconds = 0
    /// The scenario's namespace, for the workload and service names of metrics.om.
    public var namespace = "default"
    public var interval: Nanoseconds = 0
    /// The run as Prometheus series, kept only with `metrics: openmetrics`; nil otherwise.
    public var telemetry: RunTelemetry?
    /// locality.csv, sorted by service, from_zone, to_zone; nil when no zone is written.
    public var locality: [LocalityRow]?

    public init(
        scenarioName: String, seed: UInt64, endTime: Nanoseconds, summary: [ScopeSummary],
        timeseries: [TimeseriesRow], events: [EventRecord], responses: [ResponseCount], mesh: MeshUsage? = nil,
        rollout: RolloutOutcome? = nil, assertions: [AssertionVerdict] = []
    ) {
        self.scenarioName = scenarioName
        self.seed = seed
        self.endTime = endTime
        self.summary = summary
        self.timeseries = timeseries
        self.events = events
        self.responses = responses
        self.mesh = mesh
        self.rollout = rollout
        self.assertions = assertions
    }
}

public enum ScopeKind: String, Sendable, Hashable, CaseIterable {
    case total, client, route, service, version
}

/// Latency statistics in nanoseconds; nil when the scope saw no request.
public struct LatencySummary: Sendable, Hashable {
    public var p50: Nanoseconds
    public var p90: Nanoseconds
    public var p95: Nanoseconds
    public var p99: Nanoseconds
    public var p999: Nanoseconds
    public var max: Nanoseconds
    public var mean: Double

    public init(p50: Nanoseconds, p90: Nanoseconds, p95: Nanoseconds, p99: Nanoseconds, p999: Nanoseconds, max: Nanoseconds, mean: Double) {
        self.p50 = p50
        self.p90 = p90
        self.p95 = p95
        self.p99 = p99
        self.p999 = p999
        self.max = max
        self.mean = mean
    }
}

/// Counts of one scope, as defined in outputs-and-cli.md.
public struct ScopeCounts: Sendable, Hashable {
    public var requests = 0
    public var ok = 0
    public var errors = 0
    public var rateLimited = 0
    public var unauthorized = 0
    public var timeouts = 0
    public var overflows = 0
    public var retries = 0

    public init(
        requests: Int = 0, ok: Int = 0, errors: Int = 0, rateLimited: Int = 0, unauthorized: Int = 0,
        timeouts: Int = 0, overflows: Int = 0, retries: Int = 0
    ) {
        self.requests = requests
        self.ok = ok
        self.errors = errors
        self.rateLimited = rateLimited
        self.unauthorized = unauthorized
        self.timeouts = timeouts
        self.overflows = overflows
        self.retries = retries
    }

    mutating func add(_ other: ScopeCounts) {
        requests += other.requests
        ok += other.ok
        errors += other.errors
        rateLimited += other.rateLimited
        unauthorized += other.unauthorized
        timeouts += other.timeouts
        overflows += other.overflows
        retries += other.retries
    }

    /// errors / requests, 0 when there were no requests.
    public var errorRate: Double { requests == 0 ? 0 : Double(errors) / Double(requests) }
}

public struct ScopeSummary: Sendable, Hashable {
    public var scope: ScopeKind
    public var name: String
    public var counts: ScopeCounts
    public var latency: LatencySummary?
    public var ejections: Int
    /// Answers served by the gateway's proxy-cache: on a route, those it answered; on a client
    /// and the total, those among their requests' final answers; 0 on services and versions.
    public var cacheHits: Int

    public init(scope: ScopeKind, name: String, counts: ScopeCounts, latency: LatencySummary?, ejections: Int = 0, cacheHits: Int = 0) {
        self.scope = scope
        self.name = name
        self.counts = counts
        self.latency = latency
        self.ejections = ejections
        self.cacheHits = cacheHits
    }
}

public struct TimeseriesRow: Sendable, Hashable {
    /// End of the interval.
    public var end: Nanoseconds
    public var scope: ScopeKind
    public var name: String
    public var requests: Int
    /// requests / interval length in seconds.
    public var rps: Double
    public var ok: Int
    public var errors: Int
    public var rateLimited: Int
    /// Requests whose answer was a timeout (504 `UT`), as the `timeouts` column of summary.csv.
    /// Not a column of timeseries.csv; report.html charts it.
    public var timeouts: Int
    /// nil when the interval saw no request in this scope.
    public var p50: Nanoseconds?
    public var p99: Nanoseconds?
    /// Service and version scopes only: instances ejected at the end of the interval.
    public var ejected: Int?
    /// Version scope only: the version's route weight in percent.
    public var weight: Double?

    public init(
        end: Nanoseconds, scope: ScopeKind, name: String, requests: Int, rps: Double, ok: Int, errors: Int,
        rateLimited: Int, timeouts: Int = 0, p50: Nanoseconds?, p99: Nanoseconds?, ejected: Int?, weight: Double?
    ) {
        self.end = end
        self.scope = scope
        self.name = name
        self.requests = requests
        self.rps = rps
        self.ok = ok
        self.errors = errors
        self.rateLimited = rateLimited
        self.timeouts = timeouts
        self.p50 = p50
        self.p99 = p99
        self.ejected = ejected
        self.weight = weight
    }
}

public struct EventRecord: Sendable, Hashable {
    public var time: Nanoseconds
    public var kind: String
    public var target: String
    public var detail: String

    public init(time: Nanoseconds, kind: String, target: String, detail: String) {
        self.time = time
        self.kind = kind
        self.target = target
        self.detail = detail
    }
}

public struct ResponseCount: Sendable, Hashable {
    public var scope: ScopeKind
    public var name: String
    public var code: Int
    /// Envoy-style response flag, `-` for none.
    public var flag: String
    public var count: Int

    public init(scope: ScopeKind, name: String, code: Int, flag: String, count: Int) {
        self.scope = scope
        self.name = name
        self.code = code
        self.flag = flag
        self.count = count
    }
}
