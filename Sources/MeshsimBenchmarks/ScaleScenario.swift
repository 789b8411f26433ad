/// The scenarios of the scaling section: the same traffic (a fixed number of client requests
/// and mesh hops) through a world that grows along one axis. `meshsim-bench --generate AXIS
/// SIZE` prints one, so anyone can reproduce a row of BENCHMARKS.md with `meshsim run`.
struct ScaleScenario {
    enum Axis: String, CaseIterable {
        /// SIZE services in groups of 10, one gateway route per group. Inside a group, service
        /// k calls k + 1 and, on half its requests, k + 2: a request makes about 47 mesh hops
        /// whatever the size, and most services have two callers.
        case services
        /// One service of SIZE instances behind one mesh client with retries; the first 10%
        /// answer 503 all run long, and outlier detection never ejects (it would after a
        /// million consecutive errors).
        case instances
        /// The same, with outlier detection ejecting each failing instance on its first error
        /// (consecutive5xxErrors: 1): the only difference is ejection.
        case ejected
        /// SIZE clients sharing the traffic, through the gateway into a chain of 10 services.
        case clients
        /// One client with SIZE source addresses behind Kong's rate-limiting by ip, at ten times
        /// the others' rate (600,000 requests): one gateway hop each is quick, and a run of a few
        /// hundredths of a second would measure the process's start, not the limiter. The limit
        /// never binds, so every size does the same work: a check per request, and the service.
        case identities
        /// SIZE request-mix entries (1,000 per client), each with its own header value,
        /// behind Kong's rate-limiting by header.
        case requests
    }

    let axis: Axis
    let size: Int

    /// Client requests per second and simulated seconds: 60,000 requests for every size.
    static let rate = 1000
    static let seconds = 60
    /// Services in one group.
    static let chain = 10

    /// Report scopes: 1 (the total) + clients + routes + services + versions (one version a
    /// service), the count the per-scope memory is divided by.
    var scopes: Int {
        switch axis {
        case .services:
            let (length, chains) = servicesShape
            return 1 + 1 + chains + 2 * chains * length
        case .instances, .ejected: return 1 + 1 + 0 + 2
        case .clients: return 1 + max(size, 1) + 1 + 2 * Self.chain
        case .identities: return 1 + 1 + 1 + 2
        case .requests: return 1 + requestClients + 1 + 2
        }
    }

    /// Services in a group and groups (one route each) of the services axis.
    private var servicesShape: (length: Int, chains: Int) {
        let length = min(Self.chain, max(size, 1))
        return (length, max(size / length, 1))
    }

    /// Clients of the requests axis: 1,000 request-mix entries each.
    private static let entriesPerClient = 1000
    private var requestClients: Int { max((size + Self.entriesPerClient - 1) / Self.entriesPerClient, 1) }

