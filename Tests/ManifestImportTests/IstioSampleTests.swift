import Foundation
import Scenario
import Testing
@testable import ManifestImport

/// Istio's own sample manifests (Fixtures/istio-*.yaml, each with its source and licence in
/// its first three lines) for the ingress gateway and the security kinds, translated with a
/// mesh scenario. Expected values are read off the upstream files by hand; fixture lines are
/// the upstream lines plus 3.
@Suite struct IstioSampleTests {
    static let meshOn = "mesh: { enabled: true }\nservices: {}\n"

    /// The fragment and messages (fixture folder taken out) for the fixture files `names`.
    static func translate(_ names: [String], scenario: String = meshOn) throws -> (fragment: YAMLNode, messages: [String]) {
        var objects: [ManifestObject] = []
        for name in names {
            let path = UpstreamExampleTests.fixtures + "/" + name
            objects += try ManifestFixture.objects(try String(contentsOfFile: path, encoding: .utf8), file: name)
        }
        let (fragment, diagnostics) = ManifestTranslation.translate(objects, scenario: try YAMLParser.parse(scenario, file: "s.yaml"), namespace: "default")
        return (fragment, diagnostics.map(\.description))
    }

    /// samples/httpbin: httpbin.yaml (ServiceAccount, Service port 8000 → targetPort 8080,
    /// Deployment app=httpbin version=v1 as serviceAccountName httpbin) and
    /// httpbin-gateway.yaml (Gateway on istio=ingressgateway, a VirtualService bound to it).
    @Test func httpbinBehindItsIngressGateway() throws {
        let (fragment, messages) = try Self.translate(["istio-httpbin.yaml", "istio-httpbin-gateway.yaml"])
        #expect(messages == ["istio-httpbin.yaml:22:1: warning: ignored: ServiceAccount (v1) is not modelled"])
        let httpbin = try #require(fragment["services", "httpbin"])
        #expect(httpbin["replicas"]?.text == "1")
        #expect(httpbin["namespace"]?.text == "default")
        #expect(httpbin["port"]?.text == "8080")
        #expect(httpbin["port"]?.location.description == "istio-httpbin.yaml:37:17")
        #expect(httpbin["serviceAccount"]?.text == "httpbin")
        #expect(httpbin["labels"]?.stringMap == ["app": "httpbin", "version": "v1"])
        #expect(httpbin["sidecar"] == nil)

        let gateway = try #require(fragment["gateway"])
        #expect(gateway["kind"]?.text == "istio")
        let rules = gateway["http"]?.items ?? []
        #expect(rules.count == 1)
        let destination = try #require(rules.first?["route"]?.items.first?["destination"])
        #expect(destination["host"]?.text == "httpbin")
        #expect(destination["host"]?.location.description == "istio-httpbin-gateway.yaml:31:15")
        #expect(destination["port", "number"]?.text == "8000")
    }

    /// samples/bookinfo: the Istio Gateway and VirtualService of networking/bookinfo-gateway.yaml
    /// send /productpage, /static, /login, /logout and /api/v1/products to productpage.
    @Test func bookinfoGatewayRoutesToProductpage() throws {
        let (fragment, messages) = try Self.translate(["istio-bookinfo.yaml", "istio-bookinfo-gateway.yaml"])
        #expect(!messages.contains { $0.contains("error:") })
        #expect(!messages.contains { $0.contains("Gateway") })
        let rules = fragment["gateway", "http"]?.items ?? []
        #expect(rules.count == 1)
        let matches = rules.first?["match"]?.items ?? []
        #expect(matches.map { $0["uri"]?.entries.first?.key } == ["exact", "prefix", "exact", "exact", "prefix"])
        #expect(matches.map { $0["uri"]?.entries.first?.value.text } == ["/productpage", "/static", "/login", "/logout", "/api/v1/products"])
        #expect(rules.first?["route"]?.items.first?["destination", "host"]?.text == "productpage")
        // Bookinfo's workloads run as their own service accounts.
        #expect(fragment["services", "productpage", "serviceAccount"]?.text == "bookinfo-productpage")
        // reviews runs three Deployments (versions by their version label), one account.
        #expect(fragment["services", "reviews", "versions"]?.entries.map { $0.value["serviceAccount"]?.text } == ["bookinfo-reviews", "bookinfo-reviews", "bookinfo-reviews"])
    }

    /// pkg/test/datasets/validation/dataset/security-v1-*.yaml: the valid objects Istio's
    /// validation tests apply, each selecting app=httpbin version=v1.
    @Test func securityDatasetObjectsAreMeshEntries() throws {
        let files = ["istio-security-peer-authentication.yaml", "istio-security-authorization-policy.yaml", "istio-security-request-authentication.yaml"]
        let (fragment, messages) = try Self.translate(["istio-httpbin.yaml"] + files)
        #expect(messages == ["istio-httpbin.yaml:22:1: warning: ignored: ServiceAccount (v1) is not modelled"])
        let mesh = try #require(fragment["mesh"])
        let peer = try #require(mesh["peerAuthentications"]?.items.first)
        #expect(peer["name"]?.text == "valid-peer-authentication")
        #expect(peer["namespace"]?.text == "default")
        #expect(peer["selector", "matchLabels"]?.stringMap == ["app": "httpbin", "version": "v1"])
        #expect(peer["mtls", "mode"]?.text == "PERMISSIVE")
        #expect(peer["portLevelMtls", "8080", "mode"]?.text == "STRICT")
        #expect(peer["portLevelMtls", "8080", "mode"]?.location.description == "istio-security-peer-authentication.yaml:17:13")

        let policy = try #require(mesh["authorizationPolicies"]?.items.first)
        #expect(policy["name"]?.text == "authorization-policy")
        let rule = try #require(policy["rules"]?.items.first)
        #expect(rule["from"]?.items.map { $0["source"]?.entries.first?.key } == ["principals", "namespaces"])
        #expect(rule["from"]?.items.first?["source", "principals"]?.items.first?.text == "cluster.local/ns/default/sa/sleep")
        #expect(rule["to"]?.items.map { $0["operation", "paths"]?.items.first?.text } == ["/info*", "/data"])
        #expect(rule["when"]?.items.first?["key"]?.text == "request.auth.claims[iss]")

        let jwt = try #require(mesh["requestAuthentications"]?.items.first)
        #expect(jwt["jwtRules"]?.items.first?["issuer"]?.text == "example.com")
    }
}
