import Engine
import Scenario
import Testing

/// Istio's series from whole runs, with counts and buckets worked out by hand.
@Suite struct MeshTelemetryTests {
    typealias T = TestScenarios
    typealias S = TelemetryScenario

    /// 10 requests a second, evenly spaced from t = 0, through a 2 ms gateway to orders
    /// (30 ms, then one call to stock, 3 ms); each sidecar adds 1 ms, so an attempt crosses 2 ms
    /// of sidecars. Nothing queues (100 ms between requests).
    private let chain = TelemetryScenario.chain(duration: "10s", interval: "5s", rate: "10/s")

    /// Per hop: kong → orders, source 2 + 30 + (2 + 3) = 37 ms, destination (from its pod)
    /// 35 ms; orders → stock, source 2 + 3 = 5 ms, destination 3 ms. Requests sent at 0 … 4.9 s
    /// end before the 5 s sample: 50 per interval, 100 in all.
    @Test func eachHopIsReportedOnceBySourceAndOnceByDestinationInItsBucket() throws {
        let result = try S.run(chain)
        let telemetry = try #require(result.telemetry)
        #expect(telemetry.sampleTimes == [5 * T.second, 10 * T.second])
        #expect(telemetry.meshBounds == [0.5, 1, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000])
        #expect(telemetry.mesh.count == 4)
        let bounds = telemetry.meshBounds.count
        func expectSeries(
            _ reporter: MeshTelemetrySeries.Reporter, _ source: String, _ sourceVersion: String?, _ service: String,
            firstBucket: Int, milliseconds: Double, sourceLocation: Testing.SourceLocation = #_sourceLocation
        ) {
            let series = S.mesh(telemetry, reporter, from: source, to: service)
            #expect(series.count == 1, sourceLocation: sourceLocation)
            guard let only = series.first else { return }
            #expect(only.sourceVersion == sourceVersion, sourceLocation: sourceLocation)
            #expect(only.destinationVersion == "v1", sourceLocation: sourceLocation)
            #expect(only.responseCode == 200 && only.responseFlags == "-" && only.mutualTLS, sourceLocation: sourceLocation)
            #expect(only.firstSample == 0, sourceLocation: sourceLocation)
            for (sample, count) in [(0, UInt64(50)), (1, UInt64(100))] {
                let expected = (0..<bounds).map { $0 < firstBucket ? UInt64(0) : count }
                #expect(only.points[sample] == HistogramPoint(buckets: expected, count: count, sum: Double(count) * milliseconds), sourceLocation: sourceLocation)
            }
        }
        // Buckets: 37 and 35 ms fall in le=50 (index 5), 5 ms in le=5 (≤ is inclusive), 3 ms in le=5.
        expectSeries(.source, "kong", nil, "orders", firstBucket: 5, milliseconds: 37)
        expectSeries(.destination, "kong", nil, "orders", firstBucket: 5, milliseconds: 35)
        expectSeries(.source, "orders", "v1", "stock", firstBucket: 2, milliseconds: 5)
        expectSeries(.destination, "orders", "v1", "stock", firstBucket: 2, milliseconds: 3)
    }

    @Test func theSamplesAreTheTimeseriesEndsAndTheLastPointsAddUpToTheSummary() throws {
        let result = try S.run(chain)
        let telemetry = try #require(result.telemetry)
        var ends: [Nanoseconds] = []
        for row in result.timeseries where ends.last != row.end { ends.append(row.end) }
        #expect(telemetry.sampleTimes == ends)
        let route = try #require(T.row(result, .route, "shop")).counts.requests
        #expect(S.total(S.mesh(telemetry, .source, from: "kong", to: "orders")) == UInt64(route))
        for service in ["orders", "stock"] {
            let version = try #require(T.row(result, .version, "\(service)/v1")).counts.requests
            #expect(S.total(telemetry.mesh.filter { $0.reporter == .destination && $0.destinationService == service }) == UInt64(version))
        }
    }

    /// Every attempt fails (errors 100%) and the VirtualService retries twice on 5xx: each of
    /// the 100 requests is one source report (500 URX, after its retries) and three
    /// destination reports (500 from the pod), so destination − source = the 200 retries.
    @Test func destinationReportsCountEveryRetryAndSourceReportsTheFinalAnswer() throws {
        let result = try S.run("""
            name: retries
            duration: 10s
            clients:
              - { name: load, target: s, rate: 10/s, arrival: uniform }
            mesh: { enabled: true }
            services:
              s:
                latency: 1ms
                errors: 100%
                versions: { v1: {} }
                http:
                  - route: [{ destination: { host: s } }]
                    retries: { attempts: 2, retryOn: 5xx }
            """)
        let telemetry = try #require(result.telemetry)
        // A client that calls a service through its own sidecar is its own source workload.
        let source = S.mesh(telemetry, .source, from: "load", to: "s")
        #expect(source.map { "\($0.responseCode) \($0.responseFlags) \($0.destinationVersion)" } == ["500 URX v1"])
        #expect(source.first?.sourceVersion == nil)
        #expect(S.total(source) == 100)
        let destination = S.mesh(telemetry, .destination, from: "load", to: "s")
        #expect(destination.map { "\($0.responseCode) \($0.responseFlags)" } == ["500 -"])
        #expect(S.total(destination) == 300)
        let version = try #require(T.row(result, .version, "s/v1")).counts
        #expect(S.total(destination) - S.total(source) == UInt64(version.retries))
        #expect(version.retries == 200)
        // Each attempt spends 1 ms at the pod: the destination's sum is 300 ms.
        #expect(destination.first?.points.last?.sum == 300)
    }

    @Test func withoutTheMeshThereAreNoMeshSeries() throws {
        let result = try S.run("""
            name: plain
            duration: 2s
            interval: 1s
            clients:
              - { name: load, target: s, rate: 10/s, arrival: uniform }
            services:
              s: { latency: 1ms }
            """)
        let telemetry = try #require(result.telemetry)
        #expect(telemetry.mesh.isEmpty)
        #expect(telemetry.gatewayRequests.isEmpty)
        #expect(telemetry.sampleTimes == [T.second, 2 * T.second])
    }
}
