import Scenario
import Testing
@testable import ManifestImport

/// Files as `kubectl apply -f` takes them: YAML streams, JSON, `kind: List`.
@Suite struct ManifestReaderTests {
    static func read(_ text: String, file: String = "k8s/m.yaml") -> ManifestReader.Result {
        var result = ManifestReader.Result()
        _ = ManifestReader.read(text: text, file: file, namespace: "default", into: &result)
        return result
    }

    static let service = #"{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "reviews"}}"#

    @Test func aListInsideAListIsUnwrapped() {
        let result = Self.read("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items: [\(Self.service)]\n")
        #expect(result.objects.map(\.reference) == ["Service reviews.default"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func aJSONListIsRead() {
        let result = Self.read(#"{"apiVersion": "v1", "kind": "List", "items": [\#(Self.service)]}"#, file: "k8s/m.json")
        #expect(result.objects.map(\.kind) == ["Service"])
        #expect(result.objects.first?.location.description == "k8s/m.json:1:69")
    }

    /// kubectl applies nothing from a List without items; a List whose items are no list
    /// does not decode.
    @Test func aListWithoutItemsIsAWarningAndItemsOfAnotherShapeAnError() {
        #expect(Self.read("apiVersion: v1\nkind: List\n").diagnostics.map(\.description) == ["k8s/m.yaml:2:1: warning: this List holds no objects"])
        #expect(Self.read("apiVersion: v1\nkind: List\nitems: []\n").diagnostics.map(\.description) == ["k8s/m.yaml:2:1: warning: this List holds no objects"])
        let scalar = Self.read("apiVersion: v1\nkind: List\nitems: 5\n")
        #expect(scalar.objects.isEmpty)
        #expect(scalar.diagnostics.map(\.description) == ["k8s/m.yaml:3:8: error: List.items must be a list of objects"])
    }

    /// A kind that merely ends in List, named and without items, is an object of its own.
    @Test func aNamedKindEndingInListIsAnObject() {
        let result = Self.read("apiVersion: example.com/v1\nkind: AllowList\nmetadata: { name: partners }\n")
        #expect(result.objects.map(\.reference) == ["AllowList partners.default"])
    }

    @Test func documentsOfOnlyCommentsHoldNoObjects() {
        #expect(Self.read("# c\n---\n# c2\n---\n").diagnostics.map(\.description) == ["k8s/m.yaml:1:1: warning: holds no objects"])
    }

    /// An unrendered Helm template is no YAML: one located error, nothing read.
    @Test func aHelmTemplateIsAParseErrorAtTheTemplate() {
        let result = Self.read("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"x.fullname\" . }}\n")
        #expect(result.objects.isEmpty)
        #expect(result.diagnostics.map(\.description) == [
            "k8s/m.yaml:4:10: error: mapping keys must be scalars (the file holds '{{ … }}', a Helm or Go template: meshsim reads rendered manifests; render it first, e.g. helm template RELEASE CHART > manifests.yaml)",
        ])
        #expect(Self.read("kind: [a\n").diagnostics.first?.message.contains("Helm") == false)
    }

    /// The issue: the same thing defined twice is an error naming both places, also when both
    /// are one object applied twice (Istio's task files are alternatives, not one cluster's state).
    @Test func oneVirtualServiceInTwoFilesIsAnErrorNamingBoth() throws {
        let scenario = """
            name: shop
            duration: 1m
            manifests: [k8s/]
            mesh: { enabled: true }
            clients: [{ name: web, target: reviews, rate: 10/s }]
            services: { reviews: { latency: 5ms, versions: { v1: {}, v3: {} } } }

            """
        func virtualService(_ route: String) -> String {
            "apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: { name: reviews }\nspec: { hosts: [reviews], http: [{ route: \(route) }] }\n"
        }
        let (loaded, messages) = try ManifestFixture.loaded([
            "scenario.yaml": scenario,
            "k8s/a-all-v1.yaml": virtualService("[{ destination: { host: reviews, subset: v1 } }]"),
            "k8s/b-50-v3.yaml": virtualService("[{ destination: { host: reviews, subset: v3 } }]"),
        ])
        #expect(loaded.scenario == nil)
        let errors = messages.filter { $0.contains("error") }
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("k8s/b-50-v3.yaml:") == true)
        #expect(errors.first?.contains("k8s/a-all-v1.yaml:") == true)
    }

    /// decK's own kong.yaml example has no _format_version: decK takes it as 1.1, which it
    /// refuses to sync to Kong 3.x (cmd/common.go).
    @Test func aDecKFileWithoutFormatVersionIsToldToAddIt() {
        let result = Self.read("services:\n- name: svc1\n  host: mockbin.org\n")
        #expect(result.objects.isEmpty)
        #expect(result.diagnostics.map(\.description) == [
            "k8s/m.yaml:1:1: warning: ignored: this looks like a Kong decK file without _format_version, which decK reads as format 1.1 and refuses to apply to Kong 3; add _format_version: \"3.0\" at its top",
        ])
        #expect(Self.read("metadata: { name: x }\n").diagnostics.first?.message.hasPrefix("ignored: this document has no kind") == true)
    }
}
