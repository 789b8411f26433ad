import Scenario
import Testing

/// A whole scenario as a user would write it (see scenario-format.md), and robustness of the
/// parser against every truncation and random damage of it.
@Suite struct YAMLScenarioFileTests: YAMLTreeBuilding {
    static let scenario = """
        # Canary of orders behind Kong, with Istio routing.
        ---
        version: 1
        name: checkout-canary
        description: >-
          Orders v2 takes 10% of traffic
          while inventory crashes.
        seed: 42
        duration: 10m

        defaults: &svc
          concurrency: 16
          errors: 0.5%

        clients:
          - name: web
            rate: 500/s
            schedule:
              - { at: 0s, rate: 100/s }
              - { at: 2m, rate: 800/s }   # then constant
            retries:
              attempts: 2
              on: [5xx, timeout, 429]
            credential:
              apiKey: k-web
            requests:
              - { weight: 70, method: GET, path: /api/orders/42, headers: { x-canary: "true" } }
              - { weight: 30, path: /api/users }
          - name: partner
            users: 50
            thinkTime: exp(1s)

        gateway:
          plugins:
          - name: key-auth
            config: { key_names: [apikey] }
            consumers: { k-web: web-app, k-partner: partner }
          - name: rate-limiting
            config: { minute: 1000, second: 50, limit_by: consumer, policy: local }
          routes:
          - name: orders
            paths: [/api/orders]
            methods: [GET, POST]
            service: orders

        services:
          orders:
            <<: *svc
            replicas: 3
            latency: mix(90%: lognormal(20ms, 80ms), 10%: 400ms)
            versions:
              v1: { replicas: 4 }
              v2: { replicas: 1, errors: 5%, latency: lognormal(30ms, 200ms) }
            calls:
              - service: inventory
              - parallel:
                  - service: fraud
                  - service: pricing
            http:
              - match:
                  - headers: { x-canary: { exact: "true" } }
                route:
                  - destination: { subset: v2 }
              - route:
                  - { destination: { subset: v1 }, weight: 90 }
                  - { destination: { subset: v2 }, weight: 10 }
                retries: { attempts: 3, perTryTimeout: 200ms, retryOn: "5xx,connect-failure" }
          inventory:
            <<: *svc
            errors: 0%

        faults:
          - name: inventory-crash
            at: 2m
            duration: 1m
            target: inventory/v1/0
            kind: crash

        assertions:
          - p99 < 300ms
          - p99{client=web} < 250ms
          - rollout == promoted
        ...
        """

