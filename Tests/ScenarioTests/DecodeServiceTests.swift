import Testing
@testable import Scenario

@Suite struct DecodeServiceTests {
    /// A scenario whose `services:` section starts on line 4.
    private func text(_ services: String) -> String {
        DecodeFixture.header + DecodeFixture.client + services + "\n"
    }

    @Test func versionsInheritServiceFields() throws {
        let yaml = """
            services:
              orders:
                replicas: 3
                concurrency: 16
                queue: 100
                latency: lognormal(20ms, 120ms)
                errors: 0.5%
                errorStatus: 503
                onCallFailure: ignore
                calls: [{ service: inventory }]
                versions:
                  v1: { replicas: 4 }
                  v2: { replicas: 1, errors: 5%, latency: 30ms, queue: 0, calls: [], onCallFailure: fail }
              inventory: {}
            """
        let services = try #require(DecodeFixture.scenario(text(yaml))?.services)
        #expect(services.map(\.name) == ["orders", "inventory"])
        let orders = services[0]
        #expect(orders.hasDeclaredVersions)
        #expect(orders.trafficPolicy == nil && orders.http == nil)
        #expect(orders.location == SourceLocation(file: "s.yaml", line: 6, column: 5))
        let v1 = try #require(orders.version(named: "v1"))
        #expect(v1.replicas == 4)
        #expect(v1.concurrency == 16)
        #expect(v1.queue == 100)
        #expect(v1.latency == .lognormal(p50: 20_000_000, p99: 120_000_000))
        #expect(v1.errors == 0.005)
        #expect(v1.errorStatus == 503)
        #expect(v1.calls == [.call(DownstreamCall(service: "inventory", location: SourceLocation(file: "s.yaml", line: 13, column: 13)))])
        #expect(v1.onCallFailure == .ignore)
        #expect(v1.location == SourceLocation(file: "s.yaml", line: 15, column: 11))
        let v2 = try #require(orders.version(named: "v2"))
        #expect(v2.replicas == 1)
        #expect(v2.concurrency == 16)
        #expect(v2.queue == 0)
        #expect(v2.latency == .constant(30_000_000))
        #expect(v2.errors == 0.05)
        #expect(v2.calls.isEmpty)
        #expect(v2.onCallFailure == .fail)
        let inventory = services[1]
        #expect(!inventory.hasDeclaredVersions)
        #expect(inventory.versions.count == 1)
        let only = inventory.versions[0]
        #expect(only.name == "default")
        #expect(only.replicas == 1 && only.concurrency == 1 && only.queue == nil && only.latency == .zero)
        #expect(only.errors == 0 && only.errorStatus == 500 && only.calls.isEmpty && only.onCallFailure == .fail)
    }

    @Test func callSteps() throws {
        let yaml = """
            services:
              api:
                calls:
                  - service: inventory
                  - { service: payments, percent: 30%, path: /charge }
                  - parallel:
                      - service: fraud
                      - { service: pricing, percent: 50% }
            """
        let api = try #require(DecodeFixture.scenario(text(yaml))?.services.first)
        let location = { (line: Int, column: Int) in SourceLocation(file: "s.yaml", line: line, column: column) }
        #expect(api.versions[0].calls == [
            .call(DownstreamCall(service: "inventory", location: location(7, 9))),
            .call(DownstreamCall(service: "payments", percent: 0.3, path: "/charge", location: location(8, 9))),
            .parallel([
                DownstreamCall(service: "fraud", location: location(10, 13)),
                DownstreamCall(service: "pricing", percent: 0.5, location: location(11, 13)),
            ]),
        ])
    }

    @Test func serviceErrors() {
        let yaml = """
            services:
              gateway: {}
              "bad/name": {}
              orders:
                concurrency: 0
                errorStatus: 200
                onCallFailure: retry
                latency: lognormal(20ms, 10ms)
                versions: { v1: { replicas: 1, weight: 10 }, v2: {} }
                calls:
                  - { service: a, parallel: [{ service: b }] }
                  - { parallel: [] }
                  - parallel: [{ parallel: [] }]
                  - { percent: 10 }
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "5:3: error: a service cannot be named 'gateway': the name stands for the gateway in targets",
            "6:3: error: service name may contain only letters, digits, '.', '_' and '-', not 'bad/name'",
            "8:18: error: services.orders.concurrency must be at least 1, not 0",
            "9:18: error: services.orders.errorStatus must be between 400 and 599, not 200",
            "10:20: error: services.orders.onCallFailure must be one of fail, ignore, not 'retry'",
            "11:14: error: services.orders.latency is not a valid distribution: lognormal(p50, p99) needs p99 greater than p50",
            "12:36: error: unknown key 'weight' in services.orders.versions.v1; valid keys are: replicas, concurrency, queue, latency, errors, errorStatus, calls, onCallFailure, zone, zones, sidecar, serviceAccount, labels, trafficPolicy",
            "14:11: error: unknown key 'service' in services.orders.calls[0]; valid keys are: parallel",
            "15:21: error: services.orders.calls[1].parallel must list at least one entry",
            "16:22: error: unknown key 'parallel' in services.orders.calls[2].parallel[0]; valid keys are: service, percent, path",
            "16:20: error: services.orders.calls[2].parallel[0].service is required",
            "17:9: error: services.orders.calls[3].service is required",
            "17:20: error: services.orders.calls[3].percent must be a percent: write 5% for five percent, not 10",
        ].sorted(by: DecodeServiceTests.fileOrder))
    }

    static func fileOrder(_ a: String, _ b: String) -> Bool {
        let position = { (text: String) in text.split(separator: ":").prefix(2).compactMap { Int($0) } }
        return position(a).lexicographicallyPrecedes(position(b))
    }
}
