import Foundation
import ManifestImport
import MeshsimCLI
import Testing

/// Manifests on the command line: `run` and `validate` with manifest arguments, `validate`
/// telling scenarios from manifests, `compare` with a variant that swaps the manifests.
@Suite struct ManifestCommandTests {
    typealias Workspace = CommandTests.Workspace

    static let scenario = """
        name: shop
        duration: 10s
        clients: [{ name: web, target: orders, rate: 10/s }]
        services:
          orders: { latency: 5ms }
        """

    /// A Kubernetes Service and the Deployment it selects: two objects in one file.
    static let orders = """
        apiVersion: v1
        kind: Service
        metadata:
          name: orders
        spec:
          selector: { app: orders }
          ports: [{ port: 80 }]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: { name: orders-v1 }
        spec:
          replicas: 3
          selector: { matchLabels: { app: orders, version: v1 } }
          template:
            metadata: { labels: { app: orders, version: v1 } }
            spec: { containers: [{ name: orders, image: "orders:1" }] }
        """

    /// An Istio kind meshsim does not model: a warning at its `kind`, never an error.
    static let sidecar = """
        apiVersion: networking.istio.io/v1
        kind: Sidecar
        metadata: { name: default }
        spec: { egress: [{ hosts: ["./*"] }] }
        """

    /// The API server refuses an object without a name.
    static let nameless = """
        apiVersion: v1
        kind: Service
        metadata: { labels: { app: orders } }
        """

    @Test func runReadsTheManifestsGivenAfterTheScenario() throws {
        let workspace = try Workspace(["s.yaml": Self.scenario])
        try write(workspace, ["k8s/orders.yaml": Self.orders, "k8s/sidecar.yaml": Self.sidecar])
        let result = meshsim("run", workspace.path("s.yaml"), workspace.path("k8s"), "--out", workspace.path("out"), "--quiet")
        #expect(result.code == .success, "\(result.err)")
        #expect(result.err.contains("\(workspace.path("k8s/sidecar.yaml")):2:1: warning: ignored: Sidecar (networking.istio.io/v1) is not modelled"))
        #expect(FileManager.default.fileExists(atPath: workspace.path("out/summary.csv")))
    }

    @Test func aBadManifestArgumentStopsTheRunWithItsLocation() throws {
        let workspace = try Workspace(["s.yaml": Self.scenario])
        try write(workspace, ["k8s/bad.yaml": Self.nameless])
        let result = meshsim("run", workspace.path("s.yaml"), workspace.path("k8s/bad.yaml"), "--out", workspace.path("out"), "--quiet")
        #expect(result.code == .badInput)
        #expect(result.err.contains("\(workspace.path("k8s/bad.yaml")):2:1: error: Service has no metadata.name"))
        #expect(!FileManager.default.fileExists(atPath: workspace.path("out")))
    }

    /// `a.yaml k8s/ b.yaml m.json`: the folder belongs to a, the JSON Service to b; b is a
    /// scenario, not a manifest of a, since its first document has clients and duration.
    @Test func validateTellsScenariosFromManifests() throws {
        let service = #"{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "orders"}, "spec": {"selector": {"app": "orders"}}}"#
        let workspace = try Workspace(["a.yaml": Self.scenario, "b.yaml": Self.scenario])
        try write(workspace, ["k8s/orders.yaml": Self.orders, "k8s/sidecar.yaml": Self.sidecar, "m.json": service])
        let result = meshsim("validate", workspace.path("a.yaml"), workspace.path("k8s"), workspace.path("b.yaml"), workspace.path("m.json"))
        #expect(result.code == .success, "\(result.out)")
        #expect(result.err.contains("\(workspace.path("a.yaml")): read 3 objects from 2 manifest files\n"))
        #expect(result.err.contains("\(workspace.path("b.yaml")): read 1 object from 1 manifest file\n"))
        #expect(result.err.contains("2 files checked: 0 errors, 1 warning"))
        #expect(result.out.contains("\(workspace.path("k8s/sidecar.yaml")):2:1: warning: ignored: Sidecar"))
    }

