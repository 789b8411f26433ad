import MeshsimCLI
import Testing

/// `meshsim validate`: `--strict`, variants linted as the base is, and the examples of issue
/// 16 (counts beyond their bounds, overload) as errors and warnings rather than traps.
@Suite struct ValidateCommandTests {
    typealias Workspace = CommandTests.Workspace

    /// 20 s with a 10 s warmup draws one warning; the variants add what their overrides cause.
    static let scenario = """
        name: t
        duration: 20s
        warmup: 10s
        clients:
          - { name: web, target: api, rate: 50/s }
        services:
          api: { replicas: 2, concurrency: 4, latency: 5ms }
        variants:
          same: { "clients[0].rate": 60/s }
          slow: { services.api.latency: 1s }
        """

    @Test func strictFailsOnWarningsAfterPrintingThem() throws {
        let workspace = try Workspace(["s.yaml": Self.scenario])
        let path = workspace.path("s.yaml")
        let warmup = "\(path):3:1: warning: warmup 10s is at least half of duration 20s, so most of the run is not counted"
        let relaxed = meshsim("validate", path)
        #expect(relaxed.code == .success)
        #expect(relaxed.out.contains(warmup))
        let strict = meshsim("validate", "--strict", path)
        #expect(strict.code == .badInput)
        #expect(strict.out == relaxed.out)
        #expect(strict.err.contains("(--strict: the warnings fail the check)"))
        // Without warnings --strict passes.
        let clean = try Workspace(["c.yaml": CommandTests.scenario])
        #expect(meshsim("validate", "--strict", clean.path("c.yaml")).code == .success)
    }

