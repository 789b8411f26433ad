import Testing
@testable import Scenario

@Suite struct DecodeFaultTests {
    /// A scenario whose `faults:` list starts on line 5.
    private func text(_ faults: String) -> String {
        DecodeFixture.header + DecodeFixture.client + DecodeFixture.service + faults + "\n"
    }

    @Test func everyKindAndTarget() throws {
        let yaml = """
            faults:
              - { name: inventory-crash, at: 2m, duration: 1m, target: inventory, instances: 1, kind: crash }
              - { at: 0s, target: orders/v2, instances: 50%, kind: hang }
              - { at: 1s, target: orders/v1/3, kind: latency, add: exp(500ms) }
              - { at: 1s, target: gateway, kind: errors, rate: 50%, status: 429 }
              - { at: 1s, target: gateway/1, kind: errors }
              - { at: 1s, kind: partition, from: gateway, to: orders }
              - { at: 1s, kind: partition, from: orders, to: inventory, target: inventory/v1 }
            """
        let faults = try #require(DecodeFixture.scenario(text(yaml))?.faults)
        #expect(faults.map(\.name) == ["inventory-crash", "hang-1", "latency-2", "errors-3", "errors-4", "partition-5", "partition-6"])
        #expect(faults[0].at == 120_000_000_000)
        #expect(faults[0].duration == 60_000_000_000)
        #expect(faults[0].target == .service("inventory"))
        #expect(faults[0].instances == .count(1))
        #expect(faults[0].kind == .crash)
        #expect(faults[0].location == SourceLocation(file: "s.yaml", line: 6, column: 5))
        #expect(faults[1].duration == nil)
        #expect(faults[1].target == .version(service: "orders", version: "v2"))
        #expect(faults[1].instances == .share(0.5))
        #expect(faults[1].kind == .hang)
        #expect(faults[2].target == .instance(service: "orders", version: "v1", index: 3))
        #expect(faults[2].instances == .all)
        #expect(faults[2].kind == .latency(add: .exponential(mean: 500_000_000)))
        #expect(faults[3].target == .gateway)
        #expect(faults[3].kind == .errors(rate: 0.5, status: 429))
        #expect(faults[4].target == .gatewayReplica(1))
        #expect(faults[4].kind == .errors(rate: 1, status: 503))
        #expect(faults[5].kind == .partition(from: "gateway", to: "orders"))
        #expect(faults[5].target == .service("orders"))
        #expect(faults[6].target == .version(service: "inventory", version: "v1"))
    }

    @Test func faultErrors() {
        let yaml = """
            faults:
              - { at: 1s, target: orders, kind: latency }
              - { at: 1s, target: orders, kind: crash, add: 1s, rate: 5%, to: x }
              - { at: -1s, target: "orders//1", kind: crsh }
              - { at: 1s, target: gateway/x, kind: hang, instances: 0 }
              - { at: 1s, target: orders/v1/-1, kind: hang, instances: 0% }
              - { at: 1s, kind: partition, from: orders }
              - { target: orders/v1/0/1, kind: errors, status: 700, rate: 0.5 }
            """
        #expect(DecodeFixture.messages(text(yaml)) == [
            "6:5: error: faults[0].add is required with kind: latency",
            "7:44: error: faults[1].add applies only to kind: latency, not crash",
            "7:53: error: faults[1].rate applies only to kind: errors, not crash",
            "7:63: error: faults[1].to applies only to kind: partition, not crash",
            "8:11: error: faults[2].at must not be negative, not -1s",
            "8:24: error: faults[2].target must be service, service/version, service/version/index, gateway or gateway/INDEX, not 'orders//1'",
            "8:43: error: faults[2].kind must be one of crash, hang, latency, errors, partition, zone, not 'crsh'; did you mean 'crash'?",
            "9:23: error: faults[3].target must end with an instance index (0, 1, ...), not 'x'",
            "9:57: error: faults[3].instances must be at least 1, not 0",
            "10:23: error: faults[4].target must end with an instance index (0, 1, ...), not '-1'",
            "10:60: error: faults[4].instances must be above 0%, not 0%",
            "11:5: error: faults[5].to is required",
            "12:5: error: faults[6].at is required",
            "12:15: error: faults[6].target must be service, service/version, service/version/index, gateway or gateway/INDEX, not 'orders/v1/0/1'",
            "12:52: error: faults[6].status must be between 100 and 599, not 700",
            "12:63: error: faults[6].rate must be a percent: write 5% for five percent, not 0.5",
        ])
    }
}
