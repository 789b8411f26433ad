import Scenario
import Testing
@testable import ManifestImport

@Suite struct ManifestExpansionTests {
    static let scenario = """
        name: shop
        duration: 1m
        manifests: [k8s/]
        clients: [{ name: web, target: orders, rate: 10/s }]
        services:
          orders: { latency: 5ms }

        """

    @Test func aScenarioWithoutManifestObjectsLoadsAsWritten() throws {
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "k8s/empty.yaml": "---\n"])
        #expect(loaded.scenario?.services.map(\.name) == ["orders"])
        #expect(messages == ["k8s/empty.yaml:1:1: warning: holds no objects"])
    }

    @Test func aMissingFolderIsAnErrorAtTheEntry() throws {
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario])
        #expect(loaded.scenario == nil)
        #expect(messages.first?.hasPrefix("scenario.yaml:3:13: error: no such file or folder: 'k8s/'") == true)
    }

    @Test func kindsNotReadAreNamedOncePerKind() throws {
        let sidecars = """
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata: { name: a }
            ---
            apiVersion: networking.istio.io/v1
            kind: Sidecar
            metadata: { name: b }
            """
        let (loaded, messages) = try ManifestFixture.loaded(["scenario.yaml": Self.scenario, "k8s/sidecars.yaml": sidecars])
        #expect(loaded.scenario != nil)
        #expect(messages == ["k8s/sidecars.yaml:2:1: warning: ignored: Sidecar (networking.istio.io/v1) is not modelled (2 objects)"])
    }

    /// One entry may be written without the list; an entry that is not text is an error at it.
    @Test func manifestsTakesOneEntryOrAListOfText() throws {
        let single = Self.scenario.replacingOccurrences(of: "manifests: [k8s/]", with: "manifests: k8s/")
        let fixture = try ManifestFixture(["scenario.yaml": single, "k8s/empty.yaml": "---\n"])
        defer { fixture.remove() }
        #expect(fixture.messages(fixture.load()) == ["k8s/empty.yaml:1:1: warning: holds no objects"])
        let mapping = Self.scenario.replacingOccurrences(of: "manifests: [k8s/]", with: "manifests: [k8s/, { path: x }]")
        let wrong = try ManifestFixture(["scenario.yaml": mapping, "k8s/empty.yaml": "---\n"])
        defer { wrong.remove() }
        #expect(wrong.messages(wrong.load()).contains("scenario.yaml:3:19: error: manifests: each entry is a file, folder or glob, written as text"))
    }

    @Test func theNamespaceMustBeAKubernetesName() throws {
        let fixture = try ManifestFixture(["scenario.yaml": Self.scenario + "namespace: Shop_1\n", "k8s/empty.yaml": "---\n"])
        defer { fixture.remove() }
        #expect(fixture.load().errors.map(\.location.line) == [7])
    }
}
