import Engine
import Experiments
import Scenario
import Testing

@testable import Reports

/// A shard's partial folder is read back exactly as written, and anything else is refused
/// without a crash: merge reads what users hand it.
@Suite struct PartialFolderTests {
    static let outcomes = [
        UnitOutcome(
            unit: 4,
            summary: [
                ScopeSummary(
                    scope: .total, name: "all", counts: ScopeCounts(requests: 1200, ok: 1190, errors: 10, retries: 3),
                    latency: LatencySummary(p50: 1_234_567, p90: 2_000_000, p95: 2_500_001, p99: 9_210_340, p999: 12_000_000, max: 40_000_000, mean: 0.1 + 0.2),
                    ejections: 2, cacheHits: 640),
                ScopeSummary(scope: .client, name: "web, \"quoted\"\nline", counts: ScopeCounts(), latency: nil),
            ],
            countedDuration: 59_000_000_000, rollout: "promoted",
            assertions: [
                AssertionMeasurement(value: .number(9_210_340), text: "9.210 ms", passed: true),
                AssertionMeasurement(value: .number(1.0 / 3.0), text: "33.33%", passed: false),
                AssertionMeasurement(value: .word("promoted"), text: "promoted", passed: true),
                AssertionMeasurement(value: .absent("no requests"), text: "no requests", passed: false),
            ],
            mesh: MeshUsage(proxies: 7, sidecarPasses: 4800, addedLatency: 1_500_000_000, clientRequests: 1200, duration: 60_000_000_000),
            proxyCost: Mesh.ProxyCost(cpu: 0.35, memory: 41.5),
            texts: ["terminal": "scope  name\ntotal  all\n"],
            timeseries: [
                TimeseriesRow(
                    end: 5_000_000_000, scope: .total, name: "all", requests: 3, rps: 0.1 + 0.2, ok: 1, errors: 2, rateLimited: 0, timeouts: 1,
                    p50: 1_234_567, p99: 9_210_340, ejected: nil, weight: nil),
                TimeseriesRow(
                    end: 5_000_000_000, scope: .client, name: "web, \"quoted\"\nline", requests: 0, rps: 0, ok: 0, errors: 0, rateLimited: 0,
                    p50: nil, p99: nil, ejected: nil, weight: nil),
                TimeseriesRow(
                    end: 10_000_000_000, scope: .version, name: "orders/v2 <b>&amp;</b>", requests: 7, rps: 1.4, ok: 7, errors: 0,
                    rateLimited: 0, p50: 0, p99: 1, ejected: 0, weight: 100.0 / 3.0),
            ],
            events: [
                EventRecord(time: 2_000_000_000, kind: "fault_start", target: "db,\"down\"", detail: "abort 100% of orders\nwith 503; '<x>'"),
                EventRecord(time: 4_500_000_001, kind: "fault_end", target: "", detail: ""),
            ],
            duration: 10_000_000_000, interval: 5_000_000_000),
        UnitOutcome(unit: 9, summary: [], countedDuration: 0),
        UnitOutcome(unit: 10, summary: [], countedDuration: 0, interval: 1),
    ]

    @Test func outcomesReadBackEqualToThoseWritten() throws {
        let text = OutcomeCodec.csv(Self.outcomes)
        let read = try OutcomeCodec.outcomes(text).get()
        #expect(read == Self.outcomes)
        // 0.1 + 0.2 is not 0.3 in binary; the mean must come back as the very same double.
        #expect(read[0].summary[0].latency?.mean == 0.1 + 0.2)
        #expect(read[0].timeseries[0].rps == 0.1 + 0.2 && read[0].timeseries[2].weight == 100.0 / 3.0)
        #expect(read[0].timeseries[1].p50 == nil && read[0].timeseries[2].ejected == 0)
        #expect(read[0].events[0].detail == "abort 100% of orders\nwith 503; '<x>'")
        #expect(read[2].duration == 0 && read[2].interval == 1)
    }

    @Test(arguments: [
        "", "unit,kind\n", "unit,kind,fields\n4,scope,total,all\n", "unit,kind,fields\nx,run,0,,0,0.2,60\n",
        "unit,kind,fields\n1,run,0,,2,0.2,60\n", "unit,kind,fields\n1,run,0,,0,0.2,60\n1,scope,total,all,1,1,0,0,0,0,0,0,0,1,2\n",
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,assertion,number,abc,t,1\n", "unit,kind,fields\n\"unclosed\n",
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,mesh,1,2,3,4\n", "unit,kind,fields\n1,run,0,,0,0.2,60\n2,text,a,b\n",
        // Values no run writes: negative counts, durations and latencies, numbers that are not finite.
        "unit,kind,fields\n1,run,-1,,0,0.2,60\n", "unit,kind,fields\n1,run,0,,0,nan,60\n",
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,assertion,number,inf,t,1\n",
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,scope,total,all,-1,0,0,0,0,0,0,0,0,0\n",
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,scope,total,all,1,1,0,0,0,0,0,0,0,0,-5,2,3,4,5,6,1.0\n",
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,scope,total,all,1,1,0,0,0,0,0,0,0,0,1,2,3,4,5,6,nan\n",
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,mesh,1,2,-3,4,5\n",
        // Rows of the intervals and fault events a run without a sweep keeps.
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,clock,10,-5\n", "unit,kind,fields\n1,run,0,,0,0.2,60\n1,clock,10\n",
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,series,5,total,all,1,0.2,1,0,0,0,1,2,\n",
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,series,5,everything,all,1,0.2,1,0,0,0,1,2,,\n",
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,series,5,total,all,1,nan,1,0,0,0,1,2,,\n",
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,series,5,total,all,1,0.2,1,0,0,0,-1,2,,\n",
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,series,5,total,all,1,0.2,1,0,0,0,1,2,x,\n",
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,series,5,version,v1,1,0.2,1,0,0,0,1,2,0,inf\n",
        "unit,kind,fields\n1,run,0,,0,0.2,60\n1,event,-1,fault_start,db,x\n", "unit,kind,fields\n1,run,0,,0,0.2,60\n1,event,1,fault_start,db\n",
        "unit,kind,fields\n2,event,1,fault_start,db,x\n",
    ])
    func malformedOutcomesAreRefusedWithALine(text: String) {
        #expect(throws: OutcomeCodec.Malformed.self) { try OutcomeCodec.outcomes(text).get() }
    }

