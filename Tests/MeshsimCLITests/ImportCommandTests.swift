import Foundation
import MeshsimCLI
import Testing

/// `meshsim import`: a draft that `validate` passes, written whole, never over a file unless
/// `--force`, and refused (exit 2) when the manifests give nothing to simulate.
@Suite struct ImportCommandTests {
    typealias Workspace = CommandTests.Workspace

    /// orders (Service + Deployment), payments (a Service alone) and an Istio
    /// DestinationRule, in three files read in path order.
    static let manifests = [
        "k8s/orders.yaml": ManifestCommandTests.orders,
        "k8s/payments.yaml": """
            apiVersion: v1
            kind: Service
            metadata: { name: payments }
            spec: { selector: { app: payments } }
            """,
        "k8s/dr.yaml": """
            apiVersion: networking.istio.io/v1
            kind: DestinationRule
            metadata: { name: orders }
            spec:
              host: orders
              trafficPolicy: { connectionPool: { tcp: { maxConnections: 100 } } }
            """,
    ]

    @Test func theDraftNamesTheManifestsFromItsFolderAndValidates() throws {
        let workspace = try Workspace([:])
        try ManifestCommandTests().write(workspace, Self.manifests)
        let out = workspace.path("sim/scenario.yaml")
        let result = meshsim("import", workspace.path("k8s"), "--out", out)
        #expect(result.code == .success, "\(result.err)")
        #expect(result.out.isEmpty)
        let draft = try workspace.read("sim/scenario.yaml")
        let lines = draft.split(separator: "\n").map(String.init)
        #expect(lines.first == "# Drafted by meshsim import from 3 manifest files (4 objects).")
        #expect(lines.contains("name: scenario"))
        #expect(lines.contains("  - \"../k8s\""))
        #expect(lines.contains { $0.hasPrefix("mesh: { enabled: true }") })
        // No gateway route: a client per service, sending to it directly.
        #expect(lines.filter { $0.hasPrefix("  - { name: ") } == [
            "  - { name: orders, target: orders, rate: 10/s } # TODO: rate",
            "  - { name: payments, target: payments, rate: 10/s } # TODO: rate",
        ])
        #expect(lines.filter { $0.hasPrefix("    latency: 10ms") }.count == 2)
        let validated = meshsim("validate", out)
        #expect(validated.code == .success, "\(validated.out)")
        #expect(validated.err.contains("\(out): read 4 objects from 3 manifest files"))
        // A file the scenario reads already (as sim/../k8s/orders.yaml) is not read twice.
        let again = meshsim("validate", out, workspace.path("k8s/orders.yaml"))
        #expect(again.code == .success, "\(again.out)")
        #expect(again.err.contains("\(out): read 4 objects from 3 manifest files"))
    }

    /// To stdout the entries are the arguments as given; saved anywhere they still resolve
    /// when absolute.
    @Test func toStandardOutput() throws {
        let workspace = try Workspace([:])
        try ManifestCommandTests().write(workspace, Self.manifests)
        let result = meshsim("import", workspace.path("k8s/orders.yaml"), workspace.path("k8s/payments.yaml"))
        #expect(result.code == .success, "\(result.err)")
        #expect(result.out.contains("# relative to this file\n  - \"\(workspace.path("k8s/orders.yaml"))\"\n  - \"\(workspace.path("k8s/payments.yaml"))\"\n"))
        #expect(!result.out.contains("mesh:"))
        try result.out.write(to: workspace.root.appendingPathComponent("draft.yaml"), atomically: true, encoding: .utf8)
        #expect(meshsim("validate", workspace.path("draft.yaml")).code == .success)
    }

    @Test func anExistingFileIsReplacedOnlyWithForce() throws {
        let workspace = try Workspace(["s.yaml": "finished: by hand\n"])
        try ManifestCommandTests().write(workspace, Self.manifests)
        let refused = meshsim("import", workspace.path("k8s"), "--out", workspace.path("s.yaml"))
        #expect(refused.code == .badInput)
        #expect(refused.err == "error: --out \(workspace.path("s.yaml")) exists; pass --force to replace it, or write the draft elsewhere\n")
        #expect(try workspace.read("s.yaml") == "finished: by hand\n")
        let forced = meshsim("import", workspace.path("k8s"), "--out", workspace.path("s.yaml"), "--force")
        #expect(forced.code == .success)
        #expect(try workspace.read("s.yaml").hasPrefix("# Drafted by meshsim import"))
        #expect(meshsim("import", workspace.path("k8s"), "--out", workspace.root.path, "--force").code == .badInput)
    }

    @Test func badInputWritesNothing() throws {
        let workspace = try Workspace([:])
        try ManifestCommandTests().write(workspace, ["mesh/sidecar.yaml": ManifestCommandTests.sidecar, "bad/s.yaml": ManifestCommandTests.nameless])
        let out = workspace.path("s.yaml")
        // A folder made for the draft goes again when there is none.
        let noService = meshsim("import", workspace.path("mesh"), "--out", workspace.path("new/sim/s.yaml"))
        #expect(noService.code == .badInput)
        #expect(noService.err.contains("error: found no service in 1 manifest file (1 object): a draft needs at least one Kubernetes Service (v1)"))
        let missing = meshsim("import", workspace.path("nothing"), "--out", out)
        #expect(missing.code == .badInput)
        #expect(missing.err.contains("\(workspace.path("nothing")):1:1: error: no such file or folder"))
        let invalid = meshsim("import", workspace.path("bad"), "--out", out)
        #expect(invalid.code == .badInput)
        #expect(invalid.err.contains("\(workspace.path("bad/s.yaml")):2:1: error: Service has no metadata.name"))
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("new")))
    }
}
