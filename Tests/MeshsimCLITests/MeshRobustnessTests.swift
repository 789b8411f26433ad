import Foundation
import MeshsimCLI
import Testing

/// Minimised finds of fuzzing the service mesh: every input must end in exit 0/1, or exit 2 with
/// `FILE:LINE:COLUMN: error: ...`, never a trap, a signal, a run that does not end or one that
/// eats the machine's memory. The first tests reproduce problems the fuzzer found (now fixed);
/// the rest keep extreme mesh values from regressing into traps.
@Suite struct MeshRobustnessTests {
    typealias Outcome = ScratchRun.Outcome
    static let maxDuration = ScratchRun.maxDuration

    func meshsim(_ command: String, _ text: String) throws -> Outcome { try ScratchRun.meshsim(command, text) }
    func expectBadInput(_ outcome: Outcome, sourceLocation: SourceLocation = #_sourceLocation) { ScratchRun.expectBadInput(outcome, sourceLocation: sourceLocation) }

    /// Exit 2 with `message` at `location` of the scratch file.
    func expectRefused(_ outcome: Outcome, at location: String, saying message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.code == .badInput, sourceLocation: sourceLocation)
        #expect(outcome.err.contains("s.yaml:\(location)") && outcome.err.contains(message), "\(outcome.err)", sourceLocation: sourceLocation)
    }

