import Testing
@testable import Scenario

/// Decodes scenario text the way `meshsim` does (YAML parser, then decoder), for the decoder's tests.
enum DecodeFixture {
    static let file = "s.yaml"
    /// Lines 1–2 of most test scenarios; the section under test starts on line 3.
    static let header = "name: t\nduration: 10s\n"
    static let client = "clients: [{ name: web, rate: 10/s, target: orders }]\n"
    static let service = "services: { orders: {} }\n"

    static func decode(_ text: String) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        do {
            return ScenarioDecoder.decode(try YAMLParser.parse(text, file: file))
        } catch {
            Issue.record("YAML did not parse: \(error)")
            return (nil, [])
        }
    }

    /// The scenario, recording an issue when the text has errors.
    static func scenario(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Scenario? {
        let (scenario, diagnostics) = decode(text)
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            Issue.record("unexpected errors:\n\(errors.map(\.description).joined(separator: "\n"))", sourceLocation: sourceLocation)
        }
        return scenario
    }

    /// Every diagnostic as `LINE:COLUMN: severity: message`.
    static func messages(_ text: String) -> [String] {
        decode(text).diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
    }
}

@Suite struct DecoderTests {
    @Test func minimalScenarioGetsEveryDefault() throws {
        let scenario = try #require(DecodeFixture.scenario(DecodeFixture.header + DecodeFixture.client + DecodeFixture.service))
        #expect(scenario.name == "t")
        #expect(scenario.description == nil)
        #expect(scenario.seed == 1)
        #expect(scenario.duration == 10_000_000_000)
        #expect(scenario.warmup == 0)
        #expect(scenario.interval == 10_000_000_000)
        #expect(scenario.gateway == nil)
        #expect(scenario.mesh.enabled == false)
        #expect(scenario.mesh.mtls == .strict)
        #expect(scenario.faults.isEmpty && scenario.variants.isEmpty && scenario.assertions.isEmpty)
        #expect(scenario.rollout == nil)
        #expect(scenario.sectionLocations["name"] == SourceLocation(file: "s.yaml", line: 1, column: 1))
        #expect(scenario.sectionLocations["services"] == SourceLocation(file: "s.yaml", line: 4, column: 1))
        #expect(scenario.sectionLocations.count == 4)
    }

    @Test func topLevelFields() throws {
        let text = """
            version: 1
            name: checkout-canary.v2_a
            description: free text
            seed: 18446744073709551615
            duration: 10m
            warmup: 30s
            interval: 1.5s
            mesh: { enabled: true, sidecarLatency: 250us, mtls: PERMISSIVE, mtlsLatency: exp(1ms) }
            """ + "\n" + DecodeFixture.client + DecodeFixture.service
        let scenario = try #require(DecodeFixture.scenario(text))
        #expect(scenario.name == "checkout-canary.v2_a")
        #expect(scenario.description == "free text")
        #expect(scenario.seed == UInt64.max)
        #expect(scenario.duration == 600_000_000_000)
        #expect(scenario.warmup == 30_000_000_000)
        #expect(scenario.interval == 1_500_000_000)
        #expect(scenario.mesh.enabled)
        #expect(scenario.mesh.sidecarLatency == .constant(250_000))
        #expect(scenario.mesh.mtls == .permissive)
        #expect(scenario.mesh.mtlsLatency == .exponential(mean: 1_000_000))
        #expect(scenario.mesh.location == SourceLocation(file: "s.yaml", line: 8, column: 7))
    }