    @Test func theArgumentRule() throws {
        let workspace = try Workspace(["a.yaml": Self.scenario, "b.yaml": Self.scenario])
        try write(workspace, [
            "k8s/orders.yaml": Self.orders, "kong.yaml": "_format_version: \"3.0\"\nservices: []\n",
            "notes.yaml": "# the pull request's manifests go here\n", "helm.yaml": "metadata:\n  name: {{ .Values.name }}\n",
        ])
        let glob = workspace.path("k8s") + "/*.yaml"
        let groups = ManifestArguments.group([
            workspace.path("a.yaml"), workspace.path("k8s"), workspace.path("kong.yaml"), glob,
            workspace.path("notes.yaml"), workspace.path("helm.yaml"),
            workspace.path("missing.yaml"), workspace.path("b.yaml"),
        ])
        // A file of comments only, or an unrendered Helm template, is read as a manifest,
        // where it is "holds no objects" or a parse error with the Helm hint.
        #expect(groups == [
            ManifestArguments.Group(
                scenario: workspace.path("a.yaml"),
                manifests: [workspace.path("k8s"), workspace.path("kong.yaml"), glob, workspace.path("notes.yaml"), workspace.path("helm.yaml")]),
            // A missing file is a scenario, so that its loading says "no such file".
            ManifestArguments.Group(scenario: workspace.path("missing.yaml")),
            ManifestArguments.Group(scenario: workspace.path("b.yaml")),
        ])
        // The first argument is a scenario whatever it holds.
        #expect(ManifestArguments.group([workspace.path("k8s/orders.yaml")]) == [ManifestArguments.Group(scenario: workspace.path("k8s/orders.yaml"))])
    }

    /// Main's manifests in the scenario, the pull request's in a variant: each setup reads its
    /// own, and what only the pull request's hold is reported for its variant alone.
    @Test func aVariantThatSwapsTheManifestsReadsItsOwn() throws {
        let text = Self.scenario + "\nmanifests: [main/]\nvariants:\n  main: {}\n  pr: { manifests: [pr/] }\n"
        let workspace = try Workspace(["s.yaml": text])
        try write(workspace, ["main/orders.yaml": Self.orders, "pr/orders.yaml": Self.orders, "pr/sidecar.yaml": Self.sidecar])
        let validated = meshsim("validate", workspace.path("s.yaml"))
        #expect(validated.code == .success)
        #expect(validated.out == "\(workspace.path("pr/sidecar.yaml")):2:1: warning: in variant 'pr': ignored: Sidecar (networking.istio.io/v1) is not modelled\n")
        #expect(validated.err.contains("\(workspace.path("s.yaml")): read 2 objects from 1 manifest file\n"))
        let compared = meshsim("compare", workspace.path("s.yaml"), "--out", workspace.path("out"), "--quiet")
        #expect(compared.code == .success, "\(compared.err)")
        for setup in ["main", "pr"] {
            #expect(FileManager.default.fileExists(atPath: workspace.path("out/\(setup)/summary.csv")))
        }
    }

    @Test func aVariantsBrokenManifestsFailCompareWithTheirLocation() throws {
        let text = Self.scenario + "\nmanifests: [main/]\nvariants:\n  main: {}\n  pr: { manifests: [pr/] }\n"
        let workspace = try Workspace(["s.yaml": text])
        try write(workspace, ["main/orders.yaml": Self.orders, "pr/orders.yaml": Self.nameless])
        let compared = meshsim("compare", workspace.path("s.yaml"), "--out", workspace.path("out"), "--quiet")
        #expect(compared.code == .badInput)
        #expect(compared.err.contains("\(workspace.path("pr/orders.yaml")):2:1: error: in variant 'pr': Service has no metadata.name"))
    }

    /// eval reads the scenario's `manifests:` as run does: a manifest the cluster refuses
    /// stops it with the manifest's location; a good one lets the request through.
    @Test func evalReadsTheScenariosManifests() throws {
        let workspace = try Workspace(["good.yaml": Self.scenario + "\nmanifests: [k8s/]\n", "bad.yaml": Self.scenario + "\nmanifests: [bad/]\n"])
        try write(workspace, ["k8s/orders.yaml": Self.orders, "bad/orders.yaml": Self.nameless])
        let refused = meshsim("eval", workspace.path("bad.yaml"), "--request", "GET /")
        #expect(refused.code == .badInput)
        #expect(refused.err.contains("\(workspace.path("bad/orders.yaml")):2:1: error: Service has no metadata.name"))
        let evaluated = meshsim("eval", workspace.path("good.yaml"), "--client", "web")
        #expect(evaluated.code == .success, "\(evaluated.err)")
    }

    @Test func runAndImportArguments() throws {
        #expect(try ArgumentParser.parse(["run", "s.yaml", "k8s/a.yaml", "k8s/b.yaml", "--quiet"])
            == .run(RunOptions(scenario: "s.yaml", manifests: ["k8s/a.yaml", "k8s/b.yaml"], quiet: true)))
        #expect(try ArgumentParser.parse(["import", "k8s/", "kong.yaml", "--out", "s.yaml", "--force"])
            == .importManifests(ImportOptions(paths: ["k8s/", "kong.yaml"], out: "s.yaml", force: true)))
        let usage = meshsim("import")
        #expect(usage.code == .badInput)
        #expect(usage.err == "error: 'import' needs a PATH: a manifest file, folder or glob, such as 'meshsim import k8s/'\nRun 'meshsim import --help' for usage.\n")
    }

    func write(_ workspace: Workspace, _ files: [String: String]) throws {
        for (name, text) in files {
            let url = workspace.root.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }
}