    @Test func realisticScenarioParsesToTheExpectedShape() throws {
        let root = try parseYAML(Self.scenario)
        let expected = [
            "{version: 1, name: checkout-canary, description: \"Orders v2 takes 10% of traffic while inventory crashes.\"",
            ", seed: 42, duration: 10m, defaults: {concurrency: 16, errors: 0.5%}",
            ", clients: [{name: web, rate: 500/s, schedule: [{at: 0s, rate: 100/s}, {at: 2m, rate: 800/s}]",
            ", retries: {attempts: 2, on: [5xx, timeout, 429]}, credential: {apiKey: k-web}",
            ", requests: [{weight: 70, method: GET, path: /api/orders/42, headers: {x-canary: \"true\"}}",
            ", {weight: 30, path: /api/users}]}, {name: partner, users: 50, thinkTime: exp(1s)}]",
            ", gateway: {plugins: [{name: key-auth, config: {key_names: [apikey]}, consumers: {k-web: web-app, k-partner: partner}}",
            ", {name: rate-limiting, config: {minute: 1000, second: 50, limit_by: consumer, policy: local}}]",
            ", routes: [{name: orders, paths: [/api/orders], methods: [GET, POST], service: orders}]}",
            ", services: {orders: {concurrency: 16, errors: 0.5%, replicas: 3",
            ", latency: mix(90%: lognormal(20ms, 80ms), 10%: 400ms)",
            ", versions: {v1: {replicas: 4}, v2: {replicas: 1, errors: 5%, latency: lognormal(30ms, 200ms)}}",
            ", calls: [{service: inventory}, {parallel: [{service: fraud}, {service: pricing}]}]",
            ", http: [{match: [{headers: {x-canary: {exact: \"true\"}}}], route: [{destination: {subset: v2}}]}",
            ", {route: [{destination: {subset: v1}, weight: 90}, {destination: {subset: v2}, weight: 10}]",
            ", retries: {attempts: 3, perTryTimeout: 200ms, retryOn: \"5xx,connect-failure\"}}]}",
            ", inventory: {concurrency: 16, errors: 0%}}",
            ", faults: [{name: inventory-crash, at: 2m, duration: 1m, target: inventory/v1/0, kind: crash}]",
            ", assertions: [p99 < 300ms, p99{client=web} < 250ms, rollout == promoted]}",
        ].joined()
        #expect(render(root) == expected)
        #expect(root.location == at(3, 1))

        let services = try #require(value(at: ["services"], in: root))
        #expect(services.location == at(47, 3))
        let orders = try #require(value(at: ["services", "orders"], in: root))
        guard case .mapping(let entries) = orders.value else {
            Issue.record("orders is not a mapping")
            return
        }
        // Merged entries point at the anchored defaults, explicit ones at the service.
        #expect(entries.map(\.keyLocation) == [at(12, 3), at(13, 3), at(49, 5), at(50, 5), at(51, 5), at(54, 5), at(59, 5)])
        let inventory = try #require(value(at: ["services", "inventory"], in: root))
        #expect(inventory == mapping(69, 5,
            entry("concurrency", 12, 3, plain("16", 12, 16)),
            entry("errors", 70, 5, plain("0%", 70, 13))))
        let routes = try #require(value(at: ["services", "orders", "http"], in: root))
        #expect(routes.location == at(60, 7))
    }

    @Test func largeFileParsesCompletely() throws {
        let count = 2_000
        let services = (0..<count).map { index in
            "  s\(index):\n    latency: lognormal(20ms, 120ms)\n    versions: { v1: { replicas: 4 } }\n    calls:\n      - service: s\(index + 1)\n"
        }
        let root = try parseYAML("services:\n" + services.joined())
        guard case .mapping(let top) = root.value, case .mapping(let parsed)? = top.first?.value.value else {
            Issue.record("expected services to be a mapping")
            return
        }
        #expect(parsed.count == count)
        #expect(parsed.last.map { render($0.value) } == "{latency: lognormal(20ms, 120ms), versions: {v1: {replicas: 4}}, calls: [{service: s2000}]}")
        #expect(parsed.last?.keyLocation == at(2 + 5 * (count - 1), 3))
    }

    @Test func truncatingAtEveryCharacterNeverCrashes() {
        let scalars = Array(Self.scenario.unicodeScalars)
        for end in 0...scalars.count {
            expectParsesOrFailsCleanly(String(String.UnicodeScalarView(scalars[..<end])))
        }
    }

    @Test func randomDamageNeverCrashes() {
        var random = SplitMix64(seed: 7)
        let scalars = Array(Self.scenario.unicodeScalars)
        let alphabet = Array(" \t\n\r-:?&*!|>'\"#[]{},()%.~<\\abc1".unicodeScalars)
        for _ in 0..<1_500 {
            var damaged = scalars
            for _ in 0..<(1 + random.next(below: 4)) {
                let position = random.next(below: damaged.count + 1)
                switch random.next(below: 3) {
                case 0 where position < damaged.count: damaged.remove(at: position)
                case 1 where position < damaged.count: damaged[position] = alphabet[random.next(below: alphabet.count)]
                default: damaged.insert(alphabet[random.next(below: alphabet.count)], at: position)
                }
            }
            expectParsesOrFailsCleanly(String(String.UnicodeScalarView(damaged)))
        }
        for _ in 0..<3_000 {
            let length = random.next(below: 40)
            let noise = (0..<length).map { _ in alphabet[random.next(below: alphabet.count)] }
            expectParsesOrFailsCleanly(String(String.UnicodeScalarView(noise)))
        }
    }

    /// Parsing either succeeds or reports a location inside the text.
    private func expectParsesOrFailsCleanly(_ text: String) {
        guard let diagnostic = yamlError(text) else { return }
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        let line = diagnostic.location.line
        #expect(line >= 1 && line <= lines.count, "\(diagnostic) in \(text.debugDescription)")
        if line >= 1 && line <= lines.count {
            let width = lines[line - 1].unicodeScalars.count
            #expect(diagnostic.location.column >= 1 && diagnostic.location.column <= width + 1, "\(diagnostic) in \(text.debugDescription)")
        }
    }

    private func value(at path: [String], in node: YAMLNode) -> YAMLNode? {
        var current = node
        for key in path {
            guard case .mapping(let entries) = current.value, let found = entries.first(where: { $0.key == key }) else {
                return nil
            }
            current = found.value
        }
        return current
    }

    /// A small deterministic generator, so that a failure reproduces.
    private struct SplitMix64 {
        private var state: UInt64

        init(seed: UInt64) { state = seed }

        mutating func next(below bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            z ^= z >> 31
            return bound <= 0 ? 0 : Int(z % UInt64(bound))
        }
    }
}