    /// The rows the malformed cases above each spoil in one place.
    @Test func theUnspoiledRowsRead() throws {
        let text = "unit,kind,fields\n1,run,0,,0,0.2,60\n1,clock,10,5\n1,series,5,total,all,1,0.2,1,0,0,0,1,2,,\n"
            + "1,series,5,version,v1,1,0.2,1,0,0,0,1,2,0,25\n1,event,1,fault_start,db,x\n"
        let outcome = try #require(try OutcomeCodec.outcomes(text).get().first)
        #expect(outcome.duration == 10 && outcome.interval == 5 && outcome.events.count == 1)
        #expect(outcome.timeseries.map(\.weight) == [nil, 25] && outcome.timeseries[0].p99 == 2)
    }

    @Test func theManifestReadsBackAndPartsOfOneExperimentShareEverythingButTheShard() throws {
        let plan = ExperimentPlan(
            command: .compare, scenarioName: "shop", seed: 17,
            setups: [.init(name: "mesh", assertions: ["p99 < 300ms", "error_rate < 1%"]), .init(name: "gateway-only", assertions: [])],
            axes: [.init(path: "clients[name=web].rate", values: ["200/s", "400/s"]), .init(path: "mesh.mtls", values: ["{a: 1, b: 2}"])],
            replications: 5, keepUnits: true)
        let manifest = PartialManifest(plan: plan, fingerprint: "00ff", inconclusive: .pass, shard: try #require(Shard(index: 2, count: 3)), version: "0.1.0")
        let read = try #require(PartialManifest(csv: manifest.csv))
        #expect(read == manifest)
        var other = manifest
        other.shard = try #require(Shard(index: 3, count: 3))
        #expect(other.experiment == manifest.experiment)
        other.plan.replications = 6
        #expect(other.experiment != manifest.experiment)
    }

    @Test(arguments: [
        "", "key,value\n", "key,value\nformat,meshsim-partial 1\n", "key,value\nformat,meshsim-partial 2\nshard,1,1\n",
        "key,value\nformat,meshsim-partial 1\nmeshsim,0.1.0\nfingerprint,0\ncommand,run\nscenario,s\nseed,1\nreplications,0\nkeep,no\ninconclusive,fail\nsetup,s\nshard,1,1\n",
        "key,value\nformat,meshsim-partial 1\nmeshsim,0.1.0\nfingerprint,0\ncommand,run\nscenario,s\nseed,1\nreplications,2\nkeep,no\ninconclusive,fail\nsetup,s\nshard,2,1\n",
        "key,value\nformat,meshsim-partial 1\nmeshsim,0.1.0\nfingerprint,0\ncommand,run\nscenario,s\nseed,1\nreplications,2\nkeep,no\ninconclusive,fail\nshard,1,1\n",
    ] + ["setup,..\n", "setup,.\n", "setup,\n", "setup,a/b\n", "setup,a\nsetup,a\n"].map {
        // A compare's setups name folders of the merged reports: one plain path part each, once.
        "key,value\nformat,meshsim-partial 1\nmeshsim,0.1.0\nfingerprint,0\ncommand,compare\nscenario,s\nseed,1\nreplications,2\nkeep,no\ninconclusive,fail\n\($0)shard,1,1\n"
    })
    func aManifestThatIsNotOneIsRefused(text: String) {
        #expect(PartialManifest(csv: text) == nil)
    }

    @Test func aGridBeyondTheBoundIsRefusedWithoutMultiplyingPastIt() {
        let values = Array(repeating: "v", count: 1001).joined(separator: ",")
        let text = "key,value\nformat,meshsim-partial 1\nmeshsim,0.1.0\nfingerprint,0\ncommand,run\nscenario,s\nseed,1\nreplications,2\nkeep,no\ninconclusive,fail\nsetup,s\n"
            + String(repeating: "axis,p,\(values)\n", count: 7) + "shard,1,1\n"
        #expect(PartialManifest(csv: text) == nil)
    }

    @Test func csvReaderReadsWhatCSVTableWrites() throws {
        var table = CSVTable(header: ["a", "b"])
        table.append(["x,y", "say \"hi\"\r\nthere"])
        table.append(["", ""])
        #expect(CSVReader.rows(table.text) == [["a", "b"], ["x,y", "say \"hi\"\r\nthere"], ["", ""]])
        #expect(CSVReader.rows("a,b\r\nc,d") == [["a", "b"], ["c", "d"]])
        #expect(CSVReader.rows("a\"b\n") == nil)
        #expect(CSVReader.rows("\"a\"b\n") == nil)
    }
}
