import Testing
@testable import Scenario

/// `mesh.proxyCost`: the per-1000-requests/s figures of `meshsim compare`'s mesh cost estimate.
@Suite struct DecodeProxyCostTests {
    /// Lines 1–4 are the fixture's header, client and service; `mesh:` starts on line 5.
    private func text(_ mesh: String) -> String {
        DecodeFixture.header + DecodeFixture.client + DecodeFixture.service + mesh + "\n"
    }

    @Test func defaultsAreIstiosPublishedFigures() throws {
        // The figures: about 0.2 vCPU and 60 MB per 1000 requests/s per proxy.
        let bare = try #require(DecodeFixture.scenario(text("")))
        #expect(bare.mesh.proxyCost == Mesh.ProxyCost(cpu: 0.2, memory: 60))
        let enabled = try #require(DecodeFixture.scenario(text("mesh: { enabled: true }")))
        #expect(enabled.mesh.proxyCost.cpu == 0.2)
        #expect(enabled.mesh.proxyCost.memory == 60)
        #expect(Mesh().proxyCost == Mesh.ProxyCost(cpu: 0.2, memory: 60))
    }

    @Test func bothFiguresOverride() throws {
        let yaml = """
            mesh:
              enabled: true
              proxyCost:
                cpu: 0.35
                memory: 45.5
            """
        let scenario = try #require(DecodeFixture.scenario(text(yaml)))
        #expect(scenario.mesh.proxyCost == Mesh.ProxyCost(cpu: 0.35, memory: 45.5))
    }

    @Test func aFigureLeftOutKeepsItsDefault() throws {
        let cpuOnly = try #require(DecodeFixture.scenario(text("mesh: { proxyCost: { cpu: 0.35 } }")))
        #expect(cpuOnly.mesh.proxyCost == Mesh.ProxyCost(cpu: 0.35, memory: 60))
        let memoryOnly = try #require(DecodeFixture.scenario(text("mesh: { proxyCost: { memory: 1e2 } }")))
        #expect(memoryOnly.mesh.proxyCost == Mesh.ProxyCost(cpu: 0.2, memory: 100))
        let empty = try #require(DecodeFixture.scenario(text("mesh: { proxyCost: }")))
        #expect(empty.mesh.proxyCost == Mesh.ProxyCost(cpu: 0.2, memory: 60))
    }

    @Test func zeroIsAllowed() throws {
        let scenario = try #require(DecodeFixture.scenario(text("mesh: { proxyCost: { cpu: 0, memory: 0 } }")))
        #expect(scenario.mesh.proxyCost == Mesh.ProxyCost(cpu: 0, memory: 0))
    }

    @Test(arguments: [
        // "    cpu: " is 9 characters, so a value on line 8 starts at column 10.
        ("    cpu: -1", "8:10: error: mesh.proxyCost.cpu must not be negative, not -1"),
        ("    memory: -0.5", "8:13: error: mesh.proxyCost.memory must not be negative, not -0.5"),
        ("    cpu: lots", "8:10: error: mesh.proxyCost.cpu must be a number, not 'lots'"),
        ("    cpu: .inf", "8:10: error: mesh.proxyCost.cpu must be a number, not '.inf'"),
        ("    cpu: 1e400", "8:10: error: mesh.proxyCost.cpu must be a number, not '1e400'"),
        ("    cpu: 20%", "8:10: error: mesh.proxyCost.cpu is written as a plain number here: write 20, not 20%"),
        ("    cpu: [1]", "8:10: error: mesh.proxyCost.cpu must be a number, not a list"),
        ("    cpus: 0.3", "8:5: error: unknown key 'cpus' in mesh.proxyCost; did you mean 'cpu'?"),
        ("    mem: 30", "8:5: error: unknown key 'mem' in mesh.proxyCost; valid keys are: cpu, memory"),
    ])
    func badFiguresAreErrorsAtTheirValue(line: String, expected: String) {
        let yaml = "mesh:\n  enabled: true\n  proxyCost:\n" + line
        #expect(DecodeFixture.messages(text(yaml)) == [expected])
    }

    @Test func aMisspeltOrWrongSectionIsAnError() {
        #expect(DecodeFixture.messages(text("mesh:\n  proxyCosts: { cpu: 1 }")) == [
            "6:3: error: unknown key 'proxyCosts' in mesh; did you mean 'proxyCost'?",
        ])
        #expect(DecodeFixture.messages(text("mesh:\n  proxyCost: 0.2")) == [
            "6:14: error: mesh.proxyCost must be a mapping, not '0.2'",
        ])
    }

    // MARK: - Overrides

    private static let base = """
        name: t
        duration: 10s
        clients: [{ name: web, rate: 10/s, target: orders }]
        services: { orders: {} }
        mesh: { enabled: true }
        variants:
          pricey: { mesh.proxyCost.cpu: 0.35 }
          lean: { "mesh.proxyCost": { cpu: 0.1, memory: 20 } }
        """

    @Test func setOverridesAFigure() throws {
        let override = try Overrides.parseAssignment("mesh.proxyCost.cpu=0.35")
        let loaded = ScenarioLoader.load(text: Self.base, file: "s.yaml", overrides: [override])
        #expect(loaded.errors.isEmpty)
        #expect(loaded.scenario?.mesh.proxyCost == Mesh.ProxyCost(cpu: 0.35, memory: 60))
    }

    @Test func setReportsABadFigureInTheArgument() throws {
        // "mesh.proxyCost.memory=" is 22 characters; the value starts at column 23.
        let override = try Overrides.parseAssignment("mesh.proxyCost.memory=-5")
        let loaded = ScenarioLoader.load(text: Self.base, file: "s.yaml", overrides: [override])
        #expect(loaded.scenario == nil)
        #expect(loaded.errors.map(\.description) == ["--set:1:23: error: mesh.proxyCost.memory must not be negative, not -5"])
    }

    @Test func variantsOverrideFigures() throws {
        let loaded = ScenarioLoader.load(text: Self.base, file: "s.yaml")
        let scenario = try #require(loaded.scenario)
        #expect(scenario.mesh.proxyCost == Mesh.ProxyCost(cpu: 0.2, memory: 60))
        var costs: [String: Mesh.ProxyCost] = [:]
        for variant in scenario.variants {
            costs[variant.name] = ScenarioLoader.load(text: Self.base, file: "s.yaml", overrides: variant.overrides).scenario?.mesh.proxyCost
        }
        #expect(costs == ["pricey": Mesh.ProxyCost(cpu: 0.35, memory: 60), "lean": Mesh.ProxyCost(cpu: 0.1, memory: 20)])
    }

    @Test func aVariantWithABadFigureFailsValidation() {
        let text = Self.base + "\n  broken: { mesh.proxyCost.cpu: -1 }\n"
        let loaded = ScenarioLoader.load(text: text, file: "s.yaml")
        // The variant's value `-1` is on line 9 after "  broken: { mesh.proxyCost.cpu: " (32 characters).
        #expect(loaded.errors.map(\.description) == ["s.yaml:9:33: error: in variant 'broken': mesh.proxyCost.cpu must not be negative, not -1"])
    }
}
