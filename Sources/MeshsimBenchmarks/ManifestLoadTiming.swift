import Foundation
import ManifestImport
import Scenario

/// What `meshsim validate` does with a scenario that names a folder of manifests: read the
/// folder, translate every object, merge, decode and validate. The issue asks for 1,000
/// documents in under a second; the folder is generated, one file per service as a
/// repository holds them: a Service, two Deployments, a DestinationRule with two subsets
/// and a VirtualService per service.
struct ManifestLoadTiming {
    struct Outcome {
        var documents: Int
        var files: Int
        var services: Int
        /// Best of the runs.
        var seconds: Double
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static let documentsPerService = 5
    let services: Int
    let rounds: Int

    func run() throws(Failure) -> Outcome {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("meshsim-bench-manifests-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try write(to: folder)
        var best = Double.infinity
        for _ in 0..<rounds {
            let (loaded, seconds) = Stopwatch.time {
                ScenarioLoader.load(path: scenario, expansion: ManifestExpansion(scenarioFile: scenario))
            }
            guard let loadedScenario = loaded.scenario else {
                throw Failure(description: loaded.errors.first?.description ?? "the generated scenario did not load")
            }
            guard loadedScenario.services.count == services else {
                throw Failure(description: "the generated manifests gave \(loadedScenario.services.count) services, not \(services)")
            }
            best = min(best, seconds)
        }
        return Outcome(documents: services * Self.documentsPerService, files: services, services: services, seconds: best)
    }

    /// The scenario file and its `manifests/` folder; the scenario's path.
    private func write(to folder: URL) throws(Failure) -> String {
        let manifests = folder.appendingPathComponent("manifests")
        do {
            try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
            for index in 0..<services {
                let name = Self.name(index)
                try Self.manifests(name).write(to: manifests.appendingPathComponent("\(name).yaml"), atomically: false, encoding: .utf8)
            }
            let scenario = folder.appendingPathComponent("scenario.yaml")
            try Self.scenario(first: Self.name(0)).write(to: scenario, atomically: false, encoding: .utf8)
            return scenario.path
        } catch {
            throw Failure(description: "cannot write the generated manifests in \(folder.path): \(error.localizedDescription)")
        }
    }

    private static func name(_ index: Int) -> String {
        "svc-" + String(repeating: "0", count: max(0, 4 - String(index).count)) + String(index)
    }

    private static func scenario(first: String) -> String {
        """
        name: manifest-load
        duration: 1m
        manifests: [manifests/]
        namespace: shop
        mesh: { enabled: true }
        clients:
          - { name: web, rate: 10/s, target: \(first) }

        """
    }

    private static func manifests(_ name: String) -> String {
        """
        apiVersion: v1
        kind: Service
        metadata: { name: \(name), namespace: shop }
        spec:
          selector: { app: \(name) }
          ports: [{ name: http, port: 8080, targetPort: 8080 }]
        \(deployment(name, version: "v1", replicas: 3))
        \(deployment(name, version: "v2", replicas: 2))
        ---
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: { name: \(name), namespace: shop }
        spec:
          host: \(name).shop.svc.cluster.local
          trafficPolicy:
            connectionPool: { http: { http1MaxPendingRequests: 100, maxRetries: 3 } }
            outlierDetection: { consecutive5xxErrors: 5, interval: 10s, baseEjectionTime: 30s, maxEjectionPercent: 50 }
          subsets:
            - { name: v1, labels: { version: v1 } }
            - { name: v2, labels: { version: v2 } }
        ---
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: { name: \(name), namespace: shop }
        spec:
          hosts: [\(name)]
          http:
            - match: [{ headers: { x-canary: { exact: "true" } } }]
              route: [{ destination: { host: \(name), subset: v2 } }]
            - route:
                - { destination: { host: \(name), subset: v1 }, weight: 90 }
                - { destination: { host: \(name), subset: v2 }, weight: 10 }
              timeout: 2s
              retries: { attempts: 2, perTryTimeout: 500ms, retryOn: "5xx,connect-failure" }

        """
    }

    private static func deployment(_ name: String, version: String, replicas: Int) -> String {
        """
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: \(name)-\(version), namespace: shop }
        spec:
          replicas: \(replicas)
          selector: { matchLabels: { app: \(name), version: \(version) } }
          template:
            metadata: { labels: { app: \(name), version: \(version) } }
            spec:
              containers: [{ name: app, image: "registry.example.com/\(name):\(version)", ports: [{ containerPort: 8080 }] }]
        """
    }
}
