import Engine
import Reports
import Scenario
import Testing

/// What the report files say about a cluster with no host: a version scaled to zero and a
/// route to a subset no DestinationRule defines, run end to end from YAML.
@Suite struct EmptyClusterReportTests {
    private func run(_ yaml: String) throws -> RunResult {
        let loaded = ScenarioLoader.load(text: yaml, file: "empty.yaml")
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        return try Simulator.run(try #require(loaded.scenario))
    }

    @Test func aServiceScaledToZeroAnswersEveryRequest503UHInResponsesCSV() throws {
        // 5 requests/s evenly spaced for 20 s: 100 requests, each answered by the caller's
        // sidecar with no host to send to. v2 is routed nothing and keeps its rows.
        let result = try run("""
            name: scaled-to-zero
            duration: 20s
            interval: 10s
            clients:
              - { name: web, target: s, rate: 5/s, arrival: uniform }
            mesh: { enabled: true }
            services:
              s:
                replicas: 0
                versions: { v1: {}, v2: {} }
                http: [{ route: [{ destination: { host: s, subset: v1 } }] }]
            """)
        #expect(ResponsesReport.csv(result) == """
            scope,name,code,flag,count
            total,all,503,UH,100
            client,web,503,UH,100
            service,s,503,UH,100
            version,s/v1,503,UH,100

            """)
        let summary = SummaryReport.csv(result).split(separator: "\n").map { $0.split(separator: ",").prefix(5).joined(separator: ",") }
        #expect(summary == [
            "scope,name,requests,ok,errors",
            "total,all,100,0,100",
            "client,web,100,0,100",
            "service,s,100,0,100",
            "version,s/v1,100,0,100",
            "version,s/v2,0,0,0",
        ])
        let v2 = TimeseriesReport.csv(result).split(separator: "\n").filter { $0.contains(",s/v2,") }
        #expect(v2 == ["10,version,s/v2,0,0.000,0,0,0,,,0,0", "20,version,s/v2,0,0.000,0,0,0,,,0,0"])
    }
}