    /// The base's warning is printed once, not once per variant; the slow variant's overload
    /// (50/s against 2 × 4 / 1 s = 8/s) is labelled with its name and keeps its position.
    @Test func eachVariantIsLintedAndLabelled() throws {
        let workspace = try Workspace(["s.yaml": Self.scenario])
        let path = workspace.path("s.yaml")
        let result = meshsim("validate", path)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines == [
            "\(path):3:1: warning: warmup 10s is at least half of duration 20s, so most of the run is not counted",
            "\(path):7:8: warning: in variant 'slow': api receives 50 req/s against a capacity of 8 req/s and its queue is unlimited: "
                + "it will grow by ~42 requests per second; add replicas or concurrency, lower the load, or set a queue limit",
        ])
        #expect(result.err.contains("1 file checked: 0 errors, 2 warnings"))
    }

    /// 150 variants that each overload api add 150 warnings: the first 100 are printed, as a
    /// file's own are, then a line counts the rest, and the total counts them all.
    @Test func theVariantsWarningsAreCappedLikeTheFilesOwn() throws {
        let variants = (1...150).map { "  v\($0): { services.api.latency: \($0 + 1)s }" }.joined(separator: "\n")
        let text = """
            name: t
            duration: 20s
            clients:
              - { name: web, target: api, rate: 50/s }
            services:
              api: { replicas: 2, concurrency: 4, latency: 5ms }
            variants:

            """ + variants + "\n"
        let workspace = try Workspace(["s.yaml": text])
        let path = workspace.path("s.yaml")
        let result = meshsim("validate", path)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 101)
        #expect(lines.first?.hasPrefix("\(path):6:8: warning: in variant 'v1': api receives 50 req/s") == true)
        #expect(lines.last == "\(path): 50 more warnings not shown (in variants)")
        #expect(result.err.contains("1 file checked: 0 errors, 150 warnings"))
    }

    /// Issue 16: a million source addresses is the bound and passes; 2^63 - 1 addresses behind a
    /// rate-limiting plugin passed validation and corrupted the heap in run.
    @Test func clientAddressesAreBounded() throws {
        func text(_ addresses: String) -> String {
            """
            name: t
            duration: 1s
            clients:
              - { name: c, rate: 1/s, addresses: \(addresses) }
            gateway:
              plugins:
                - { name: rate-limiting, config: { second: 5, limit_by: ip, policy: local } }
              routes: [{ name: r, paths: [/], service: api }]
            services:
              api: {}
            """
        }
        #expect(try ScratchRun.meshsim("validate", text("1000000")).code == .success)
        let refused = try ScratchRun.meshsim("validate", text("9223372036854775807"))
        #expect(refused.code == .badInput)
        #expect(refused.err.contains(
            "s.yaml:4:5: error: clients[0].addresses: 9223372036854775807 is more than the 1,000,000 source addresses meshsim simulates per client"))
    }

    /// Issue 16: 2^63 - 1 replicas with outlier detection trapped on overflow in a lint.
    @Test func replicasAreBoundedBeforeTheOutlierCheckMultipliesThem() throws {
        func text(_ replicas: String) -> String {
            """
            name: t
            duration: 1s
            clients:
              - { name: c, target: api, rate: 1/s }
            mesh: { enabled: true }
            services:
              api:
                replicas: \(replicas)
                trafficPolicy:
                  outlierDetection: { consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s }
            """
        }
        #expect(try ScratchRun.meshsim("validate", text("100000")).code == .success)
        let refused = try ScratchRun.meshsim("validate", text("9223372036854775807"))
        #expect(refused.code == .badInput)
        #expect(refused.err.contains(
            "s.yaml:8:5: error: services.api.replicas: 9223372036854775807 is more than the 100,000 instances meshsim simulates per service"))
    }

    /// Issue 16: five lines sending a million requests a second to one 1 ms server.
    @Test func anOverloadedUnlimitedQueueWarnsAndFailsStrict() throws {
        let workspace = try Workspace(["s.yaml": """
            name: t
            duration: 10s
            clients: [{ name: c, target: api, rate: 1000000/s }]
            services:
              api: { latency: 1ms }
            """])
        let path = workspace.path("s.yaml")
        let result = meshsim("validate", path)
        #expect(result.code == .success)
        #expect(result.out == "\(path):5:8: warning: api receives 1,000,000 req/s against a capacity of 1,000 req/s and its queue is "
            + "unlimited: it will grow by ~999,000 requests per second; add replicas or concurrency, lower the load, or set a queue limit\n")
        #expect(meshsim("validate", "--strict", path).code == .badInput)
    }

    /// Issue 16: a straight chain of about 5,500 services overflowed the stack. 10,000, the
    /// bound, validate; 10,001 are refused at once.
    @Test(arguments: [10_000, 10_001])
    func aLongChainOfServicesEndsInAnAnswer(length: Int) throws {
        let services = (0..<length).map { index in
            index < length - 1 ? "  s\(index): { calls: [{ service: s\(index + 1) }] }" : "  s\(index): {}"
        }
        let text = "name: t\nduration: 1s\nclients: [{ name: c, target: s0, rate: 1/s }]\nmesh: { enabled: true }\nservices:\n"
            + services.joined(separator: "\n") + "\n"
        let outcome = try ScratchRun.meshsim("validate", text)
        if length == 10_000 {
            #expect(outcome.code == .success)
            #expect(outcome.err == "meshsim: 10,000 services, 10,000 versions, 10,000 instances, 1 client, 0 routes\n1 file checked: 0 errors, 0 warnings\n")
        } else {
            #expect(outcome.code == .badInput)
            #expect(outcome.err.contains("s.yaml:5:1: error: services has 10,001 entries, more than the 10,000 services meshsim simulates"))
        }
    }

    @Test func strictIsAFlagOfValidate() throws {
        #expect(try ArgumentParser.parse(["validate", "--strict", "a.yaml"]) == .validate(paths: ["a.yaml"], strict: true))
        #expect(try ArgumentParser.parse(["validate", "a.yaml"]) == .validate(paths: ["a.yaml"], strict: false))
        #expect(meshsim("validate", "--strict=yes", "a.yaml").code == .badInput)
    }

    /// Issue 18: each value of `sweep:` is checked as the override it becomes, before anything
    /// runs; a misspelt client name is reported at each value, with a suggestion.
    @Test func eachSweepValueIsCheckedAtItsPlace() throws {
        let text = """
            name: t
            duration: 10s
            clients:
              - { name: web, target: api, rate: 50/s }
            services:
              api: { replicas: 2, concurrency: 4, latency: 5ms }
            sweep:
              clients[name=wbe].rate: [200/s, 400/s]
              services.api.replicas: [2, zero]
            """
        let workspace = try Workspace(["s.yaml": text])
        let path = workspace.path("s.yaml")
        let result = meshsim("validate", path)
        #expect(result.code == .badInput)
        #expect(result.out.split(separator: "\n").map(String.init) == [
            "\(path):8:28: error: in sweep clients[name=wbe].rate[0] (200/s): cannot set clients[name=wbe].rate: no entry of clients is named \"wbe\"; did you mean \"web\"?",
            "\(path):8:35: error: in sweep clients[name=wbe].rate[1] (400/s): cannot set clients[name=wbe].rate: no entry of clients is named \"wbe\"; did you mean \"web\"?",
            "\(path):9:30: error: in sweep services.api.replicas[1] (zero): services.api.replicas must be a whole number, not 'zero'",
        ])
        #expect(result.err.contains("1 file checked: 3 errors, 0 warnings"))
    }
}
