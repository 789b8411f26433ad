import Foundation
import Scenario
import Testing
@testable import ManifestImport

/// The parts of `meshsim import`'s draft that the end-to-end tests (MeshsimCLITests, whose
/// manifests have no gateway) do not reach: a client per route with the credential its
/// authentication wants, paths written from the draft's folder, and the draft's namespace.
@Suite struct ScenarioDraftTests {
    static func route(_ text: String) throws -> DraftWriter.Route? {
        DraftWriter.Route(try YAMLParser.parse(text, file: "route.yaml"))
    }

    /// A client sends to the route's first path; a Kong regex path (`~` prefix) matches no
    /// literal path, nor does a route without paths name one, so those send to `/`.
    @Test func aRouteIsSentToAtItsFirstPath() throws {
        #expect(try Self.route("{ name: orders, paths: [/api/orders, /api/order], service: orders }")?.path == "/api/orders")
        #expect(try Self.route(#"{ name: items, paths: ["~/items/\\d+$"], service: items }"#)?.path == "/")
        #expect(try Self.route("{ name: all, service: api }")?.path == "/")
        #expect(try Self.route("{ paths: [/x], service: api }") == nil)
    }

    /// Istio's ingress gateway: a client per `gateway.http` rule, named by the rule (else its
    /// first destination), at its first uri match (exact or prefix), else `/`.
    @Test func anIstioGatewayRuleIsSentToAtItsFirstUri() throws {
        func rule(_ text: String) throws -> DraftWriter.Route? { DraftWriter.Route(istioRule: try YAMLParser.parse(text, file: "rule.yaml")) }
        let exact = try rule("{ match: [{ uri: { exact: /productpage } }, { uri: { prefix: /static } }], route: [{ destination: { host: productpage } }] }")
        #expect(exact?.name == "productpage")
        #expect(exact?.path == "/productpage")
        #expect(try rule("{ name: api, match: [{ uri: { prefix: /api } }], route: [{ destination: { host: orders } }] }")?.name == "api")
        #expect(try rule("{ match: [{ uri: { regex: \"/a.*\" } }], route: [{ destination: { host: orders } }] }")?.path == "/")
        #expect(try rule("{ match: [{ uri: { prefix: /x } }] }") == nil)
    }