    /// A run that simulated (exit 0; these scenarios have no assertions) and ended in time.
    func expectRan(_ outcome: Outcome, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.code == .success, "\(outcome.err)", sourceLocation: sourceLocation)
    }

    /// A one-service mesh scenario; `service` is the body of `services.s`, indented by four spaces.
    static func mesh(_ service: String, client: String = "{ name: c, target: s, rate: 10/s, arrival: uniform }") -> String {
        """
        name: t
        duration: 1s
        clients:
          - \(client)
        mesh: { enabled: true }
        services:
          s:
        \(service)
        """
    }

    // MARK: open problems

    /// An outlier detector re-arms its interval timer while any call is alive (Simulation+Outlier.swift:26),
    /// so a call that outlives the run by hours makes the drain close a time-series interval every 10 s:
    /// with a hang that never ends this runs until memory is gone. A detector that can never eject
    /// (one host, maxEjectionPercent 10) must leave every report as it is without one.
    @Test func anOutlierDetectorThatCannotEjectLeavesTheTimeSeriesAlone() throws {
        let plain = Self.mesh("    latency: 2h", client: "{ name: c, target: s, rate: 1/s, arrival: uniform }")
        let detecting = Self.mesh(
            "    latency: 2h\n    trafficPolicy: { outlierDetection: {} }", client: "{ name: c, target: s, rate: 1/s, arrival: uniform }")
        let without = try meshsim("run", plain)
        let with = try meshsim("run", detecting)
        expectRan(without)
        expectRan(with)
        let withRows = try #require(with.timeseries), withoutRows = try #require(without.timeseries)
        #expect(withRows.split(separator: "\n").count == withoutRows.split(separator: "\n").count)
        #expect(withRows == withoutRows, "timeseries.csv differs")
    }

    /// `interval: 1ns` would tick every detector 10^9 times per simulated second; Istio refuses
    /// intervals under 1 ms, and so does meshsim.
    @Test func anOutlierIntervalOfOneNanosecondIsRefused() throws {
        let text = """
            name: t
            duration: 1ms
            clients:
              - { name: c, target: s, rate: 1000/s, arrival: uniform }
            mesh: { enabled: true }
            services:
              s:
                trafficPolicy: { outlierDetection: { interval: 1ns } }
            """
        expectRefused(try meshsim("run", text), at: "8:", saying: "interval must be at least 1ms, not 1ns")
    }

    /// The rollout's `analysis.interval: 1ns` would write a `rollout_check_failed` event per
    /// nanosecond while nothing reaches the canary (a 10 ms run needed 1.8 GB): refused below 1 s.
    @Test func aRolloutAnalysisIntervalOfOneNanosecondIsRefused() throws {
        let text = """
            name: t
            duration: 100us
            clients:
              - { name: c, target: s, rate: 10000/s, arrival: uniform }
            mesh: { enabled: true }
            services:
              s:
                versions: { v1: {}, v2: {} }
                http:
                  - route: [{ destination: { subset: v1 }, weight: 100 }, { destination: { subset: v2 }, weight: 0 }]
            rollout:
              service: s
              stable: v1
              canary: v2
              analysis: { interval: 1ns, threshold: 1000000000, stepWeight: 1, maxWeight: 50 }
            """
        expectRefused(try meshsim("run", text), at: "15:", saying: "interval must be at least 1s, not 1ns")
    }

    /// a calls b, and b's VirtualService sends b's traffic to a: every request recurses a → a → …
    /// until a's concurrency is used up, then deadlocks and ends as a client timeout. The cycle
    /// check (CallGraphChecks.swift:7-18) follows `calls` only, not `http` destinations (nor
    /// mirrors, where the same cycle never ends); it must be refused like a cycle of calls.
    @Test func aCycleThroughAVirtualServiceDestinationIsRefused() throws {
        let text = """
            name: t
            duration: 1s
            clients:
              - { name: c, target: a, rate: 1/s, arrival: uniform }
            mesh: { enabled: true }
            services:
              a: { latency: 1ms, calls: [{ service: b }] }
              b:
                http:
                  - route: [{ destination: { host: a } }]
            """
        expectRefused(try meshsim("run", text), at: "7:30: error: ", saying: "calls form a cycle: a → a")
    }

    // MARK: extreme mesh values that must keep running

    /// The most retries meshsim simulates (1,000) on a destination that always fails stop at the
    /// route timeout, and at the client's timeout when the route has none (Envoy stops retrying
    /// once the downstream is gone).
    @Test(arguments: [
        "        timeout: 1s\n        retries: { attempts: 1000, perTryTimeout: 1ns, retryOn: \"5xx,reset\" }",
        "        retries: { attempts: 1000, retryOn: 5xx }",
    ])
    func unboundedRetriesEndAtATimeout(rule: String) throws {
        let service = "    errors: 100%\n    http:\n      - route: [{ destination: { host: s } }]\n\(rule)"
        expectRan(try meshsim("run", Self.mesh(service, client: "{ name: c, target: s, rate: 10/s, arrival: uniform, timeout: 1s }")))
    }

    /// Durations at the top of the range in every mesh field that adds to the clock saturate
    /// instead of trapping.
    @Test(arguments: [
        "    http:\n      - route: [{ destination: { host: s } }]\n        fault: { delay: { percentage: { value: 100 }, fixedDelay: \(maxDuration) }, abort: { percentage: { value: 100 }, httpStatus: 503 } }",
        "    http:\n      - route: [{ destination: { host: s } }]\n        timeout: \(maxDuration)\n        retries: { attempts: 3, perTryTimeout: \(maxDuration), retryOn: 5xx }",
        "    errors: 100%\n    trafficPolicy: { outlierDetection: { consecutive5xxErrors: 1, interval: \(maxDuration), baseEjectionTime: \(maxDuration), maxEjectionPercent: 100 } }",
    ])
    func maximalMeshDurationsDoNotTrap(service: String) throws {
        expectRan(try meshsim("run", Self.mesh(service)))
    }

    @Test func maximalSidecarAndMTLSLatenciesDoNotTrap() throws {
        let text = """
            name: t
            duration: 1s
            clients:
              - { name: c, target: s, rate: 10/s }
            mesh: { enabled: true, sidecarLatency: \(Self.maxDuration), mtls: STRICT, mtlsLatency: \(Self.maxDuration) }
            services:
              s: { calls: [{ service: u }] }
              u: {}
            """
        expectRan(try meshsim("run", text))
    }

    /// Every host ejected for ~292 years with a consistent hash on a header no request carries:
    /// the sidecar answers 503 UH without looping over the ring.
    @Test func aConsistentHashWithEveryHostEjectedAnswersAtOnce() throws {
        let service = """
                replicas: 3
                errors: 100%
                http:
                  - route: [{ destination: { host: s } }]
                    retries: { attempts: 5, retryOn: 5xx }
                trafficPolicy:
                  loadBalancer: { consistentHash: { httpHeaderName: x-user } }
                  outlierDetection: { consecutive5xxErrors: 1, interval: 1ms, baseEjectionTime: \(Self.maxDuration), maxEjectionPercent: 100 }
            """
        let outcome = try meshsim("run", Self.mesh(service))
        expectRan(outcome)
        // 10 uniform requests in 1 s; once the 3 hosts have failed once each, all are ejected.
        #expect(outcome.responses?.contains("\ntotal,all,503,UH,10\n") == true, "\(outcome.responses ?? "no responses.csv")")
    }

    /// All-zero weights (Istio would reject the rule; validate warns), a mirror to the service
    /// itself and to a subset, and a circuit breaker of one connection, one pending request and
    /// one retry in flight.
    @Test func degenerateRoutesMirrorsAndBreakersRun() throws {
        let zeroWeights = """
                versions: { v1: {}, v2: {} }
                http:
                  - route: [{ destination: { subset: v1 }, weight: 0 }, { destination: { subset: v2 }, weight: 0 }]
            """
        let mirrorsAndBreaker = """
                replicas: 2
                latency: 10ms
                errors: 50%
                versions: { v1: {}, v2: {} }
                http:
                  - route: [{ destination: { subset: v1 } }]
                    mirror: { host: s }
                    mirrorPercentage: { value: 100 }
                    retries: { attempts: 3, retryOn: 5xx }
                  - route: [{ destination: { subset: v2 } }]
                    mirror: { subset: v2 }
                trafficPolicy:
                  connectionPool:
                    tcp: { maxConnections: 1 }
                    http: { http1MaxPendingRequests: 1, http2MaxRequests: 1, maxRetries: 1 }
            """
        expectRan(try meshsim("run", Self.mesh(zeroWeights)))
        expectRan(try meshsim("run", Self.mesh(mirrorsAndBreaker, client: "{ name: c, target: s, rate: 50/s, arrival: uniform }")))
    }

    /// Kong's 1 ns timeout around the mesh hop, its 5 retries, a partition from the gateway and a
    /// hang on the service that never ends: every request ends with Kong's 504.
    @Test func kongTimeoutsAroundAPartitionedHungServiceEnd() throws {
        let text = """
            name: t
            duration: 1s
            clients:
              - { name: c, rate: 10/s, arrival: uniform }
            gateway:
              routes: [{ name: r, paths: [/], service: s, timeout: 1ns, retries: 5 }]
            mesh: { enabled: true }
            services:
              s: { latency: 1ms }
            faults:
              - { at: 0s, target: s, kind: partition, from: gateway, to: s }
              - { at: 0s, target: s, kind: hang }
            """
        let outcome = try meshsim("run", text)
        expectRan(outcome)
        #expect(outcome.responses?.contains("\ntotal,all,504,UT,10\n") == true, "\(outcome.responses ?? "no responses.csv")")
    }

    /// `compare` over variants that switch the mesh off, empty the VirtualService, drop the
    /// DestinationRule and starve a subset, while one version crashes.
    @Test func compareAcrossMeshVariantsRuns() throws {
        let text = """
            name: t
            duration: 1s
            clients:
              - { name: c, rate: 20/s, arrival: uniform }
            gateway:
              routes: [{ name: r, paths: [/], service: s }]
            mesh: { enabled: true, sidecarLatency: 1ms }
            services:
              s:
                replicas: 2
                latency: 5ms
                versions: { v1: {}, v2: {} }
                http:
                  - route: [{ destination: { subset: v1 }, weight: 50 }, { destination: { subset: v2 }, weight: 50 }]
                    mirror: { host: s, subset: v2 }
                trafficPolicy:
                  outlierDetection: { consecutive5xxErrors: 1, maxEjectionPercent: 100 }
            faults:
              - { at: 200ms, duration: 300ms, target: s/v1, kind: crash }
            variants:
              gateway-only: { mesh.enabled: false }
              no-rules: { services.s.http: [] }
              no-policy: { services.s.trafficPolicy: {} }
              all-to-v2: { "services.s.http[0].route[0].weight": 0 }
              no-mtls: { mesh.mtls: DISABLE }
            """
        let outcome = try meshsim("compare", text)
        #expect(outcome.code == .success, "\(outcome.err)")
    }

    // MARK: out-of-range mesh values are located errors

    /// Each fragment sits on line 9 of the scenario; the error must point at `marker` on that line.
    @Test(arguments: [
        ("http: [{ route: [{ destination: { subset: v1 }, weight: 101 }, { destination: { subset: v2 } }] }]", "101 }"),
        ("http: [{ route: [{ destination: { subset: v1 }, weight: -1 }, { destination: { subset: v2 } }] }]", "-1 }"),
        ("http: [{ route: [{ destination: { subset: v3 } }] }]", "{ destination"),
        ("http: [{ route: [{ destination: { subset: v1 } }], mirror: { host: s }, mirrorPercentage: { value: 150 } }]", "150"),
        ("http: [{ route: [{ destination: { subset: v1 } }], mirror: { host: s }, mirrorPercentage: { value: .nan } }]", ".nan"),
        ("http: [{ route: [{ destination: { subset: v1 } }], fault: { delay: { fixedDelay: 1s, percentage: { value: .nan } } } }]", ".nan"),
        ("http: [{ route: [{ destination: { subset: v1 } }], fault: { delay: { fixedDelay: -1s, percentage: { value: 100 } } } }]", "-1s"),
        ("http: [{ route: [{ destination: { subset: v1 } }], fault: { abort: { httpStatus: 600, percentage: { value: 100 } } } }]", "600"),
        ("http: [{ route: [{ destination: { subset: v1 } }], retries: { attempts: -1 } }]", "-1"),
        ("http: [{ route: [{ destination: { subset: v1 } }], retries: { attempts: 2147483648 } }]", "2147483648"),
        ("http: [{ route: [{ destination: { subset: v1 } }], retries: { attempts: 2, perTryTimeout: 0s } }]", "0s"),
        ("http: [{ route: [{ destination: { subset: v1 } }], timeout: -1s }]", "-1s"),
        ("trafficPolicy: { outlierDetection: { interval: 0s } }", "0s"),
        ("trafficPolicy: { outlierDetection: { baseEjectionTime: 0s } }", "0s"),
        ("trafficPolicy: { outlierDetection: { maxEjectionPercent: 101 } }", "101"),
        ("trafficPolicy: { outlierDetection: { minHealthPercent: 101 } }", "101"),
        ("trafficPolicy: { outlierDetection: { consecutive5xxErrors: 4294967296 } }", "4294967296"),
        ("trafficPolicy: { connectionPool: { tcp: { maxConnections: 2147483648 } } }", "2147483648"),
        ("trafficPolicy: { connectionPool: { http: { maxRetries: -1 } } }", "-1"),
        ("trafficPolicy: { loadBalancer: { consistentHash: { httpHeaderName: \"\" } } }", "\"\""),
    ])
    func outOfRangeMeshValuesAreLocatedErrors(fragment: String, marker: String) throws {
        let text = "name: t\nduration: 1s\nclients:\n  - { name: c, target: s, rate: 2/s, arrival: uniform }\nmesh: { enabled: true }\n"
            + "services:\n  s:\n    versions: { v1: {}, v2: {} }\n    \(fragment)\n"
        let offset = try #require(fragment.range(of: marker)).lowerBound.utf16Offset(in: fragment)
        let outcome = try meshsim("run", text)
        #expect(outcome.code == .badInput)
        #expect(outcome.err.contains("s.yaml:9:\(4 + offset + 1): error: "), "\(outcome.err)")
    }
}
