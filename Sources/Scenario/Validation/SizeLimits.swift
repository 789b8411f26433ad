/// The largest count of each kind that meshsim simulates. Every count a scenario controls
/// has one, so that no input can make a run allocate without bound: the engine sizes its
/// tables from these counts (a record per instance, counters per rate-limit identity and
/// replica, a time-series row per interval and scope). Each is far above what a real system
/// needs, and together they keep those tables to some hundreds of megabytes at most.
/// `SizeChecks` and `VolumeChecks` enforce them; the reference lists them. Those public bound
/// what the commands accept beside the scenario too (`--replications`, `--sweep`).
public enum SizeLimits {
    /// Bytes of a scenario file, read whole before anything is checked: 32 MiB is thousands
    /// of times a real scenario, and reads and parses in about a second.
    static let fileBytes = 32 << 20
    /// Instances of one service (its versions together): larger than the biggest
    /// Kubernetes deployments; each instance has a record and a load-balancer slot. As many
    /// as in all, so one service can hold them.
    static let instancesPerService = 100_000
    /// Instances of all services together.
    static let instances = 100_000
    static let gatewayReplicas = 10_000
    /// `concurrency`, gateway `workers`: requests one instance processes at once.
    static let concurrency = 1_000_000
    /// `queue`: requests one instance holds waiting. A longer queue behaves as an unlimited one,
    /// which is written by leaving `queue` out.
    static let queue = 1_000_000
    /// Closed-loop users of one client, and of all clients together: each user is a request
    /// in flight or a timer at every moment.
    static let users = 1_000_000
    /// `addresses` of one client: rate limiting by ip keeps counters per address and replica.
    static let addressesPerClient = 1_000_000
    /// Counters of all `rate-limiting` plugins: copies (gateway replicas under `policy: local`)
    /// × identities (client addresses × request templates) × periods. About 16 bytes each.
    static let rateLimitCounters = 10_000_000
    /// A `rate-limiting` limit or a `local-rate-limit` token count: far above the requests a
    /// run can send (a billion per client), so a larger one only risks overflowing arithmetic.
    static let rateLimitValue = 1_000_000_000_000
    static let clientRetries = 100
    /// Kong's schema limit for a service's `retries`.
    static let gatewayRetries = 32_767
    /// `http[].retries.attempts`.
    static let meshRetries = 1_000
    /// More than most companies run in all; each service has its report scopes (a few KB at
    /// rest, as latency histograms grow with the buckets used) and its place in the routing
    /// tables.
    static let services = 10_000
    static let versionsPerService = 100
    static let clients = 10_000
    /// Each request template is matched against every route, by validation, lint and the
    /// engine alike, so routes and templates multiply.
    static let routes = 10_000
    /// Plugin entries, global and per route together.
    static let plugins = 10_000
    static let variants = 1_000
    /// `replications:` and `--replications`: beyond this a Student-t interval is no narrower in
    /// practice, and a typo (`100000`) would run for days.
    public static let replications = 10_000
    /// Axes of a sweep. Beyond a few the grid outgrows `sweepPoints` anyway (20 axes of two
    /// values make a million points); this bounds a sweep of single values.
    public static let sweepAxes = 100
    /// Values of all axes of a sweep together: validation applies each one to the scenario and
    /// decodes it again, as it does each variant.
    public static let sweepValues = 1_000
    /// Points of a sweep's grid (the product of its axes' value counts): a million points is a
    /// typo, not a plan, and their outcomes alone would not fit in memory.
    public static let sweepPoints = 1_000_000
    /// Downstream calls of one version, the calls in `parallel` steps included.
    static let callsPerVersion = 1_000
    /// Downstream calls of all versions together (versions inherit their service's `calls`).
    static let callsInAll = 100_000
    /// Calls between services one request makes on average (`FanOutChecks`): at some 6
    /// million simulated calls a second, a run of a few requests stays within seconds.
    static let callsPerRequest = 1_000_000
    static let httpRulesPerService = 1_000
    /// Entries of a client's `requests` mix, and of all clients' together.
    static let requestTemplates = 10_000
    /// `{1..N}` in a request path: a Zipf table costs 8 bytes a key.
    static let requestKeys = 1_000_000
    static let zipfKeysInAll = 10_000_000
    /// proxy-cache `cache_ttl`/`storage_ttl`, seconds: a year is longer than any run.
    static let cacheTTLSeconds = 31_536_000
    static let requestTemplatesInAll = 100_000
    /// `match` entries of all `http` rules of a service: the shadowed-rule check compares each
    /// with those of the earlier rules.
    static let matchEntriesPerService = 1_000
    /// Headers of a request template, or header conditions of a route: Kong (OpenResty)
    /// reads at most 100 request headers by default.
    static let headers = 100
    /// Backends of a gateway route: the Gateway API allows 16 `backendRefs` per HTTPRoute rule
    /// (MaxItems), and each request scans them.
    static let backendsPerRoute = 16
    static let schedulePoints = 10_000
    static let faults = 10_000
    static let assertions = 10_000
    static let rolloutSteps = 1_000
    /// Host slots of all sidecars with the mesh: each caller (instance, gateway replica,
    /// client) × the instances of each service it calls, as each Envoy tracks every host of
    /// its clusters. Some tens of bytes each; 1,000 instances calling 1,000 make a million.
    static let sidecarHostSlots = 10_000_000
    /// Kong upstream target states without the mesh: gateway replicas × the instances of each
    /// upstream's service, some 40 bytes each (health, connections, latency).
    static let kongTargetSlots = 10_000_000
    /// proxy-cache entries of all gateway replicas: some 50 bytes each.
    static let proxyCacheEntries = 10_000_000
    /// Active health-check probes of a run: each is an event, like a request.
    static let kongProbes = 1_000_000_000
    /// Time-series intervals of one scope (`duration / interval`).
    static let intervals = 100_000
    /// Report scopes: 1 (the total) + clients + routes + services + versions. Each keeps at most
    /// 10 KB at rest, so this bound keeps them to a few hundred megabytes.
    static let scopes = 50_000
    /// Time-series rows of all scopes: intervals × scopes. Each row is about 100 bytes in memory
    /// before it is written, and a line of timeseries.csv after.
    static let timeSeriesRows = 2_000_000
    /// Requests one open-loop client sends: about a quarter of an hour at a million per second.
    static let openLoopRequests = 1_000_000_000
}
