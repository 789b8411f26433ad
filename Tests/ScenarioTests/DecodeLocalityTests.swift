import Testing
@testable import Scenario

/// `zone`/`zones`, `mesh.crossZoneLatency`, `localityLbSetting` and the zone fault.
@Suite struct DecodeLocalityTests {
    @Test func zonesOfServicesVersionsClientsAndTheGateway() throws {
        let yaml = """
            name: t
            duration: 10s
            mesh: { enabled: true, crossZoneLatency: 2ms }
            gateway: { replicas: 2, zones: [r/a, r/b], routes: [{ name: all, service: orders }] }
            clients: [{ name: web, rate: 10/s, zone: r/a }, { name: batch, rate: 1/s }]
            services:
              orders:
                zones: [r/a, r/b, r/c]
                versions: { v1: {}, v2: { zone: r/c } }
            """
        let scenario = try #require(DecodeFixture.scenario(yaml + "\n"))
        #expect(scenario.mesh.crossZoneLatency == .constant(2_000_000))
        #expect(scenario.gateway?.zones == ["r/a", "r/b"])
        #expect(scenario.clients.map(\.zone) == ["r/a", nil])
        let orders = try #require(scenario.service(named: "orders"))
        #expect(orders.versions.map(\.zones) == [["r/a", "r/b", "r/c"], ["r/c"]])
    }

    @Test func zoneErrors() {
        let yaml = """
            name: t
            duration: 10s
            clients: [{ name: web, rate: 10/s, target: orders, zones: [a] }]
            services:
              orders: { zone: a/b/c }
              pay: { zone: a, zones: [b] }
              ship: { zones: [] }
            """
        let messages = DecodeFixture.messages(yaml + "\n")
        #expect(messages.contains { $0.hasPrefix("3:") && $0.contains("unknown key 'zones'") && $0.contains("did you mean 'zone'?") })
        #expect(messages.contains("5:19: error: services.orders.zone must be region/zone or zone (for example us-east1/us-east1-b), not 'a/b/c'"))
        #expect(messages.contains { $0.hasPrefix("6:") && $0.contains("must have only one of zone or zones") })
        #expect(messages.contains { $0.hasPrefix("7:") && $0.contains("must list at least one zone") })
    }

    @Test func localityLbSettingBesideSimple() throws {
        let yaml = """
            name: t
            duration: 10s
            clients: [{ name: web, rate: 10/s, target: orders }]
            services:
              orders:
                trafficPolicy:
                  loadBalancer:
                    simple: ROUND_ROBIN
                    localityLbSetting:
                      enabled: true
                      failover: [{ from: us-east1, to: us-west1 }]
                      failoverPriority: [topology.istio.io/network]
            """
        let scenario = try #require(DecodeFixture.scenario(yaml + "\n"))
        let policy = try #require(scenario.service(named: "orders")?.trafficPolicy)
        #expect(policy.loadBalancer == .roundRobin)
        let setting = try #require(policy.localityLbSetting)
        #expect(setting.enabled == true)
        #expect(setting.failover.map { [$0.from, $0.to] } == [["us-east1", "us-west1"]])
        #expect(setting.failoverPriority == ["topology.istio.io/network"])
        #expect(setting.location == SourceLocation(file: "s.yaml", line: 10, column: 11))
    }

    /// Istio's validation: `distribute` with `failover`, weights not summing to 100, a failover
    /// to its own region, a topology label in failoverPriority beside failover.
    @Test func localityLbSettingErrors() {
        let yaml = """
            name: t
            duration: 10s
            clients: [{ name: web, rate: 10/s, target: a }]
            services:
              a: { trafficPolicy: { loadBalancer: { localityLbSetting: { distribute: [{ from: "r/*", to: { "r/a": 60, "r/b": 30 } }] } } } }
              b: { trafficPolicy: { loadBalancer: { localityLbSetting: { failover: [{ from: r, to: r }] } } } }
              c: { trafficPolicy: { loadBalancer: { localityLbSetting: { failover: [{ from: r, to: s }], failoverPriority: [topology.kubernetes.io/zone] } } } }
              d: { trafficPolicy: { loadBalancer: { localityLbSetting: { failover: [{ from: r, to: s }], distribute: [{ from: "r/*", to: { "r/a": 100 } }] } } } }
            """
        let messages = DecodeFixture.messages(yaml + "\n")
        #expect(messages.contains { $0.hasPrefix("5:") && $0.contains("weights must sum to 100, not 90") })
        #expect(messages.contains { $0.hasPrefix("6:") && $0.contains("'from' and 'to' are both 'r'") })
        #expect(messages.contains { $0.hasPrefix("7:") && $0.contains("can not simultaneously set 'failover' and topology label 'topology.kubernetes.io/zone'") })
        #expect(messages.contains { $0.hasPrefix("8:") && $0.contains("can not simultaneously specify 'distribute' and 'failover'") })
    }

    /// A subset's `loadBalancer` replaces the whole group, its localityLbSetting included.
    @Test func aSubsetLoadBalancerReplacesTheLocalitySetting() {
        let here = SourceLocation(file: "s.yaml", line: 1, column: 1)
        let top = TrafficPolicy(localityLbSetting: LocalityLbSetting(enabled: false, location: here), location: here)
        let subset = TrafficPolicy(loadBalancer: .random, location: here)
        #expect(TrafficPolicy.merged(top, subset: subset)?.localityLbSetting == nil)
        #expect(TrafficPolicy.merged(top, subset: subset)?.loadBalancer == .random)
        let other = TrafficPolicy(connectionPool: ConnectionPool(maxConnections: 1), location: here)
        #expect(TrafficPolicy.merged(top, subset: other)?.localityLbSetting?.enabled == false)
    }

    @Test func zoneFault() throws {
        let yaml = """
            name: t
            duration: 10s
            clients: [{ name: web, rate: 10/s, target: orders }]
            services: { orders: { zones: [a, b] } }
            faults:
              - { kind: zone, zone: a, at: 2s, duration: 3s }
            """
        let fault = try #require(DecodeFixture.scenario(yaml + "\n")?.faults.first)
        #expect(fault.name == "zone-0")
        #expect(fault.target == .zone("a"))
        #expect(fault.kind == .crash)
        #expect(fault.duration == 3_000_000_000)
    }

    @Test func zoneFaultErrors() {
        let yaml = """
            name: t
            duration: 10s
            clients: [{ name: web, rate: 10/s, target: orders }]
            services: { orders: { zones: [a, b] } }
            faults:
              - { kind: zone, at: 2s }
              - { kind: zone, zone: a, target: orders, at: 2s }
              - { kind: crash, zone: a, target: orders, at: 2s }
            """
        let messages = DecodeFixture.messages(yaml + "\n")
        #expect(messages.contains { $0.hasPrefix("6:") && $0.contains("zone is required") })
        #expect(messages.contains { $0.hasPrefix("7:") && $0.contains("target does not apply to kind: zone") })
        #expect(messages.contains { $0.hasPrefix("8:") && $0.contains("zone applies only to kind: zone, not crash") })
    }
}