    /// With routes, the draft's clients are those the scenario decoder reads: one per route,
    /// named after it (a name a client may not have is made plain), at its path.
    @Test func clientsPerRouteDecode() throws {
        var writer = DraftWriter(name: "shop", manifests: [], namespace: nil, counts: (1, 3))
        writer.routes = [try #require(try Self.route("{ name: orders, paths: [/api/orders] }")),
                         try #require(try Self.route("{ name: \"orders v2\", paths: [/v2/orders] }"))]
        writer.services = ["orders"]
        let gateway = "gateway:\n  routes:\n    - { name: orders, paths: [/api/orders], service: orders }\n"
        let loaded = ScenarioLoader.load(text: writer.text + gateway, file: "draft.yaml", expansion: ManifestExpansion(scenarioFile: "draft.yaml"))
        #expect(loaded.errors.isEmpty, "\(loaded.diagnostics)")
        let clients = try #require(loaded.scenario?.clients)
        #expect(clients.map(\.name) == ["orders", "orders-v2"])
        #expect(clients.map { $0.requests.map(\.path) } == [["/api/orders"], ["/v2/orders"]])
    }

    /// Kong runs a route's plugin in place of the global one of the same name, and leaves out
    /// one with `enabled: false`; a client carries one credential, a jwt issuer as written.
    @Test func aRoutesClientCarriesWhatItsAuthenticationWants() throws {
        let global = try YAMLParser.parse("""
            - { name: jwt, issuers: { issuer-a: web-app } }
            - { name: rate-limiting, config: { minute: 10 } }
            """, file: "g.yaml").items
        func authentication(_ route: String, globals: [YAMLNode] = global) throws -> DraftWriter.Route.Authentication? {
            try #require(DraftWriter.Route(try YAMLParser.parse(route, file: "r.yaml"), globalPlugins: globals)).authentication
        }
        #expect(try authentication("{ name: a }") == .jwt(issuer: "issuer-a"))
        #expect(try authentication("{ name: a }", globals: []) == nil)
        #expect(try authentication("{ name: a, plugins: [{ name: jwt, enabled: false }] }") == nil)
        #expect(try authentication("{ name: a, plugins: [{ name: jwt, issuers: { issuer-b: partner } }] }") == .jwt(issuer: "issuer-b"))
        #expect(try authentication("{ name: a, plugins: [{ name: key-auth, consumers: { k-web: web-app } }] }") == .both)
        #expect(try authentication("{ name: a, plugins: [{ name: key-auth, consumers: { k-web: web-app } }] }", globals: []) == .apiKey(consumer: "web-app"))
        // The issuer is written (quoted) with a token valid for an hour; a key never is.
        var writer = DraftWriter(name: "shop", manifests: [], namespace: nil, counts: (1, 1))
        writer.services = ["orders"]
        writer.routes = [try #require(DraftWriter.Route(try YAMLParser.parse("{ name: orders, paths: [/api/orders] }", file: "r.yaml"), globalPlugins: global))]
        #expect(writer.text.contains("\n    credential: { jwt: { iss: \"issuer-a\", exp: 1h } }"))
    }

    /// Imported consumers are `gateway.consumers`: a plugin without its own map knows theirs.
    @Test func aRoutesClientTakesItsCredentialFromTheGatewaysConsumers() throws {
        let consumers = try YAMLParser.parse("""
            - { username: batch, acls: [{ group: internal }] }
            - { username: web-app, keyauth_credentials: [{ key: k-web }], jwt_secrets: [{ key: issuer-w }] }
            """, file: "c.yaml").items
        func authentication(_ plugin: String) throws -> DraftWriter.Route.Authentication? {
            let route = try YAMLParser.parse("{ name: a, plugins: [\(plugin)] }", file: "r.yaml")
            return try #require(DraftWriter.Route(route, consumers: consumers)).authentication
        }
        #expect(try authentication("{ name: jwt }") == .jwt(issuer: "issuer-w"))
        #expect(try authentication("{ name: key-auth }") == .apiKey(consumer: "web-app"))
        #expect(try authentication("{ name: jwt, issuers: { issuer-b: partner } }") == .jwt(issuer: "issuer-b"))
    }

    @Test func manifestPathsAreWrittenFromTheDraftsFolder() {
        let current = FileManager.default.currentDirectoryPath
        #expect(DraftWriter.relative("k8s/", to: "sim") == "../k8s/")
        #expect(DraftWriter.relative("sim/k8s", to: "sim") == "k8s")
        #expect(DraftWriter.relative("k8s/*.yaml", to: "a/b") == "../../k8s/*.yaml")
        #expect(DraftWriter.relative(".", to: "sim") == "..")
        #expect(DraftWriter.relative(current + "/k8s", to: "sim") == "../k8s")
        // Written to stdout (or beside the current folder), an entry is as given.
        #expect(DraftWriter.relative("k8s/", to: "") == "k8s/")
        // Sharing only the root, an absolute path stays absolute.
        #expect(DraftWriter.relative("/nonexistent-root-\(UUID().uuidString)/k8s", to: "sim").hasPrefix("/nonexistent-root-"))
    }

    /// The most named namespace, the first by name on a tie; names Kubernetes refuses are not taken.
    @Test func theDraftsNamespace() throws {
        func objects(_ namespaces: [String?]) throws -> [ManifestObject] {
            try namespaces.enumerated().map { index, namespace in
                let metadata = namespace.map { "{ name: s\(index), namespace: \($0) }" } ?? "{ name: s\(index) }"
                let node = try YAMLParser.parse("apiVersion: v1\nkind: Service\nmetadata: \(metadata)\n", file: "m.yaml")
                return ManifestObject(apiVersion: "v1", kind: "Service", name: "s\(index)", namespace: namespace ?? "default", node: node)
            }
        }
        #expect(ScenarioDraft.commonNamespace(try objects([nil, nil])) == "default")
        #expect(ScenarioDraft.commonNamespace(try objects(["shop", nil, "shop", "mesh"])) == "shop")
        #expect(ScenarioDraft.commonNamespace(try objects(["web", "api"])) == "api")
        #expect(ScenarioDraft.commonNamespace(try objects(["Shop"])) == "default")
    }
}