    var text: String {
        var lines = ["# meshsim-bench --generate \(axis.rawValue) \(size)",
                     "name: scale-\(axis.rawValue)-\(size)", "seed: 1", "duration: \(Self.seconds)s", "interval: 10s"]
        switch axis {
        case .services: lines += services()
        case .instances, .ejected: lines += instances(ejecting: axis == .ejected)
        case .clients: lines += clients()
        case .identities: lines += identities()
        case .requests: lines += requests()
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func services() -> [String] {
        let (length, chains) = servicesShape
        var lines = ["clients:", "  - name: web", "    rate: \(Self.rate)/s", "    requests:"]
        lines += (0..<chains).map { "      - { path: /c\($0) }" }
        lines += ["gateway:", "  routes:"]
        lines += (0..<chains).map { "    - { name: c\($0), paths: [/c\($0)], service: s\($0)-0 }" }
        lines += ["mesh: { enabled: true, sidecarLatency: 100us }", "services:"]
        for chain in 0..<chains {
            for link in 0..<length {
                lines += service("s\(chain)-\(link)", calls: calls(chain, link, length), retries: link == 0)
            }
        }
        return lines
    }

    /// The calls of service `link` of group `group`: the next always, the one after on half.
    private func calls(_ group: Int, _ link: Int, _ length: Int) -> [String] {
        var calls: [String] = []
        if link + 1 < length { calls.append("{ service: s\(group)-\(link + 1) }") }
        if link + 2 < length { calls.append("{ service: s\(group)-\(link + 2), percent: 50% }") }
        return calls
    }

    /// A mesh service of two instances with outlier detection, calling `calls`; the head of a
    /// chain retries (one layer only, as `validate` advises).
    private func service(_ name: String, calls: [String], retries: Bool) -> [String] {
        var lines = ["  \(name):", "    replicas: 2", "    concurrency: 64", "    latency: exp(1ms)", "    errors: 0.1%"]
        if !calls.isEmpty { lines.append("    calls: [\(calls.joined(separator: ", "))]") }
        if retries {
            lines += ["    http:", "      - route: [{ destination: { host: \(name) } }]",
                      "        retries: { attempts: 2, retryOn: 5xx }"]
        }
        lines += ["    trafficPolicy:",
                  "      outlierDetection: { consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s, maxEjectionPercent: 50 }"]
        return lines
    }

    private func instances(ejecting: Bool) -> [String] {
        ["clients:", "  - name: load", "    target: backend", "    rate: \(Self.rate)/s",
         "mesh: { enabled: true, sidecarLatency: 100us }", "services:", "  backend:",
         "    replicas: \(size)", "    concurrency: 8", "    latency: exp(1ms)",
         "    http:", "      - route: [{ destination: { host: backend } }]",
         "        retries: { attempts: 2, retryOn: 5xx }",
         "    trafficPolicy:",
         "      outlierDetection: { consecutive5xxErrors: \(ejecting ? 1 : 1_000_000), interval: 1s, baseEjectionTime: 10m, maxEjectionPercent: 100 }",
         "faults:", "  - { at: 0s, target: backend, instances: 10%, kind: errors, rate: 100%, status: 503 }"]
    }

    private func clients() -> [String] {
        var lines = ["clients:"]
        let each = Double(Self.rate) / Double(max(size, 1))
        for client in 0..<max(size, 1) {
            lines += ["  - { name: u\(client), rate: \(each)/s, requests: [{ path: /api }] }"]
        }
        lines += ["gateway:", "  routes:", "    - { name: api, paths: [/api], service: s0-0 }",
                  "mesh: { enabled: true, sidecarLatency: 100us }", "services:"]
        for link in 0..<Self.chain {
            lines += service("s0-\(link)", calls: calls(0, link, Self.chain), retries: link == 0)
        }
        return lines
    }

    private func identities() -> [String] {
        ["clients:", "  - { name: users, rate: \(Self.rate * 10)/s, addresses: \(size), requests: [{ path: /api }] }",
         "gateway:", "  plugins:",
         "    - { name: rate-limiting, config: { minute: 1000000, limit_by: ip, policy: local } }",
         "  routes:", "    - { name: api, paths: [/api], service: api }",
         "services:", "  api: { replicas: 4, concurrency: 64, latency: exp(1ms) }"]
    }

    private func requests() -> [String] {
        let perClient = Self.entriesPerClient
        var lines = ["clients:"]
        for client in 0..<requestClients {
            let first = client * perClient
            let entries = min(perClient, size - first)
            lines += ["  - name: users\(client)", "    rate: \(Double(Self.rate) * Double(entries) / Double(size))/s", "    requests:"]
            lines += (first..<first + entries).map { "      - { path: /api, headers: { x-user: u\($0) } }" }
        }
        lines += ["gateway:", "  plugins:",
                  "    - { name: rate-limiting, config: { second: 1, minute: 10, limit_by: header, header_name: x-user, policy: local } }",
                  "  routes:", "    - { name: api, paths: [/api], service: api }",
                  "services:", "  api: { replicas: 4, concurrency: 64, latency: exp(1ms) }"]
        return lines
    }
}