    @Test func missingRequiredSectionsAreAllReported() {
        #expect(DecodeFixture.messages("description: x\n") == [
            "1:1: error: name is required",
            "1:1: error: duration is required",
            "1:1: error: clients is required",
            "1:1: error: services is required",
        ])
    }

    @Test func topLevelValueErrors() {
        let text = """
            version: 2
            name: my app
            seed: -1
            duration: 10
            interval: 0s
            clients: []
            services: {}
            """
        #expect(DecodeFixture.messages(text) == [
            "1:10: error: version must be 1 (the only version of the format), not 2",
            "2:7: error: name may contain only letters, digits, '.', '_' and '-', not 'my app'",
            "3:7: error: seed must be a whole number from 0 to 18446744073709551615, not '-1'",
            "4:11: error: duration must be a duration: write 10s or 10ms, not 10 (a duration needs a unit: ns, us, ms, s, m, h)",
            "5:11: error: interval must be greater than 0s, not 0s",
            "6:10: error: clients must list at least one entry",
            "7:11: error: services must define at least one service",
        ])
    }

    @Test func warmupMustBeShorterThanDuration() {
        let text = DecodeFixture.header + "warmup: 10s\n" + DecodeFixture.client + DecodeFixture.service
        #expect(DecodeFixture.messages(text) == ["3:9: error: warmup must be shorter than duration"])
    }

    @Test func unknownTopLevelKeys() {
        let text = DecodeFixture.header + DecodeFixture.client + "servces: { orders: {} }\nfoo: 1\n"
        #expect(DecodeFixture.messages(text) == [
            "1:1: error: services is required",
            "4:1: error: unknown key 'servces' at the top level; did you mean 'services'?",
            "5:1: error: unknown key 'foo' at the top level; valid keys are: version, name, description, seed, duration, warmup, interval, gateway, clients, mesh, services, faults, rollout, variants, replications, sweep, metrics, assertions",
        ])
    }

    @Test func wrongShapes() {
        #expect(DecodeFixture.messages("- a\n- b\n") == ["1:1: error: a scenario must be a mapping, not a list"])
        #expect(DecodeFixture.messages("~\n") == ["1:1: error: the scenario is empty; it needs at least name, duration, clients and services"])
        let text = DecodeFixture.header + "clients: { web: 1 }\nservices: [orders]\n"
        #expect(DecodeFixture.messages(text) == [
            "3:10: error: clients must be a list, not a mapping",
            "4:11: error: services must be a mapping, not a list",
        ])
    }

    @Test func variantsKeepTheirValueNodes() throws {
        let text = DecodeFixture.header + DecodeFixture.client + DecodeFixture.service + """
            variants:
              gateway-only: { mesh.enabled: false }
              strict-limit: { "gateway.plugins[name=rate-limiting].config.minute": 100 }
              baseline: {}
            """
        let scenario = try #require(DecodeFixture.scenario(text))
        #expect(scenario.variants.map(\.name) == ["gateway-only", "strict-limit", "baseline"])
        #expect(scenario.variants[0].overrides.map(\.path) == ["mesh.enabled"])
        #expect(scenario.variants[0].overrides[0].value.value == .scalar("false", quoted: false))
        #expect(scenario.variants[1].overrides[0].path == "gateway.plugins[name=rate-limiting].config.minute")
        #expect(scenario.variants[1].overrides[0].value.value == .scalar("100", quoted: false))
        #expect(scenario.variants[2].overrides.isEmpty)
        #expect(scenario.variants[1].location == SourceLocation(file: "s.yaml", line: 7, column: 3))
    }

    /// compare writes a setup's reports to DIR/<variant>/: a name that is no folder there
    /// would fail the write after every setup had run.
    @Test(arguments: [".", "..", "a/b", "compare.csv", "compare-ci.csv", "report.html"])
    func aVariantNameMustBeAFolderName(name: String) throws {
        let text = DecodeFixture.header + DecodeFixture.client + DecodeFixture.service + "variants:\n  \"\(name)\": {}\n"
        let messages = DecodeFixture.messages(text)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("6:3: error: variant '\(name)' cannot be a folder name: compare writes its reports to DIR/<variant>/") == true)
    }

    @Test func assertionsGoThroughTheAssertionParser() throws {
        let text = DecodeFixture.header + DecodeFixture.client + DecodeFixture.service + """
            assertions:
              - p99 < 300ms
              - rollout == promoted
            """
        let scenario = try #require(DecodeFixture.scenario(text))
        #expect(scenario.assertions.map(\.metric) == [.p99, .rollout])
        #expect(scenario.assertions.map(\.op) == [.less, .equal])
        #expect(scenario.assertions[0].location == SourceLocation(file: "s.yaml", line: 6, column: 5))
    }

    @Test func assertionErrorsKeepTheParsersLocation() {
        let text = DecodeFixture.header + DecodeFixture.client + DecodeFixture.service + """
            assertions:
              - { p99: 1 }
              - nonsense
            """
        let messages = DecodeFixture.messages(text)
        #expect(messages.first == "6:5: error: assertions[0] must be a string, not a mapping")
        #expect(messages.count == 2)
        #expect(messages.last?.hasPrefix("7:") == true)
    }

    @Test func everyErrorIsCollectedInFileOrder() {
        let text = """
            name: t
            duration: 10s
            clients:
              - { name: web, rate: 10, target: orders }
              - { name: web, users: 0, target: orders }
            services:
              orders: { replicas: -1, errors: 5 }
            """
        #expect(DecodeFixture.messages(text) == [
            "4:24: error: clients[0].rate must be a rate such as 800/s, 50/m or 3600/h, not '10' (a rate needs a unit: 10/s, 10/m or 10/h)",
            "5:13: error: client name 'web' is used twice (first at line 4)",
            "5:25: error: clients[1].users must be at least 1, not 0",
            "7:23: error: services.orders.replicas must be at least 0, not -1",
            "7:35: error: services.orders.errors must be a percent: write 5% for five percent, not 5",
        ])
    }

    @Test func meshErrors() {
        let text = DecodeFixture.header + DecodeFixture.client + DecodeFixture.service + "mesh: { enabled: yes, mtls: strict, sidecarLatncy: 1ms }\n"
        #expect(DecodeFixture.messages(text) == [
            "5:18: error: mesh.enabled must be true or false, not 'yes'",
            "5:29: error: mesh.mtls must be one of STRICT, PERMISSIVE, DISABLE, not 'strict'; did you mean 'STRICT'?",
            "5:37: error: unknown key 'sidecarLatncy' in mesh; did you mean 'sidecarLatency'?",
        ])
    }

    /// `key:` with nothing after it is YAML's null: an optional field keeps its default, a
    /// required one is reported where the value is missing.
    @Test func emptyValuesMeanNotGiven() throws {
        let text = """
            name: t
            duration: 10s
            seed:
            gateway:
            clients:
              - name: web
                target: orders
                rate: 1/s
                timeout:
            services:
              orders:
            """
        let scenario = try #require(DecodeFixture.scenario(text))
        #expect(scenario.seed == 1)
        #expect(scenario.gateway == nil)
        #expect(scenario.clients[0].timeout == nil)
        #expect(scenario.services[0].versions[0].name == "default")
        #expect(DecodeFixture.messages("name:\nduration: 1s\n" + DecodeFixture.client + DecodeFixture.service) == [
            "1:6: error: name must not be empty",
        ])
    }
}
